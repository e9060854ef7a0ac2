"""Sign-ins, successful or not. Each is filed under the area of the account's role grants, so the
auditors of that area read it; a failure for an unknown username has no area (superusers only)."""

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from backend.audit.actors import sign_in_scope
from backend.audit.models import AuditAction
from backend.audit.services import audit_record


@receiver(user_logged_in, dispatch_uid="zhili-audit-login")
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    area, unit = sign_in_scope(pk=user.pk)
    audit_record(actor=user, action=AuditAction.LOGIN, area_id=area, unit_id=unit)


@receiver(user_login_failed, dispatch_uid="zhili-audit-login-failed")
def _login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    # The attempted username is recorded (it is how lockouts are investigated); never the password.
    username = str(credentials.get(get_user_model().USERNAME_FIELD, ""))[:150]
    area, _ = sign_in_scope(username=username) if username else (None, None)
    audit_record(
        actor=None,
        action=AuditAction.LOGIN_FAILED,
        area_id=area,
        changes={"username": username},
    )
