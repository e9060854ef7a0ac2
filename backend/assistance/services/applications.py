"""Applying for assistance and correcting (or withdrawing) an application before the township
reviews it."""

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.areas.models import Area
from backend.assistance.models import (
    OPEN_STATUSES,
    HouseholdMember,
    SubsidyCase,
    SubsidyKind,
    SubsidyStatus,
)
from backend.common.numbering import next_number
from backend.common.services import create_validated, model_update
from backend.evidence.services import evidence_remove

KIND_PREFIX: dict[str, str] = {
    SubsidyKind.DIBAO: "DB",
    SubsidyKind.TEKUN: "TK",
    SubsidyKind.STUDENT: "XS",
}
CASE_EDITABLE = (
    "applicant_name",
    "applicant_id_number",
    "applicant_phone",
    "applicant_address",
    "household_size",
    "household_monthly_income",
    "area",
    "school_name",
    "grade",
)


@transaction.atomic
def case_apply(
    *,
    kind: str,
    applicant_name: str,
    applicant_id_number: str,
    applicant_phone: str,
    applicant_address: str,
    household_size: int,
    household_monthly_income: Decimal,
    area: Area,
    applied_on: date | None = None,
    school_name: str = "",
    grade: str = "",
    members: Iterable[Mapping[str, str]] = (),
) -> SubsidyCase:
    """Register an application; `members` are the other household members (name, relation,
    id_number). One open case per applicant and kind."""
    applied_on = applied_on or timezone.localdate()
    if applied_on > timezone.localdate():
        raise ValidationError({"applied_on": _("申请日期不能晚于今天")})
    _check_no_open_case(applicant_id_number, kind)
    case = create_validated(
        SubsidyCase,
        number=case_number(kind, area, applied_on.year),
        kind=kind,
        applicant_name=applicant_name,
        applicant_id_number=applicant_id_number,
        applicant_phone=applicant_phone,
        applicant_address=applicant_address,
        household_size=household_size,
        household_monthly_income=household_monthly_income,
        area=area,
        applied_on=applied_on,
        school_name=school_name,
        grade=grade,
    )
    for member in members:
        household_member_add(case=case, **member)
    return case


@transaction.atomic
def case_update(*, case: SubsidyCase, data: Mapping[str, Any]) -> SubsidyCase:
    case = _locked_applied(case)
    size = data.get("household_size", case.household_size)
    if isinstance(size, int) and case.members.count() > size - 1:
        raise ValidationError({"household_size": _("家庭人口少于已登记的家庭成员人数")})
    return model_update(instance=case, fields=CASE_EDITABLE, data=dict(data))[0]


@transaction.atomic
def case_delete(*, case: SubsidyCase) -> None:
    """Remove an application registered in error, before the township reviews it; attached
    evidence files are removed with it."""
    case = _locked_applied(case, _("乡镇审核后的案件不能删除"))
    for evidence in case.evidence.all():
        evidence_remove(evidence=evidence)
    case.delete()


@transaction.atomic
def household_member_add(
    *, case: SubsidyCase, name: str, relation: str, id_number: str
) -> HouseholdMember:
    case = _locked_applied(case)
    if case.members.count() >= case.household_size - 1:
        raise ValidationError({"household_size": _("家庭成员人数已达到家庭人口数")})
    return create_validated(
        HouseholdMember, case=case, name=name, relation=relation, id_number=id_number
    )


@transaction.atomic
def household_member_remove(*, member: HouseholdMember) -> None:
    _locked_applied(member.case)
    member.delete()


def case_number(kind: str, area: Area, year: int) -> str:
    """Next number of the kind in the county and year, e.g. DB-130926-2026-000042."""
    return next_number(SubsidyCase, f"{KIND_PREFIX.get(kind, 'JZ')}-{area.code12[:6]}-{year}-", 6)


def _check_no_open_case(id_number: str, kind: str) -> None:
    open_cases = SubsidyCase.objects.filter(
        applicant_id_number=id_number, kind=kind, status__in=OPEN_STATUSES
    )
    if open_cases.exists():
        raise ValidationError({"applicant_id_number": _("该申请人已有同类别的在办救助案件")})


def _locked_applied(case: SubsidyCase, message: str = "") -> SubsidyCase:
    locked = SubsidyCase.objects.select_for_update().get(pk=case.pk)
    if locked.status != SubsidyStatus.APPLIED:
        raise ValidationError({"status": message or _("乡镇审核后不能再修改申请信息")})
    return locked
