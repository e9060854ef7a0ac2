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
