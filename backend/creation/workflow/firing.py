"""Firing a task transition with the task's own refusal texts, which the API and its clients
already know (the engine words a refusal generically: "任务当前状态为…，不能…")."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from backend.creation.workflow import TASK
from backend.workflow.engine import fire
from backend.workflow.errors import holder_only

# transition -> message when the task's status does not allow it
WRONG_STATE = {
    "assign": _("任务已提交验收或已完成，不能重新分派"),
    "report_progress": _("任务已提交验收或已完成，不能报送进度"),
    "submit": _("只有推进中或已退回的任务可以提交验收"),
    "accept": _("只有已提交验收的任务可以验收"),
    "return": _("只有已提交验收的任务可以退回"),
}
# transition -> message when the acting unit is not one of the task's responsible units
NOT_RESPONSIBLE = {
    "report_progress": _("只有牵头单位或协办单位可以报送进度"),
    "submit": _("只有牵头单位可以提交验收"),
}


def fire_task(task: Any, name: str, **kwargs: Any) -> Any:
    try:
        return fire(TASK, task, name, **kwargs)
    except ValidationError as error:
        if getattr(error, "code", None) == "invalid_state":
            raise ValidationError({"status": WRONG_STATE[name]}) from None
        if name in NOT_RESPONSIBLE and _not_holder(error):
            raise ValidationError({"unit": NOT_RESPONSIBLE[name]}) from None
        raise


def _not_holder(error: ValidationError) -> bool:
    """The engine's holder refusal (its code is lost: Django keeps no code on a dict error)."""
    return hasattr(error, "error_dict") and error.message_dict == holder_only().message_dict
