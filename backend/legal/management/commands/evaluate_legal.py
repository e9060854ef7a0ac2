from django.core.management.base import BaseCommand, CommandParser

from backend.legal.evaluation import SETS, evaluate, load_items


class Command(BaseCommand):
    help = "Recall@5 and MRR of the legal provision recommendation on the evaluation set"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--set", choices=sorted(SETS), default="eval", dest="name")
        parser.add_argument("--misses", action="store_true", help="list items missing a provision")

    def handle(self, *args: object, name: str, misses: bool, **options: object) -> None:
        metrics = evaluate(load_items(name))
        if misses:
            for outcome in metrics.outcomes:
                if outcome.recall(5) < 1:
                    lost = sorted(outcome.item.relevant - set(outcome.ranking[:5]))
                    self.stdout.write(
                        f"{outcome.item.id} 缺 {' '.join(lost)}; 前5 {' '.join(outcome.ranking[:5])}"
                    )
        self.stdout.write(f"set={name} items={len(metrics.outcomes)}")
        self.stdout.write(f"recall@5={metrics.recall_at_5:.4f} MRR={metrics.mrr:.4f}")
