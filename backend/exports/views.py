"""CSV exports of lists: the same policy as every other door, personal fields always masked."""

import csv
from collections.abc import Iterator
from typing import Any

from django.apps import apps
from django.http import Http404, HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from backend.areas.selectors import within
from backend.audit.models import AuditAction
from backend.audit.services import audit_record
from permissions.codenames import Action
from permissions.pii import sensitive_fields
from permissions.registry import policy_for

MAX_ROWS = 50_000
# resource → (model, columns); a column is a field path, shown under its verbose name
EXPORTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "disputes": (
        "disputes.dispute",
        (
            "number",
            "title",
            "registered_on",
            "area__name",
            "type__name",
            "status",
            "handling_unit__name",
            "deadline",
            "responsible_name",
            "responsible_phone",
        ),
    ),
    "reports": (
        "reports.report",
        (
            "number",
            "title",
            "registered_at",
            "area__name",
            "category__name",
            "status",
            "current_unit__name",
            "deadline",
            "reporter_phone",
        ),
    ),
    "tasks": (
        "creation.creationtask",
        ("code", "title", "lead_unit__name", "deadline", "status", "progress"),
    ),
    "subsidy-cases": (
        "assistance.subsidycase",
        (
            "number",
            "kind",
            "area__name",
            "status",
            "applicant_name",
            "applicant_id_number",
            "monthly_amount",
            "recheck_on",
        ),
    ),
    "enterprise-problems": (
        "enterprise.enterpriseproblem",
        ("number", "title", "category", "status", "deadline", "supervision_level"),
    ),
}


@require_GET
def export_csv(request: HttpRequest, resource: str) -> StreamingHttpResponse:
    if resource not in EXPORTS or not request.user.is_authenticated:
        raise Http404("没有这个导出")
    label, columns = EXPORTS[resource]
    model = apps.get_model(label)
    rows = policy_for(model).visible(request.user, Action.VIEW)  # type: ignore[arg-type]
    if area := _area(request.GET.get("area", "")):
        rows = rows.filter(within(area))
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        detail=f"导出 {resource}",
        area_id=area.code if area else None,
    )
    response = StreamingHttpResponse(
        _lines(model, columns, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{resource}-{timezone.localdate()}.csv"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _area(code: str) -> Any:
    from backend.areas.models import Area

    return Area.objects.filter(code=int(code)).first() if code.isdigit() else None


class _Echo:
    def write(self, value: str) -> str:
        return value


def _lines(model: Any, columns: tuple[str, ...], rows: Any) -> Iterator[str]:
    writer, maskers = csv.writer(_Echo()), sensitive_fields(model)
    yield "\ufeff" + writer.writerow(
        [_header(model, column) for column in columns]
    )  # BOM for Excel
    for values in rows.order_by("pk").values_list(*columns)[:MAX_ROWS].iterator(chunk_size=2000):
        yield writer.writerow(
            [_cell(column, value, maskers) for column, value in zip(columns, values, strict=True)]
        )


def _header(model: Any, column: str) -> str:
    field = model._meta.get_field(column.split("__")[0])
    return str(field.verbose_name)


def _cell(column: str, value: Any, maskers: dict) -> str:
    if value in (None, ""):
        return ""
    return maskers[column](str(value)) if column in maskers else str(value)
