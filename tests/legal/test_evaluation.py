"""The held-out evaluation: fails when the ranking gets worse than the figures in the README."""

from django.core.management import call_command

from backend.legal.corpus import provisions_by_key
from backend.legal.evaluation import Item, Outcome, evaluate, load_items

# measured on data/eval_set.jsonl (61 items), floored to two decimals: recall@5 0.5888, MRR 0.6826
RECALL_AT_5_FLOOR = 0.58
MRR_FLOOR = 0.68


def test_the_sets_are_apart_well_formed_and_cite_only_shipped_provisions():
    evaluation, dev = load_items("eval"), load_items("dev")
    assert len(evaluation) >= 50 and 10 <= len(dev) < len(evaluation)
    assert not {i.summary for i in evaluation} & {i.summary for i in dev}
    for item in evaluation + dev:
        assert 1 <= len(item.relevant) <= 4
        assert item.relevant <= provisions_by_key().keys(), item.id


def test_recall_and_reciprocal_rank_are_computed_per_item():
    item = Item("x", "0101", "…", frozenset({"a", "b"}))
    outcome = Outcome(item, ("c", "a", "d", "e", "f", "b"))
    assert (outcome.recall(5), outcome.reciprocal_rank) == (0.5, 0.5)
    assert Outcome(item, ("c",)).reciprocal_rank == 0.0


def test_the_ranking_keeps_its_measured_quality_on_the_evaluation_set():
    metrics = evaluate(load_items("eval"))
    assert metrics.recall_at_5 >= RECALL_AT_5_FLOOR, metrics.recall_at_5
    assert metrics.mrr >= MRR_FLOOR, metrics.mrr


def test_the_command_prints_both_figures(capsys):
    call_command("evaluate_legal", "--set", "dev")
    out = capsys.readouterr().out
    assert "set=dev items=16" in out and "recall@5=" in out and "MRR=" in out
