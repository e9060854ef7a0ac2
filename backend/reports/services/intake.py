"""受理 and 派单: a report enters the system and is sent to the unit that must handle it."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.areas.models import Area
from backend.common.assignment import assignment_refresh
from backend.common.numbering import next_number
from backend.org.models import Unit
from backend.reports.models import Report, ReportCategory, StepAction
from backend.reports.workflow import REPORT
from backend.reports.workflow.steps import add_step
from backend.workflow.engine import fire

NUMBER_PREFIX = "SJ"


def next_report_number(year: int) -> str:
    """SJ-<year>-<7-digit sequence>."""
    return next_number(Report, f"{NUMBER_PREFIX}-{year}-", 7)


@transaction.atomic
def report_submit(
    *,
    source: str,
    category: ReportCategory,
    area: Area,
    title: str,
    description: str,
    location: str = "",
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    reporter: User | None = None,
    reporter_name: str = "",
    reporter_phone: str = "",
    centre: Unit | None = None,
    actor: User | None = None,
) -> Report:
    """Register (受理) a report; `centre` is the governance centre that accepts it."""
    if not category.active:
        raise ValidationError({"category": _("该事项类别已停用")})
    now = timezone.now()
    report = Report(
        number=next_report_number(timezone.localtime(now).year),
        source=source,
        category=category,
        area=area,
        title=(title or "").strip(),
        description=(description or "").strip(),
        location=location,
        latitude=latitude,
        longitude=longitude,
        reporter=reporter,
        reporter_name=reporter_name,
        reporter_phone=reporter_phone,
        current_unit=centre,
        registered_at=now,
    )
    report.full_clean()
    report.save()
    assignment_refresh(obj=report)
    add_step(report, StepAction.REGISTER, actor or reporter, now, to_unit=centre)
    return report


def report_dispatch(
    *,
    report: Report,
    actor: User | None,
    unit: Unit | None = None,
    from_unit: Unit | None = None,
) -> Report:
    """派单 to `unit` (default: the dispatch catalogue's unit). The deadline runs from now for
    the category's time limit. `from_unit` defaults to the centre holding the report."""
    data = {"unit": unit, "from_unit": from_unit}
    return fire(REPORT, report, "dispatch", actor=actor, data=data)
