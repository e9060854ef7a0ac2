"""Sensitive values reach the admin's HTML only for users who may unmask the record, and every such
page is audited; lists show them masked to everyone."""

import pytest
from django.apps import apps
from django.urls import reverse

from backend.assistance.models import SubsidyCase
from backend.audit.models import AuditAction, AuditEntry
from backend.common.masking import mask_id_number, mask_phone
from backend.disputes.models import Dispute, DisputeParty
from backend.teams.models import TeamMember
from permissions.codenames import Action
from permissions.pii import SENSITIVE_FIELDS, unmasked_reads
from permissions.registry import policy_for
from tests.admin_door.conftest import SUNING

pytestmark = pytest.mark.django_db


@pytest.fixture
def party(users) -> DisputeParty:
    disputes = Dispute.objects.filter(area__gte=SUNING * 10**6, area__lt=(SUNING + 1) * 10**6)
    return DisputeParty.objects.filter(dispute__in=disputes).select_related("dispute").first()


@pytest.fixture
def leader(users):
    """The leader reads everything but may unmask nothing; give them the admin for this test."""
    users["leader"].is_staff = True
    users["leader"].save(update_fields=["is_staff"])
    return "leader"


def page(client, obj) -> str:
    meta = obj._meta
    response = client.get(
        reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    )
    assert response.status_code == 200
    return response.content.decode()


def test_a_user_without_unmask_sees_masked_party_data_only(signed_in, leader, party):
    html = page(signed_in(leader), party.dispute)
    assert party.name in html  # the party is on the page ...
    for raw in (party.id_number, party.phone, party.dispute.responsible_phone):
        assert raw not in html  # ... but none of its sensitive values
    assert mask_id_number(party.id_number) in html
    assert mask_phone(party.phone) in html
    assert not unmasked_reads(party).exists()


def test_the_city_administrator_sees_them_and_the_read_is_audited(signed_in, users, party):
    assert not users["city_admin"].is_superuser
    html = page(signed_in("city_admin"), party.dispute)
    assert party.id_number in html and party.phone in html
    entry = unmasked_reads(party).get()
    assert entry.actor == users["city_admin"]
    assert {"id_number", "phone"} <= set(entry.changes["fields"])
    assert unmasked_reads(party.dispute).get().changes == {"fields": ["responsible_phone"]}


def test_sensitive_fields_are_never_form_inputs_on_a_record_s_page(signed_in, party):
    response = signed_in("city_admin").get(
        reverse("admin:disputes_dispute_change", args=[party.dispute_id])
    )
    parties = response.context["inline_admin_formsets"][0].formset
    assert "id_number" not in parties.forms[0].fields
    assert "responsible_phone" not in response.context["adminform"].form.fields


def test_scope_decides_unmasking_a_team_member_s_phone(signed_in, users):
    """The county centre may change team members but not unmask them."""
    member = policy_for(TeamMember).visible(users["county_centre"], Action.VIEW).first()
    html = page(signed_in("county_centre"), member)
    assert member.phone not in html and mask_phone(member.phone) in html
    assert not unmasked_reads(member).exists()


def test_lists_show_masked_values_to_everyone_and_write_no_audit(signed_in):
    reads = AuditEntry.objects.filter(action=AuditAction.UNMASKED_READ)
    before = reads.count()
    response = signed_in("city_admin").get(reverse("admin:assistance_subsidycase_changelist"))
    html = response.content.decode()
    cases = response.context["cl"].result_list
    assert cases
    for case in cases:
        assert case.applicant_id_number not in html
        assert mask_id_number(case.applicant_id_number) in html
        assert case.applicant_name not in html
    assert reads.count() == before


def test_the_popup_of_a_raw_id_lookup_shows_no_applicant(signed_in):
    url = reverse("admin:assistance_subsidycase_changelist")
    response = signed_in("county_centre").get(url, {"_to_field": "id", "_popup": "1"})
    html = response.content.decode()
    assert all(case.applicant_id_number not in html for case in SubsidyCase.objects.all())


def search(client, case: SubsidyCase) -> list:
    url = reverse("admin:assistance_subsidycase_changelist")
    return list(client.get(url, {"q": case.applicant_id_number}).context["cl"].result_list)


def test_only_users_who_may_unmask_can_search_by_an_id_number(signed_in, users, leader):
    case = policy_for(SubsidyCase).visible(users["county_centre"], Action.UNMASK).first()
    assert search(signed_in("county_centre"), case) == [case]
    assert search(signed_in(leader), case) == []  # being a recipient is itself sensitive


@pytest.mark.parametrize("label", sorted(SENSITIVE_FIELDS))
def test_no_record_names_itself_by_a_sensitive_value(world, label):
    """__str__ labels records in autocomplete results, raw-id widgets, breadcrumbs and history."""
    for obj in apps.get_model(label)._default_manager.all()[:50]:
        for field in SENSITIVE_FIELDS[label]:
            value = getattr(obj, field)
            assert not value or value not in str(obj), (label, field)
