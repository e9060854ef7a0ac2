"""Foreign-key choices, autocomplete and raw-id lookups offer only rows the user may view."""

import pytest
from django.urls import reverse

from backend.disputes.models import Dispute
from backend.org.models import Unit, UnitKind
from permissions.codenames import Action
from permissions.registry import policy_for
from tests.admin_door.conftest import SUNING, XIANXIAN, county
from tests.admin_door.forms import posted

pytestmark = pytest.mark.django_db


@pytest.fixture
def dispute(users) -> Dispute:
    """A 肃宁县 dispute handled by a unit the county centre may see."""
    units = policy_for(Unit).visible(users["county_centre"], Action.VIEW)
    return Dispute.objects.filter(
        area__gte=SUNING * 10**6, area__lt=(SUNING + 1) * 10**6, handling_unit__in=units
    ).first()


def change_url(dispute: Dispute) -> str:
    return reverse("admin:disputes_dispute_change", args=[dispute.pk])


def xianxian_units():
    return Unit.objects.filter(area__gte=XIANXIAN * 10**6, area__lt=(XIANXIAN + 1) * 10**6)


def test_the_handling_unit_choices_hold_no_unit_of_the_other_county(signed_in, users, dispute):
    response = signed_in("county_centre").get(change_url(dispute))
    offered = response.context["adminform"].form.fields["handling_unit"].queryset
    assert dispute.handling_unit in offered
    assert {county(unit.area_id) for unit in offered} == {SUNING}
    assert set(offered) == set(policy_for(Unit).visible(users["county_centre"], Action.VIEW))


def autocomplete(client, term: str) -> set[int]:
    params = {"app_label": "disputes", "model_name": "dispute", "field_name": "handling_unit"}
    response = client.get(reverse("admin:autocomplete"), {**params, "term": term})
    assert response.status_code == 200
    return {int(row["id"]) for row in response.json()["results"]}


def test_the_autocomplete_dropdown_lists_only_own_county_units(signed_in):
    found = autocomplete(signed_in("county_centre"), "综治中心")
    assert found
    assert {county(u.area_id) for u in Unit.objects.filter(pk__in=found)} == {SUNING}
    named = autocomplete(signed_in("county_centre"), xianxian_units().first().name)
    assert not named & set(xianxian_units().values_list("pk", flat=True))
    assert autocomplete(signed_in("xianxian_centre"), "综治中心").isdisjoint(found)


def test_the_raw_id_lookup_popup_lists_only_own_county_units(signed_in):
    url = reverse("admin:org_unit_changelist")
    response = signed_in("county_centre").get(url, {"_to_field": "id", "_popup": "1"})
    shown = response.context["cl"].result_list
    assert shown
    assert {county(unit.area_id) for unit in shown} == {SUNING}


def test_an_unchanged_dispute_saves(signed_in, dispute):
    client = signed_in("county_centre")
    data = posted(client.get(change_url(dispute)))
    response = client.post(change_url(dispute), data)
    assert response.status_code == 302, response.context["adminform"].form.errors


def test_a_unit_of_the_other_county_is_refused(signed_in, dispute):
    client = signed_in("county_centre")
    data = posted(client.get(change_url(dispute)))
    other = xianxian_units().first()
    response = client.post(change_url(dispute), {**data, "handling_unit": other.pk})
    assert response.status_code == 200
    assert "handling_unit" in response.context["adminform"].form.errors
    dispute.refresh_from_db()
    assert dispute.handling_unit != other


def test_workflow_fields_cannot_be_posted(signed_in, dispute):
    client = signed_in("county_centre")
    data = posted(client.get(change_url(dispute)))
    assert "status" not in data
    client.post(change_url(dispute), {**data, "status": "closed", "closed_on": "2026-11-02"})
    assert Dispute.objects.get(pk=dispute.pk).status == dispute.status


def test_a_current_unit_the_user_could_not_pick_is_kept(signed_in, users, world):
    """A 肃宁镇 dispute handed to the county centre: the township centre may not pick that unit,
    but saving the dispute unchanged keeps it."""
    centre = world.county_units[(SUNING * 10**6, UnitKind.GOVERNANCE_CENTRE.value)]
    assert centre not in policy_for(Unit).visible(users["township_centre"], Action.VIEW)
    dispute = policy_for(Dispute).visible(users["township_centre"], Action.CHANGE).first()
    Dispute.objects.filter(pk=dispute.pk).update(handling_unit=centre)
    client = signed_in("township_centre")
    response = client.post(change_url(dispute), posted(client.get(change_url(dispute))))
    assert response.status_code == 302
    assert Dispute.objects.get(pk=dispute.pk).handling_unit == centre


def test_reassigning_in_the_admin_moves_the_object_grants(signed_in, users, dispute):
    client = signed_in("county_centre")
    new = policy_for(Unit).visible(users["county_centre"], Action.VIEW)
    new = new.filter(area=dispute.area.parent_id).exclude(pk=dispute.handling_unit_id).first()
    data = posted(client.get(change_url(dispute)))
    assert client.post(change_url(dispute), {**data, "handling_unit": new.pk}).status_code == 302
    granted = Dispute.unit_grants.rel.related_model.objects.filter(content_object=dispute)
    assert granted.filter(group=new.group, permission__codename="view_dispute").exists()
