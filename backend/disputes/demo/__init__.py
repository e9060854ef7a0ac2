"""Demo disputes: ctx.scale.disputes rows across all villages, inserted batch by batch with their
parties, mediators, records, agreements, confirmations and 回访 (idempotent on the number)."""

from backend.codes.models import Code, Table
from backend.demo.context import DemoContext, insert_missing
from backend.disputes.demo.plan import Plan, Refs, plan_dispute
from backend.disputes.demo.write import write_children
from backend.disputes.models import Cause, Dispute
from backend.org.models import UnitKind
from backend.teams.models import TeamMember

HANDLING_KINDS = (
    UnitKind.MEDIATION_COMMITTEE,
    UnitKind.JUDICIAL_OFFICE,
    UnitKind.GOVERNANCE_CENTRE,
)


def seed(ctx: DemoContext) -> dict[str, int]:
    refs = load_refs(ctx)
    villages = [v for v in ctx.villages if (v.parent_id or 0) in refs.units]
    totals: dict[str, int] = {"dispute": 0}
    size = ctx.scale.batch_size
    for start in range(0, ctx.scale.disputes, size):
        rng = ctx.rng(f"disputes:batch:{start // size}")
        plans = [
            plan_dispute(rng, refs, rng.choice(villages))
            for _ in range(min(size, ctx.scale.disputes - start))
        ]
        inserted = insert_missing(
            Dispute, [p.dispute for p in plans], key="number", batch_size=size
        )
        totals["dispute"] += len(inserted)
        fresh: list[Plan] = [p for p in plans if p.dispute.pk is not None]
        for name, count in write_children(fresh, refs).items():
            totals[name] = totals.get(name, 0) + count
        if start and start % (size * 10) == 0:
            ctx.log(f"    disputes: {start:,} / {ctx.scale.disputes:,}")
    return totals


def load_refs(ctx: DemoContext) -> Refs:
    mediators: dict[int, list[int]] = {}
    for pk, area in (
        TeamMember.objects.filter(is_mediator=True, active=True)
        .order_by("pk")
        .values_list("pk", "area_id")
    ):
        mediators.setdefault(area - area % 1000, []).append(pk)
    units = {}
    for township in ctx.townships:
        found = [
            ctx.township_units[(township.code, k.value)]
            for k in HANDLING_KINDS
            if (township.code, k.value) in ctx.township_units
        ]
        if found:
            units[township.code] = found
    return Refs(
        anchor=ctx.anchor.date(),
        tz=ctx.anchor.tzinfo,
        mediators=mediators,
        units=units,
        type_ids=_code_ids(Table.EVENT_TYPE),
        scale_ids=_code_ids(Table.EVENT_SCALE),
        cause_ids=dict(Cause.objects.values_list("code", "pk")),
        courts={
            county: unit
            for (county, kind), unit in ctx.county_units.items()
            if kind == UnitKind.COURT
        },
    )


def _code_ids(table: str) -> dict[str, int]:
    return dict(Code.objects.filter(table__key=table).values_list("code", "pk"))
