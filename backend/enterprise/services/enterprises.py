"""Registering, updating and deleting enterprises."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from backend.areas.models import Area
from backend.codes.models import Code
from backend.common.services import create_validated, model_update
from backend.enterprise.models import Enterprise

ENTERPRISE_EDITABLE = (
    "name",
    "category",
    "legal_representative",
    "contact_name",
    "contact_phone",
    "address",
    "area",
)


@transaction.atomic
def enterprise_register(
    *,
    name: str,
    credit_code: str,
    category: Code,
    area: Area,
    legal_representative: str,
    contact_name: str,
    contact_phone: str,
    address: str,
) -> Enterprise:
    credit_code = (credit_code or "").strip().upper()
    if Enterprise.objects.filter(credit_code=credit_code).exists():
        raise ValidationError({"credit_code": _("该统一社会信用代码的企业已登记")})
    return create_validated(
        Enterprise,
        name=name,
        credit_code=credit_code,
        category=category,
        area=area,
        legal_representative=legal_representative,
        contact_name=contact_name,
        contact_phone=contact_phone,
        address=address,
    )


@transaction.atomic
def enterprise_update(*, enterprise: Enterprise, data: dict[str, Any]) -> Enterprise:
    """Change contact and registration details; the credit code is the identity and stays."""
    return model_update(instance=enterprise, fields=ENTERPRISE_EDITABLE, data=data)[0]


@transaction.atomic
def enterprise_delete(*, enterprise: Enterprise) -> None:
    """Remove an enterprise registered in error; one with problems on record stays."""
    enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    if enterprise.problems.exists():
        raise ValidationError(_("已有诉求记录的企业不能删除"), code="has_problems")
    enterprise.delete()
