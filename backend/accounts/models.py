from django.contrib.auth.models import AbstractUser, Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.common.validators import validate_phone


class User(AbstractUser):
    """A person who signs in. Custom from day one so fields can be added without a painful swap."""

    full_name = models.CharField(_("姓名"), max_length=50, blank=True)
    phone = models.CharField(_("手机号码"), max_length=20, blank=True, validators=[validate_phone])

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")

    def __str__(self) -> str:
        return self.full_name or self.username


def role_group(code: str) -> Group:
    """The group that carries the model permissions of role `code` (a backend.accounts.roles.Role)."""
    return Group.objects.get(name=f"role:{code}")
