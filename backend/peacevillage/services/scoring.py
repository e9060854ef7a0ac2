"""An assessment's automatic items and its score: 100 × the weight of the items passed ÷ the
weight of all its items (one decimal); qualified when every 六无 item passed."""

from decimal import Decimal

from backend.peacevillage.models import Assessment, AssessmentItem, ChecklistGroup
from backend.peacevillage.periods import period_range
from backend.peacevillage.rules import RULES


def auto_items_refresh(assessment: Assessment) -> None:
    """Answer the automatic items again from the data (caller holds the assessment's lock)."""
    first, last = period_range(assessment.period)
    for result in assessment.items.filter(auto=True).select_related("item"):
        passed, note = RULES[result.item.auto_rule]([assessment.area_id], first, last)[
            assessment.area_id
        ]
        if (result.passed, result.note) != (passed, note):
            result.passed, result.note = passed, note
            result.save(update_fields=["passed", "note"])


def score_of(results: list[AssessmentItem]) -> tuple[Decimal, bool]:
    total = sum(r.item.weight for r in results)
    passed = sum(r.item.weight for r in results if r.passed)
    score = Decimal(100 * passed / total).quantize(Decimal("0.1")) if total else Decimal(0)
    six_none = [r for r in results if r.item.group == ChecklistGroup.SIX_NONE]
    return score, bool(six_none) and all(r.passed for r in six_none)


def score_update(assessment: Assessment) -> None:
    score, qualified = score_of(list(assessment.items.select_related("item")))
    if (assessment.score, assessment.qualified) != (score, qualified):
        assessment.score, assessment.qualified = score, qualified
        assessment.save(update_fields=["score", "qualified", "updated_at"])
