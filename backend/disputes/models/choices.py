"""Choice lists of the dispute record (GB/T 31000 items and 人民调解法 practice)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    VISIT = "visit", _("群众来访")
    GRID = "grid", _("网格员排查")
    HOTLINE = "hotline", _("12345热线")
    PETITION = "petition", _("信访转办")
    TRANSFER = "transfer", _("部门移交")
    EXPRESS = "express", _("民意快递")
    COURT = "court", _("法院委派/诉前调解")
    SCREENING = "screening", _("主动排查")


class Status(models.TextChoices):
    REGISTERED = "registered", _("已登记")
    ASSIGNED = "assigned", _("已指派")
    MEDIATING = "mediating", _("调解中")
    AGREED = "agreed", _("已达成协议")
    FAILED = "failed", _("调解不成")
    PERFORMED = "performed", _("已履行")
    CLOSED = "closed", _("已办结")


OPEN_STATUSES = (Status.REGISTERED, Status.ASSIGNED, Status.MEDIATING)


class Method(models.TextChoices):
    PEOPLE = "people", _("人民调解")
    ADMINISTRATIVE = "administrative", _("行政调解")
    JUDICIAL = "judicial", _("司法调解")
    JOINT = "joint", _("联合调解")


class PartyRole(models.TextChoices):
    APPLICANT = "applicant", _("申请人")
    RESPONDENT = "respondent", _("被申请人")
    THIRD_PARTY = "third_party", _("第三人")


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", _("居民身份证")
    PASSPORT = "passport", _("护照")
    HK_MACAO_PERMIT = "hk_macao", _("港澳居民来往内地通行证")
    TAIWAN_PERMIT = "taiwan", _("台湾居民来往大陆通行证")
    FOREIGNER_PR = "foreigner_pr", _("外国人永久居留身份证")
    OTHER = "other", _("其他")


class Sex(models.TextChoices):
    MALE = "male", _("男")
    FEMALE = "female", _("女")


class Education(models.TextChoices):
    NONE = "none", _("未上过学")
    PRIMARY = "primary", _("小学")
    JUNIOR = "junior", _("初中")
    SENIOR = "senior", _("高中/中专")
    COLLEGE = "college", _("大专")
    BACHELOR = "bachelor", _("本科")
    POSTGRADUATE = "postgraduate", _("研究生")


class AgreementForm(models.TextChoices):
    WRITTEN = "written", _("书面协议")
    ORAL = "oral", _("口头协议")


class Ruling(models.TextChoices):
    PENDING = "pending", _("待裁定")
    VALID = "valid", _("确认有效")
    INVALID = "invalid", _("确认无效")
