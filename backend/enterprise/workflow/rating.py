"""Effects after the answer: the enterprise's 评价, and 督办."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from backend.audit.bulk import audited_update
from backend.enterprise.models import EnterpriseProblem, ProblemSatisfaction
from backend.workflow.declarations import Firing
from backend.workflow.supervision import supervise as supervise_item


def satisfied(f: Firing) -> None:
    _rate(f, ProblemSatisfaction.SATISFIED)
    f.obj.closed_at = f.now


def dissatisfied(f: Firing) -> None:
    """不满意 (a comment is required) reopens the problem for the handling units: each answers
    again."""
    if f.data.get("satisfaction") not in ProblemSatisfaction.values:
        raise ValidationError({"satisfaction": _("评价结果不正确")})
    if not (f.data.get("comment") or "").strip():
        raise ValidationError({"comment": _("不满意时请填写意见")})
    _rate(f, ProblemSatisfaction.DISSATISFIED)
    f.obj.closed_at = None
    audited_update(f.obj.assignments.all(), answered_at=None)


def _rate(f: Firing, satisfaction: str) -> None:
    problem: EnterpriseProblem = f.obj
    problem.satisfaction = satisfaction
    problem.satisfaction_comment = (f.data.get("comment") or "").strip()


def supervise(f: Firing) -> None:
    """The generic 督办 (its record counts in the holding unit's assessment), and the reason
    shown on the problem itself."""
    supervise_item(f)
    f.obj.supervision_reason = f.data["reason"]
