from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from backend.accounts import lockout
from backend.accounts.models import User


@transaction.atomic
def user_create(*, username: str, password: str, full_name: str = "", phone: str = "") -> User:
    """Create a user whose password passes the configured validators (raises ValidationError)."""
    user = User(username=username, full_name=full_name, phone=phone)
    validate_password(password, user)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user


def session_login(request: HttpRequest, *, username: str, password: str) -> User:
    """Sign in with a password (session). Refused while locked out; failures count towards it."""
    if lockout.is_locked(username):
        raise ValidationError(_("登录失败次数过多，请 15 分钟后再试"), code="locked")
    user = authenticate(request, username=username, password=password)
    if user is None:
        lockout.record_failure(username)
        raise ValidationError(_("用户名或密码错误"), code="invalid_login")
    lockout.clear(username)
    login(request, user)
    return user  # type: ignore[return-value]


def session_logout(request: HttpRequest) -> None:
    logout(request)
