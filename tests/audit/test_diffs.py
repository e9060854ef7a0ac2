"""What a write entry holds: only the changed fields with old and new values, never a sensitive
value; what it costs: one INSERT (and one SELECT before an update); nothing after a rollback."""

import json
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from backend.accounts.tokens import token_create
from backend.audit.context import acting_as
from backend.audit.models import AuditAction, AuditEntry
from backend.disputes.models import Dispute
from backend.disputes.models.choices import OPEN_STATUSES
from backend.disputes.services import party_add, party_update
from backend.teams.models import TeamMember
from backend.teams.services import team_member_update
from tests.assistance.conftest import resident_id
from tests.disputes.conftest import party

pytestmark = pytest.mark.django_db
ID_NUMBER = resident_id("13092619880315221")
PHONE, ADDRESS = "13931766666", "肃宁镇审计村9排9号"


@pytest.fixture
def entries_of(world, db):
    """The entries of one object written by this test (the demo world wrote its own)."""
    since = AuditEntry.objects.order_by("id").values_list("id", flat=True).last() or 0

    def of(obj) -> list[AuditEntry]:
        rows = AuditEntry.objects.filter(
            object_type=obj._meta.label_lower, object_id=str(obj.pk), id__gt=since
        )
        return list(rows.order_by("id"))

    return of


@pytest.fixture
def member(world):
    return TeamMember.objects.filter(active=True, area_id=130926100000).order_by("pk").first()


@pytest.fixture
def open_dispute(world):
    return Dispute.objects.filter(status__in=OPEN_STATUSES).order_by("pk").first()


def test_an_update_records_only_the_changed_fields_with_old_and_new_values(member, entries_of):
    old_title = member.title
    team_member_update(member=member, data={"title": "审计新职务", "name": member.name})
    [entry] = entries_of(member)
    assert (entry.action, entry.changes) == (
        AuditAction.UPDATE,
        {"title": [old_title, "审计新职务"]},
    )


def test_a_save_that_changes_nothing_writes_no_entry(member, entries_of):
    member.save()
    TeamMember.objects.get(pk=member.pk).save()
    assert entries_of(member) == []


def test_values_are_json_values_and_foreign_keys_their_ids(open_dispute, world, entries_of):
    deadline, unit = open_dispute.deadline, open_dispute.handling_unit_id
    other = world.township_units[(130926100000, "judicial_office")].pk
    open_dispute.deadline = deadline + timedelta(days=3)
    open_dispute.latitude = "38.123456"  # a string, as a form sends it
    open_dispute.handling_unit_id = other
    open_dispute.save()
    [entry] = entries_of(open_dispute)
    assert entry.changes["deadline"] == [
        deadline.isoformat(),
        (deadline + timedelta(days=3)).isoformat(),
    ]
    assert entry.changes["latitude"][1] == "38.123456"
    assert entry.changes["handling_unit_id"] == [unit, other]
    assert set(entry.changes) == {"deadline", "latitude", "handling_unit_id"}


def test_sensitive_values_never_enter_the_log(open_dispute, users, entries_of):
    with acting_as(users["city_admin"]):
        added = party_add(
            dispute=open_dispute,
            **party("respondent", seed=9, id_number=ID_NUMBER, phone=PHONE, address=ADDRESS),
        )
        party_update(party=added, data={"phone": "13931777777", "address": ADDRESS + "甲"})
        token, secret = token_create(
            creator=users["city_admin"], user=users["city_admin"], name="x"
        )
    created, updated = entries_of(added)
    assert {created.changes[f] for f in ("id_number", "phone", "address")} == {"已填写"}
    assert updated.changes == {"phone": "已修改", "address": "已修改"}
    assert entries_of(token)[0].changes["digest"] == "已填写"
    everything = json.dumps(
        list(AuditEntry.objects.values("changes", "detail")), ensure_ascii=False
    )
    for value in (ID_NUMBER, PHONE, "13931777777", ADDRESS, token.digest, secret):
        assert value not in everything


def test_a_user_s_password_hash_and_phone_never_enter_the_log(users, entries_of):
    user = users["resident"]
    user.set_password("Zl-new-2026!")
    user.phone = "13931788888"
    user.save()
    [entry] = entries_of(user)
    assert entry.changes == {"password": "已修改", "phone": "已修改"}
    assert user.password not in json.dumps(entry.changes)


def test_sign_in_bookkeeping_is_not_a_change(users, entries_of):
    user = users["resident"]
    with CaptureQueriesContext(connection) as queries:
        from django.contrib.auth.models import update_last_login

        update_last_login(None, user)
    assert len(queries) == 1 and entries_of(user) == []


def test_a_write_costs_one_insert_and_an_update_one_select_more(member):
    with CaptureQueriesContext(connection) as queries:
        member.title = "审计"
        member.save(update_fields=["title"])
    assert [q["sql"].split()[0] for q in queries] == ["SELECT", "UPDATE", "INSERT"]
    assert "audit_auditentry" in queries[2]["sql"]
    with CaptureQueriesContext(connection) as queries:
        TeamMember.objects.create(
            name="审计",
            team_kind="grid",
            unit_id=member.unit_id,
            area_id=member.area_id,
            phone=PHONE,
        )
    assert [q["sql"].split()[0] for q in queries] == ["INSERT", "INSERT"]


def test_the_actor_s_unit_is_looked_up_once_per_block(member, users, entries_of):
    with acting_as(users["township_centre"]), CaptureQueriesContext(connection) as queries:
        for title in ("审计一", "审计二"):
            member.title = title
            member.save(update_fields=["title"])
    assert len(queries) == 7  # the unit once, then SELECT, UPDATE, INSERT per save
    first, second = entries_of(member)
    assert first.unit_id == second.unit_id == users["township_centre"].memberships.get().unit_id


def test_a_rolled_back_write_leaves_no_entry(member):
    before = AuditEntry.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        team_member_update(member=member, data={"title": "审计回滚"})
        assert AuditEntry.objects.count() == before + 1
        raise RuntimeError
    assert AuditEntry.objects.count() == before


def test_bulk_writes_are_audited_by_the_helpers(world, entries_of):
    from backend.audit.bulk import audit_created, audited_update

    town = TeamMember.objects.filter(area_id=130926100000, active=True).order_by("pk")
    first, second = town[:2]
    with CaptureQueriesContext(connection) as queries:
        assert audited_update(town.filter(pk__in=[first.pk, second.pk]), title="审计批量") == 2
    assert [q["sql"].split()[0] for q in queries] == ["SELECT", "UPDATE", "INSERT"]
    assert entries_of(first)[0].changes == {"title": [first.title, "审计批量"]}
    rows = TeamMember.objects.bulk_create(
        [
            TeamMember(
                name="审计批量",
                team_kind="grid",
                unit_id=first.unit_id,
                area_id=first.area_id,
                phone=PHONE,
            )
        ]
    )
    audit_created(rows)
    [entry] = entries_of(rows[0])
    assert entry.action == AuditAction.CREATE and entry.changes["phone"] == "已填写"
