"""Sensitive fields are masked unless the role may unmask; each unmasked read is audited."""

import pytest

from backend.audit.models import AuditEntry
from backend.disputes.models import DisputeParty
from permissions.pii import reveal, reveal_fields, unmasked_reads

pytestmark = pytest.mark.django_db


@pytest.fixture
def party(world):
    """A party of a dispute in 肃宁镇 that is not shared with 肃宁镇's judicial office."""
    return DisputeParty.objects.filter(
        dispute__area__path__startswith="130900/130926/130926100/"
    ).first()


def test_the_county_centre_sees_the_full_id_number_and_the_read_is_audited(users, party):
    shown = reveal(users["county_centre"], party, "id_number")
    assert shown == party.id_number
    entry = unmasked_reads(party).get()
    assert (entry.actor, entry.changes, entry.area_id) == (
        users["county_centre"],
        {"fields": ["id_number"]},
        party.dispute.area_id,
    )
    assert party.id_number not in str(AuditEntry.objects.values_list("changes", flat=True)[::1])


def test_a_leader_sees_masked_values_and_nothing_is_audited(users, party):
    shown = reveal_fields(users["leader"], party, ["id_number", "phone", "name"])
    assert shown["id_number"] == party.id_number[:6] + "********" + party.id_number[-4:]
    assert shown["phone"] == party.phone[:3] + "****" + party.phone[-4:]
    assert shown["name"] == party.name  # a party's name is not one of the masked fields
    assert not unmasked_reads(party).exists()


def test_masking_follows_scope_not_just_role(users, party):
    """献县's centre holds the unmask permission, but not for a 肃宁县 record."""
    assert reveal(users["xianxian_centre"], party, "phone") != party.phone
    assert not unmasked_reads(party).exists()
