"""In-app notifications to a unit (every member sees it) or to one user, produced by jobs."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# An 18-character ID number or an 11-digit mobile number standing on its own.
_PERSONAL = re.compile(r"(?<![0-9A-Za-z])(\d{17}[0-9Xx]|1[3-9]\d{9})(?![0-9A-Za-z])")


def validate_no_personal_info(value: str) -> None:
    """Notifications are read by whole units and shown on lock screens: never personal data."""
    if _PERSONAL.search(value or ""):
        raise ValidationError(_("通知内容不得包含身份证号码或手机号码"), code="personal_info")


class NotificationKind(models.TextChoices):
    DISPATCHED = "dispatched", _("新派单")
    DUE_SOON = "due_soon", _("即将到期")
    OVERDUE = "overdue", _("已超期")
    SUPERVISED = "supervised", _("督办")
    RETURNED = "returned", _("被退回")
    OTHER = "other", _("其他")


# dedupe_key set: a second notification of the same kind about the same object to the same
# recipient is refused. Two constraints because NULL never equals NULL in a unique index.
_DEDUPED = ~models.Q(dedupe_key="")
_REF = ["kind", "object_type", "object_id", "dedupe_key"]


class Notification(models.Model):
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("接收单位"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("接收人"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("类型"), max_length=20, choices=NotificationKind.choices)
    title = models.CharField(_("标题"), max_length=100, validators=[validate_no_personal_info])
    body = models.CharField(
        _("内容"), max_length=500, blank=True, validators=[validate_no_personal_info]
    )
    object_type = models.CharField(_("对象类型"), max_length=60, blank=True)
    object_id = models.CharField(_("对象编号"), max_length=40, blank=True)
    due_at = models.DateTimeField(_("办理期限"), null=True, blank=True)
    created_at = models.DateTimeField(_("通知时间"), default=timezone.now)
    read_at = models.DateTimeField(_("已读时间"), null=True, blank=True)
    dedupe_key = models.CharField(_("去重键"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("通知")
        verbose_name_plural = _("通知")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["unit", "read_at", "created_at"], name="notification_unit_inbox"),
            models.Index(fields=["user", "read_at", "created_at"], name="notification_user_inbox"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(unit__isnull=False, user__isnull=True)
                | models.Q(unit__isnull=True, user__isnull=False),
                name="notification_one_recipient",
            ),
            models.UniqueConstraint(
                fields=[*_REF, "unit"],
                condition=_DEDUPED & models.Q(unit__isnull=False),
                name="notification_once_per_unit",
            ),
            models.UniqueConstraint(
                fields=[*_REF, "user"],
                condition=_DEDUPED & models.Q(user__isnull=False),
                name="notification_once_per_user",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if (self.unit_id is None) == (self.user_id is None):
            raise ValidationError(_("通知必须有且只有一个接收方：单位或个人"), code="recipient")
