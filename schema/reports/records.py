"""Reports: register (受理), correct and delete before dispatch."""

import strawberry
import strawberry_django
from strawberry.types import Info

from backend.org.models import Unit
from backend.reports.models import Report, ReportCategory, ReportSource
from backend.reports.services import report_delete, report_submit, report_update
from permissions.codenames import Action
from schema.base.context import parse_id, user_of
from schema.base.inputs import IdInput, changes_of
from schema.base.loading import load, require
from schema.reports.acting import area_by_code, township_centre
from schema.reports.inputs import ReportCreateInput, ReportUpdateInput
from schema.reports.types import ReportType

# Sources where the signed-in user is the one reporting (上报人账号); otherwise they only record it.
SELF_REPORTED = (ReportSource.GRID_WORKER, ReportSource.RESIDENT)


@strawberry.type
class ReportRecordMutation:
    @strawberry_django.mutation(
        handle_django_errors=True, description="受理事件（缺省由所在乡镇综治中心受理）"
    )
    def create_report(self, info: Info, data: ReportCreateInput) -> ReportType:
        user, area = user_of(info), area_by_code(data.area_code)
        reporter = user if data.source in SELF_REPORTED else None
        require(info, Action.ADD, Report(area=area, reporter=reporter))
        category = load(info, ReportCategory, data.category_id, field="category_id")
        centre = (
            load(info, Unit, data.centre_id, field="centre_id")
            if data.centre_id
            else township_centre(area)
        )
        fields = {
            k: v
            for k, v in vars(data).items()
            if k not in ("category_id", "area_code", "centre_id")
        }
        fields.update(category=category, area=area, centre=centre, reporter=reporter)
        return report_submit(actor=user, **fields)  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="修改未派单的事件")
    def update_report(self, info: Info, data: ReportUpdateInput) -> ReportType:
        report = load(info, Report, data.id, Action.CHANGE)
        changes = changes_of(data)
        if "category_id" in changes:
            changes["category"] = load(
                info, ReportCategory, changes.pop("category_id"), field="category_id"
            )
        return report_update(report=report, data=changes, actor=user_of(info))  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="删除误受理、未派单的事件")
    def delete_report(self, info: Info, data: IdInput) -> ReportType:
        report = load(info, Report, data.id, Action.DELETE)
        report_delete(report=report, actor=user_of(info))
        report.pk = parse_id(data.id)  # the deleted record is returned as it was
        return report  # type: ignore[return-value]
