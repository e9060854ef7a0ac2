"""Masked renderings of sensitive personal information (PIPL art. 28), e.g. 130926********1234,
and the one list of which fields are sensitive (read by permissions.pii and by the audit log)."""

from collections.abc import Callable

Masker = Callable[[str], str]


def mask_id_number(value: str) -> str:
    if len(value) <= 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(value: str) -> str:
    if len(value) < 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_address(value: str) -> str:
    """Keep the first six characters (county / township level), hide the house-level rest."""
    return value[:6] + "****" if len(value) > 6 else "****"


def mask_name(value: str) -> str:
    """张伟 → 张*, 欧阳娜娜 → 欧***: the surname stays, so a clerk can still address the person."""
    return value[:1] + "*" * (len(value) - 1) if value else value


SENSITIVE_FIELDS: dict[str, dict[str, Masker]] = {
    "disputes.disputeparty": {
        "id_number": mask_id_number,
        "phone": mask_phone,
        "address": mask_address,
    },
    "disputes.dispute": {"responsible_phone": mask_phone},
    "reports.report": {"reporter_phone": mask_phone},
    # Being an assistance recipient at all is sensitive: the applicant's name is masked too.
    "assistance.subsidycase": {
        "applicant_name": mask_name,
        "applicant_id_number": mask_id_number,
        "applicant_phone": mask_phone,
        "applicant_address": mask_address,
    },
    "assistance.householdmember": {"name": mask_name, "id_number": mask_id_number},
    "enterprise.enterprise": {"contact_phone": mask_phone},
    "teams.teammember": {"phone": mask_phone},
}
