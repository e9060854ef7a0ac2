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


class ApiToken(models.Model):
    """An integrator's credential. Only a SHA-256 digest of the secret is stored; the secret is
    shown once at creation. The token acts as `user`, optionally narrowed to `scope`."""

    user = models.ForeignKey(
        User, verbose_name=_("账号"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("用途"), max_length=60)
    prefix = models.CharField(_("令牌前缀"), max_length=12, db_index=True, editable=False)
    digest = models.CharField(_("摘要"), max_length=64, unique=True, editable=False)
    scope = models.ForeignKey(
        "areas.Area",
        verbose_name=_("限定范围"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        User, verbose_name=_("创建人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    expires_at = models.DateTimeField(_("到期时间"))
    revoked_at = models.DateTimeField(_("吊销时间"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("最近使用"), null=True, blank=True)

    class Meta:
        verbose_name = _("API 令牌")
        verbose_name_plural = _("API 令牌")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
