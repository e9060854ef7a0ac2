"""Measuring the provision ranking on labelled dispute descriptions (data/eval_set.jsonl, kept
apart from data/dev_set.jsonl, the only set used to tune the parameters, dictionary and priors).

recall@k: per item, the share of the provisions a mediator would cite found in the top k, averaged
over items. MRR: per item, 1 / rank of the first cited provision (0 if none in the top 20)."""

import json
from dataclasses import dataclass

from backend.legal.recommend import MAX_LIMIT, recommend_provisions
from backend.legal.text import DATA_DIR

SETS = {"eval": DATA_DIR / "eval_set.jsonl", "dev": DATA_DIR / "dev_set.jsonl"}


@dataclass(frozen=True)
class Item:
    id: str
    type_code: str
    summary: str
    relevant: frozenset[str]


@dataclass(frozen=True)
class Outcome:
    item: Item
    ranking: tuple[str, ...]  # provision keys, best first

    def recall(self, k: int) -> float:
        return len(self.item.relevant & set(self.ranking[:k])) / len(self.item.relevant)

    @property
    def reciprocal_rank(self) -> float:
        ranks = [n for n, key in enumerate(self.ranking, 1) if key in self.item.relevant]
        return 1 / ranks[0] if ranks else 0.0


@dataclass(frozen=True)
class Metrics:
    recall_at_5: float
    mrr: float
    outcomes: tuple[Outcome, ...]


def load_items(name: str) -> list[Item]:
    with SETS[name].open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return [
        Item(row["id"], row["type_code"], row["summary"], frozenset(row["relevant"]))
        for row in rows
    ]


def evaluate(items: list[Item]) -> Metrics:
    outcomes = tuple(
        Outcome(item, tuple(s.provision.key for s in _ranking(item))) for item in items
    )
    count = len(outcomes) or 1
    return Metrics(
        recall_at_5=sum(o.recall(5) for o in outcomes) / count,
        mrr=sum(o.reciprocal_rank for o in outcomes) / count,
        outcomes=outcomes,
    )


def _ranking(item: Item) -> list:
    return recommend_provisions(text=item.summary, type_code=item.type_code, limit=MAX_LIMIT)
