"""Masked renderings of sensitive personal information (PIPL art. 28), e.g. 130926********1234."""


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
