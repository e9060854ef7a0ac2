"""A party (当事人) of a dispute. ID number, phone and address are sensitive (PIPL art. 28):
they never appear in __str__ or in error messages."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.common.validators import validate_phone, validate_resident_id
from backend.disputes.models.choices import Education, IdType, PartyRole, Sex
from backend.disputes.models.dispute import Dispute


def sex_from_resident_id(number: str) -> str:
    """GB 11643: the 17th digit is odd for men, even for women."""
    return Sex.MALE if int(number[16]) % 2 else Sex.FEMALE


class DisputeParty(models.Model):
    dispute = models.ForeignKey(
        Dispute, verbose_name=_("矛盾纠纷"), on_delete=models.CASCADE, related_name="parties"
    )
    role = models.CharField(_("当事人地位"), max_length=20, choices=PartyRole.choices)
    name = models.CharField(_("姓名"), max_length=50)
    id_type = models.CharField(
        _("证件类型"), max_length=20, choices=IdType.choices, default=IdType.RESIDENT_ID
    )
    id_number = models.CharField(_("证件号码"), max_length=30)
    sex = models.CharField(_("性别"), max_length=10, choices=Sex.choices)
    ethnicity = models.CharField(_("民族"), max_length=20, default="汉族")
    education = models.CharField(
        _("文化程度"), max_length=20, choices=Education.choices, blank=True
    )
    phone = models.CharField(_("联系电话"), max_length=20, validators=[validate_phone])
    address = models.CharField(_("住址"), max_length=200)
    is_main_party = models.BooleanField(_("主要当事人"), default=False)

    class Meta:
        verbose_name = _("当事人")
        verbose_name_plural = _("当事人")
        ordering = ["dispute", "-is_main_party", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["dispute"],
                condition=models.Q(is_main_party=True),
                name="dispute_one_main_party",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.get_role_display()}）"

    def clean(self) -> None:
        if self.id_type != IdType.RESIDENT_ID:
            if not self.id_number.strip():
                raise ValidationError({"id_number": _("请填写证件号码")})
            return
        try:
            validate_resident_id(self.id_number)
        except ValidationError as error:
            raise ValidationError({"id_number": error.messages}) from None
        if self.sex and self.sex != sex_from_resident_id(self.id_number):
            raise ValidationError({"sex": _("性别与居民身份证号码不一致")})
