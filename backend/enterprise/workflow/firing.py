"""Firing a problem transition; a unit that does not handle the problem hears the problem's own
refusal text, which the API and its clients already know."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from backend.enterprise.workflow import PROBLEM
from backend.workflow.engine import fire
from backend.workflow.errors import holder_only

NOT_HANDLING = _("只有承办单位可以办理该诉求")


def fire_problem(problem: Any, name: str, **kwargs: Any) -> Any:
    try:
        return fire(PROBLEM, problem, name, **kwargs)
    except ValidationError as error:
        if _not_holder(error):
            raise ValidationError({"unit": NOT_HANDLING}) from None
        raise


def _not_holder(error: ValidationError) -> bool:
    """The engine's holder refusal (its code is lost: Django keeps no code on a dict error)."""
    return hasattr(error, "error_dict") and error.message_dict == holder_only().message_dict
