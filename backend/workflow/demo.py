"""Demo 督办: on a bounded sample of the demo's overdue reports, the periodic check's proposals,
a share of them issued by the county centre with a 政策种类 measure, the rest pending.
Bulk-inserted (no per-item transitions) and idempotent: items already supervised are skipped."""

from datetime import timedelta

from backend.common.models import SupervisionLevel
from backend.demo.context import DemoContext
from backend.reports.models import Report, ReportStatus
from backend.workflow.models import Measure, Supervision, SupervisionStatus

PER_SCALE = {"small": 60, "medium": 400, "large": 2000}
IN_HAND = (ReportStatus.DISPATCHED, ReportStatus.SIGNED, ReportStatus.HANDLING)


def seed(ctx: DemoContext) -> dict[str, int]:
    late = Report.objects.filter(status__in=IN_HAND, deadline__lt=ctx.anchor).order_by("pk")
    done = Supervision.objects.filter(object_type="reports.report").values("object_id")
    sample = list(late.exclude(pk__in=done)[: PER_SCALE.get(ctx.scale.name, 60)])
    rng, rows = ctx.rng("supervision"), []
    for report in sample:
        rows.append(_row(ctx, report, rng.random() < 0.4, rng.choice(Measure.values[1:5])))
    Supervision.objects.bulk_create(rows, batch_size=ctx.scale.batch_size)
    return {"workflow.supervision": len(rows)}


def _row(ctx: DemoContext, report: Report, issued: bool, measure: str) -> Supervision:
    assert report.deadline is not None
    overdue = ctx.anchor - report.deadline
    level = SupervisionLevel.RED if overdue > timedelta(days=7) else SupervisionLevel.YELLOW
    if overdue < timedelta(days=3):
        level = SupervisionLevel.ORDINARY
    return Supervision(
        process="report", object_type="reports.report", object_id=report.pk,
        area_id=report.area_id, unit_id=report.current_unit_id, level=level,
        measure=measure if issued else "",
        status=SupervisionStatus.ISSUED if issued else SupervisionStatus.PROPOSED,
        reason=f"超过办理期限未办结（{SupervisionLevel(level).label}）",
        by=ctx.users.get("county_centre") if issued else None,
        created_at=report.deadline + timedelta(hours=1),
        decided_at=ctx.anchor if issued else None,
    )  # fmt: skip
