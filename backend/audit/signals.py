from typing import Any

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from backend.audit.models import AuditAction
from backend.audit.services import audit_record


@receiver(user_logged_in, dispatch_uid="zhili-audit-login")
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit_record(actor=user, action=AuditAction.LOGIN)


@receiver(user_login_failed, dispatch_uid="zhili-audit-login-failed")
def _login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    # The attempted username is recorded (it is how lockouts are investigated); never the password.
    audit_record(
        actor=None,
        action=AuditAction.LOGIN_FAILED,
        changes={"username": str(credentials.get("username", ""))[:150]},
    )
