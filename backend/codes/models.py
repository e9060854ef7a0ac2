"""GB/T 31000-2015 code tables (事件类型, 事件规模, 政策种类 …), loaded as data."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Table(models.TextChoices):
    """The tables the domain models refer to by key (the key is the standard's Java enum name)."""

    EVENT_TYPE = "EventType", _("事件类型")
    EVENT_SCALE = "EventsScale", _("事件规模")
    POLICY_TYPE = "PolicyTypes", _("政策种类")
    ENTERPRISE_CATEGORY = "EnterpriseCategory", _("企业类别")
    SPECIALTY = "SpecialtySpecialty", _("专业特长")
    ORGANIZATION_TYPE = "OrganizationType", _("组织类型")
    CASE_TYPE = "CaseType", _("案件类型")
    CASE_GRADE = "CasesClassification", _("案件分级")


class CodeTable(models.Model):
    key = models.CharField(_("代码表标识"), max_length=60, unique=True)
    name = models.CharField(_("代码表名称"), max_length=60)

    class Meta:
        verbose_name = _("代码表")
        verbose_name_plural = _("代码表")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.name


class Code(models.Model):
    table = models.ForeignKey(
        CodeTable, verbose_name=_("代码表"), on_delete=models.CASCADE, related_name="codes"
    )
    code = models.CharField(_("代码"), max_length=10)
    name = models.CharField(_("名称"), max_length=80)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级代码"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )

    class Meta:
        verbose_name = _("代码")
        verbose_name_plural = _("代码")
        ordering = ["table", "code"]
        constraints = [
            models.UniqueConstraint(fields=["table", "code"], name="code_unique_in_table")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def short_name(self) -> str:
        """Second-level names repeat their parent ("邻里纠纷-其他"); the part after the dash."""
        return self.name.split("-", 1)[-1]
