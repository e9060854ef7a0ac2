"""An object the user may not view answers exactly like one that does not exist; writes stay in
scope."""

from functools import partial

import pytest
from django.urls import reverse

from backend.areas.models import Area, Level
from backend.creation.models import CreationTask
from backend.disputes.models import Dispute
from backend.org.models import Unit
from backend.reports.models import DispatchRule, ReportCategory
from tests.admin_door.conftest import SUNING, XIANXIAN, outcome

pytestmark = pytest.mark.django_db
MISSING = 10**12


def suning_dispute() -> Dispute:
    return Dispute.objects.filter(area__gte=SUNING * 10**6, area__lt=(SUNING + 1) * 10**6).first()


def url(model, view: str, pk: int) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=[pk])


def observed(sign_in, model, view: str, pk: int, method: str = "get"):
    """As seen by a client that has no earlier messages pending."""
    client = sign_in()
    status, location, notes = outcome(getattr(client, method)(url(model, view, pk)))
    return status, location, [note.replace(str(pk), "<id>") for note in notes]


@pytest.mark.parametrize("view", ["change", "history", "delete"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_county_s_dispute_looks_exactly_like_a_missing_one(signed_in, view, method):
    client, dispute = partial(signed_in, "xianxian_centre"), suning_dispute()
    forbidden = observed(client, Dispute, view, dispute.pk, method)
    assert forbidden == observed(client, Dispute, view, MISSING, method)
    if view == "delete":  # 献县's centre may delete no dispute at all
        assert forbidden[0] == 403
    else:
        assert forbidden[:2] == (302, reverse("admin:index"))
        assert forbidden[2] == ["ID 为“<id>”的 矛盾纠纷 不存在。可能已经被删除了？"]
    assert Dispute.objects.filter(pk=dispute.pk).exists()


def test_the_own_county_opens_the_same_dispute(signed_in):
    dispute = suning_dispute()
    response = signed_in("county_centre").get(url(Dispute, "change", dispute.pk))
    assert response.status_code == 200
    assert response.context["original"] == dispute


def test_without_any_view_right_existing_and_missing_are_both_refused(signed_in):
    """The township centre may not view creation tasks at all: every id gets the same 403."""
    client, task = partial(signed_in, "township_centre"), CreationTask.objects.first()
    assert observed(client, CreationTask, "change", task.pk) == observed(
        client, CreationTask, "change", MISSING
    )
    assert observed(client, CreationTask, "change", task.pk)[0] == 403


def rule_form(area: Area) -> dict:
    category = ReportCategory.objects.exclude(rules__area=area).first()
    unit = Unit.objects.filter(area=SUNING * 10**6).first()
    return {"category": category.pk, "area": area.pk, "unit": unit.pk}


def county_area(code: int) -> Area:
    return Area.objects.get(pk=code * 10**6, level=Level.COUNTY)


def test_a_record_cannot_be_added_outside_the_user_s_scope(signed_in):
    client = signed_in("county_centre")
    add = reverse("admin:reports_dispatchrule_add")
    before = DispatchRule.objects.count()
    assert client.post(add, rule_form(county_area(XIANXIAN))).status_code == 403
    assert DispatchRule.objects.count() == before
    assert client.post(add, rule_form(county_area(SUNING))).status_code == 302
    assert DispatchRule.objects.count() == before + 1


def test_a_rule_of_the_other_county_cannot_be_deleted_and_looks_missing(signed_in):
    """The county centre may delete 肃宁县's dispatch rules; 献县's look like missing ones."""
    rule = DispatchRule.objects.create(**_ids(rule_form(county_area(XIANXIAN))))
    client = partial(signed_in, "county_centre")
    forbidden = observed(client, DispatchRule, "delete", rule.pk, "post")
    assert forbidden == observed(client, DispatchRule, "delete", MISSING, "post")
    assert forbidden[:2] == (302, reverse("admin:index"))
    assert DispatchRule.objects.filter(pk=rule.pk).exists()


def _ids(form: dict) -> dict:
    return {f"{name}_id": value for name, value in form.items()}


def test_a_read_only_user_may_not_post_and_cannot_tell_missing_from_existing(signed_in, users):
    users["leader"].is_staff = True
    users["leader"].save(update_fields=["is_staff"])
    client, dispute = partial(signed_in, "leader"), suning_dispute()
    assert signed_in("leader").get(url(Dispute, "change", dispute.pk)).status_code == 200
    posted = observed(client, Dispute, "change", dispute.pk, "post")
    assert posted == observed(client, Dispute, "change", MISSING, "post")
    assert posted[0] == 403


def test_the_index_lists_only_what_the_user_may_view(signed_in):
    township = signed_in("township_centre").get(reverse("admin:index")).content.decode()
    assert reverse("admin:disputes_dispute_changelist") in township
    assert reverse("admin:creation_creationtask_changelist") not in township
    assert reverse("admin:accounts_user_changelist") not in township
    county = signed_in("county_centre").get(reverse("admin:index")).content.decode()
    assert reverse("admin:creation_creationtask_changelist") in county
