"""Demo 平安村庄: each of the 57 member units sponsors (包联) up to three villages of the seeded
divisions; those villages are assessed for the first half of the demo year (approved) and, partly,
for the second (submitted or draft). Automatic items come from the demo disputes and incidents
(demo_incidents.py); manual items pass nine times in ten. Bulk-inserted and idempotent (village and period are the key)."""

from datetime import date, datetime, time
from decimal import Decimal
from random import Random

from backend.areas.models import Area
from backend.demo.context import DemoContext
from backend.peacevillage.demo_incidents import seed as seed_incidents
from backend.peacevillage.models import (
    Assessment,
    AssessmentItem,
    AssessmentStatus,
    ChecklistItem,
    VillageSponsor,
)
from backend.peacevillage.periods import period_range
from backend.peacevillage.rules import RULES
from backend.peacevillage.services.scoring import score_of

PER_UNIT = 3
NOTES = ("现场查看，台账齐全", "查阅资料，符合要求", "走访群众，情况属实")
SHORTFALLS = ("台账记录不全，需限期整改", "现场查看发现问题尚未整改", "走访群众反映落实不到位")


Sponsored = tuple[Area, int]  # a village and the id of its sponsoring unit
Plan = tuple[str, Sponsored, str]  # period, village, status


def seed(ctx: DemoContext) -> dict[str, int]:
    incidents = seed_incidents(ctx)  # first: the automatic check 无重大刑事案件 reads them
    villages, sponsorships = _sponsored(ctx)
    year, rng = ctx.anchor.year, ctx.rng("peacevillage:assessments")
    plans: list[Plan] = [(f"{year}-H1", v, AssessmentStatus.APPROVED) for v in villages]
    for village in villages:
        roll = rng.random()
        if roll < 0.7:
            plans.append((f"{year}-H2", village, _second_half(roll)))
    return {"peacevillage.villagesponsor": sponsorships, **incidents, **_assess(ctx, plans)}


def _second_half(roll: float) -> str:
    return AssessmentStatus.SUBMITTED if roll < 0.4 else AssessmentStatus.DRAFT


def _sponsored(ctx: DemoContext) -> tuple[list[Sponsored], int]:
    """The sample's villages with their sponsors, and how many sponsorships were inserted."""
    rng = ctx.rng("peacevillage:sponsors")
    units = sorted(ctx.member_units, key=lambda unit: unit.code)
    count = min(len(ctx.villages), PER_UNIT * len(units))
    sample = sorted(rng.sample(ctx.villages, count), key=lambda village: village.code)
    pairs = [(village, units[i % len(units)].pk) for i, village in enumerate(sample)]
    known = set(VillageSponsor.objects.filter(area__in=sample).values_list("area_id", flat=True))
    inserted = VillageSponsor.objects.bulk_create(
        VillageSponsor(area=v, unit_id=unit, start_on=date(ctx.anchor.year, 1, 1))
        for v, unit in pairs
        if v.code not in known
    )
    return pairs, len(inserted)


def _assess(ctx: DemoContext, plans: list[Plan]) -> dict[str, int]:
    existing = set(Assessment.objects.values_list("area_id", "period"))
    fresh = [(p, v, s) for p, v, s in plans if (v[0].code, p) not in existing]
    checklist = list(ChecklistItem.objects.filter(active=True))
    rng, rows, results = ctx.rng("peacevillage:results"), [], []
    for period in sorted({p for p, _, _ in fresh}):
        villages = [v for p, v, _ in fresh if p == period]
        auto = {
            name: rule([v.code for v, _ in villages], *period_range(period))
            for name, rule in RULES.items()
        }
        for (village, unit), status in [(v, s) for p, v, s in fresh if p == period]:
            items = [_result(rng, item, auto, village.code) for item in checklist]
            score, qualified = score_of(items)
            rows.append(_assessment(ctx, village, unit, period, status, score, qualified))
            results.append(items)
    Assessment.objects.bulk_create(rows, batch_size=ctx.scale.batch_size)
    for assessment, items in zip(rows, results, strict=True):
        for item in items:
            item.assessment = assessment
    flat = [item for items in results for item in items]
    AssessmentItem.objects.bulk_create(flat, batch_size=ctx.scale.batch_size)
    return {
        "peacevillage.assessment": len(rows),
        "peacevillage.assessmentitem": len(flat),
    }


def _result(rng: Random, item: ChecklistItem, auto: dict, village: int) -> AssessmentItem:
    if item.auto_rule:
        passed, note = auto[item.auto_rule][village]
        return AssessmentItem(item=item, passed=passed, auto=True, note=note)
    passed = rng.random() < 0.9
    return AssessmentItem(
        item=item, passed=passed, note=rng.choice(NOTES if passed else SHORTFALLS)
    )


def _assessment(
    ctx: DemoContext, village: Area, unit: int, period: str, status: str, score: Decimal,
    qualified: bool,
) -> Assessment:  # fmt: skip
    _, last = period_range(period)
    done = datetime.combine(min(last, ctx.anchor.date()), time(10), tzinfo=ctx.anchor.tzinfo)
    in_suning = str(village.code).startswith("130926")
    submitted = status != AssessmentStatus.DRAFT
    approved = status == AssessmentStatus.APPROVED
    return Assessment(
        area=village, period=period, status=status, score=score, qualified=qualified,
        sponsor_id=unit, submitted_at=done if submitted else None,
        approved_at=done if approved else None,
        approved_by=ctx.users.get("county_centre") if approved and in_suning else None,
    )  # fmt: skip
