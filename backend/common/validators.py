"""Validators for Chinese identifiers, with messages in the user's language."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_RE = re.compile(r"^\d{17}[\dX]$")
_MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE_RE = re.compile(r"^0\d{2,3}-?\d{7,8}$")
_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def id_card_check_digit(first17: str) -> str:
    """The GB 11643 check character of a resident ID number's first 17 digits."""
    return _ID_CHECK[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def validate_resident_id(value: str) -> None:
    # The number itself never goes into the message: it is sensitive personal information.
    if not _ID_RE.match(value or "") or id_card_check_digit(value[:17]) != value[17]:
        raise ValidationError(_("居民身份证号码格式或校验位不正确"), code="invalid_id_number")


def validate_phone(value: str) -> None:
    if not (_MOBILE_RE.match(value or "") or _LANDLINE_RE.match(value or "")):
        raise ValidationError(
            _("电话号码格式不正确（手机号 11 位，或带区号的固定电话）"), code="invalid_phone"
        )


def credit_code_check_char(first17: str) -> str:
    """The GB 32100 check character of a unified social credit code's first 17 characters."""
    total = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARS[(31 - total % 31) % 31]


def validate_credit_code(value: str) -> None:
    value = value or ""
    valid = len(value) == 18 and all(c in _CREDIT_CHARS for c in value)
    if not valid or credit_code_check_char(value[:17]) != value[17]:
        raise ValidationError(_("统一社会信用代码格式或校验位不正确"), code="invalid_credit_code")
