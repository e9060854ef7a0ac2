"""The append-only audit log: who did what to which object, from where, when.

Entries are never updated or deleted by the application (save() and delete() refuse it here; on
PostgreSQL a trigger refuses it in the database too). Values of sensitive fields never enter it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    CREATE = "create", _("新增")
    UPDATE = "update", _("修改")
    DELETE = "delete", _("删除")
    TRANSITION = "transition", _("流程操作")
    UNMASKED_READ = "unmasked_read", _("查看完整个人信息")
    LOGIN = "login", _("登录成功")
    LOGIN_FAILED = "login_failed", _("登录失败")
    EXPORT = "export", _("导出")


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs: object) -> int:
        raise PermissionError("审计日志不可修改")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("审计日志不可删除")


class AuditEntry(models.Model):
    created_at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_constraint=False,
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("单位"),
        null=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_constraint=False,
    )
    # The entry keeps the ids even when the user, unit or area is later removed (no constraint,
    # nothing cascades into the log). `area` is the scope of the object acted on, so the log is
    # readable through the same scope rules as everything else.
    area = models.ForeignKey(
        "areas.Area",
        verbose_name=_("所属区划"),
        null=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_constraint=False,
    )
    action = models.CharField(_("动作"), max_length=20, choices=AuditAction.choices, db_index=True)
    detail = models.CharField(_("说明"), max_length=100, blank=True)  # e.g. the transition's name
    object_type = models.CharField(_("对象类型"), max_length=60, blank=True)
    object_id = models.CharField(_("对象编号"), max_length=40, blank=True)
    changes = models.JSONField(_("字段变化"), default=dict, blank=True)
    ip = models.GenericIPAddressField(_("IP 地址"), null=True, blank=True)
    request_id = models.CharField(_("请求编号"), max_length=64, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("审计日志")
        verbose_name_plural = _("审计日志")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object")]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.get_action_display()} {self.object_type}"

    def save(self, *args: object, **kwargs: object) -> None:
        if not self._state.adding:
            raise PermissionError("审计日志不可修改")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise PermissionError("审计日志不可删除")
