"""Keyed digests of the personal numbers an item carries: HMAC-SHA256 under a key derived from
SECRET_KEY with a fixed salt, so equal numbers match by an indexed lookup while the table holds no
number (rotating SECRET_KEY needs `eventgraph_rebuild`). Only digests and masked labels leave here."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.crypto import salted_hmac

from backend.common.masking import mask_id_number, mask_phone
from backend.eventgraph.models import KeyKind

SALT = "zhili.eventgraph.party-key"
_NOT_DIGIT = re.compile(r"\D")


@dataclass(frozen=True)
class Key:
    kind: str
    digest: str
    label: str


def digest(kind: str, normalized: str) -> str:
    return salted_hmac(SALT, f"{kind}:{normalized}", algorithm="sha256").hexdigest()


def id_key(id_type: str, number: str) -> Key | None:
    """Same document type and number (case and spaces ignored)."""
    normalized = "".join(number.split()).upper()
    if not normalized:
        return None
    return Key(
        KeyKind.ID, digest(KeyKind.ID, f"{id_type}:{normalized}"), mask_id_number(normalized)
    )


def phone_key(number: str) -> Key | None:
    """Digits only, without a +86 / 0086 prefix; fewer than 7 digits is no usable number."""
    digits = _NOT_DIGIT.sub("", number or "")
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    if len(digits) < 7:
        return None
    return Key(KeyKind.PHONE, digest(KeyKind.PHONE, digits), mask_phone(digits))


def party_keys(parties: Iterable[tuple[str, str, str]]) -> set[Key]:
    """Keys of a dispute's parties, given as (id_type, id_number, phone)."""
    found = set()
    for id_type, id_number, phone in parties:
        found |= {k for k in (id_key(id_type, id_number), phone_key(phone)) if k is not None}
    return found


def report_keys(reporter_phone: str) -> set[Key]:
    key = phone_key(reporter_phone)
    return {key} if key is not None else set()
