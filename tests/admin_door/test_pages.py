"""Every admin page renders for every staff demo user, showing only what the policy allows."""

import pytest
from django.contrib import admin
from django.urls import reverse

from backend.org.models import Membership
from permissions.admin import PolicyAdmin
from permissions.codenames import Action
from permissions.registry import policy_for
from tests.admin_door.conftest import outcome

pytestmark = pytest.mark.django_db
STAFF = ["city_admin", "county_centre", "township_centre", "xianxian_centre"]
ADMINS = sorted(
    (
        model
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, PolicyAdmin)
    ),
    key=lambda model: model._meta.label_lower,
)


def url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("username", STAFF[:3])  # 献县 mirrors 肃宁县
def test_every_list_and_record_page_renders_as_the_policy_says(signed_in, users, username):
    client, user = signed_in(username), users[username]
    for model in ADMINS:
        policy = policy_for(model)
        response = client.get(url(model, "changelist"))
        assert response.status_code == (200 if policy.may(user, Action.VIEW) else 403), model
        row = policy.visible(user, Action.VIEW).first()
        if row is not None:
            assert client.get(url(model, "change", row.pk)).status_code == 200, model


def test_grants_are_shown_but_changed_only_through_the_services(signed_in):
    client = signed_in("city_admin")
    cl = client.get(url(Membership, "changelist")).context["cl"]
    assert cl.result_count > 0
    roles = next(spec for spec in cl.filter_specs if spec.field_path == "role")
    assert roles.lookup_choices
    assert client.get(url(Membership, "add")).status_code == 403
    membership = cl.result_list[0]
    assert client.post(url(Membership, "change", membership.pk), {}).status_code == 403


@pytest.mark.parametrize("username", STAFF[1:])
def test_on_every_page_a_row_out_of_sight_answers_like_a_missing_one(signed_in, users, username):
    def seen(model, pk) -> tuple:
        status, location, notes = outcome(signed_in(username).get(url(model, "change", pk)))
        return status, location, [note.replace(str(pk), "<id>") for note in notes]

    for model in ADMINS:
        hidden = model._default_manager.exclude(
            pk__in=policy_for(model).visible(users[username], Action.VIEW).values("pk")
        )
        row = hidden.first()
        if row is not None:
            assert seen(model, row.pk) == seen(model, 10**12), model
