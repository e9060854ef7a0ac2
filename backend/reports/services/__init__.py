"""Every write of the reports app. Each service validates first and writes nothing on error."""

from backend.reports.services.catalogue import (
    dispatch_rule_delete,
    dispatch_rule_set,
    report_category_create,
    report_category_update,
)
from backend.reports.services.closing import (
    report_close,
    report_evaluate,
    report_send_back,
    report_supervision_raise,
    report_verify,
)
from backend.reports.services.editing import report_delete, report_update
from backend.reports.services.handling import (
    report_approve_extension,
    report_feedback,
    report_request_extension,
    report_return,
    report_sign,
    report_transfer,
)
from backend.reports.services.intake import report_dispatch, report_submit

__all__ = [
    "dispatch_rule_delete",
    "dispatch_rule_set",
    "report_approve_extension",
    "report_category_create",
    "report_category_update",
    "report_close",
    "report_delete",
    "report_dispatch",
    "report_evaluate",
    "report_feedback",
    "report_request_extension",
    "report_return",
    "report_send_back",
    "report_sign",
    "report_submit",
    "report_supervision_raise",
    "report_transfer",
    "report_update",
    "report_verify",
]
