"""Every policy against the naive oracle, for every role user × action, over the shared world."""

import random
from functools import cache

import pytest
from django.apps import apps

from permissions.codenames import Action
from permissions.policy import NotFound
from permissions.registry import policies
from tests.permissions import oracle

pytestmark = pytest.mark.django_db
USERS = [
    "city_admin",
    "county_centre",
    "xianxian_centre",
    "township_centre",
    "township_commissar",
    "unit_handler",
    "mediator",
    "grid_worker",
    "resident",
    "leader",
    "auditor",
    "integrator",
]
# API tokens belong to users, not areas: tests/auth covers their policy.
LABELS = sorted(
    label
    for label in policies()
    if label not in {"areas.area", "codes.code", "accounts.apitoken", "audit.auditentry"}
)


@pytest.fixture
def cached_oracle(monkeypatch):
    """The oracle re-reads relations per row; cache them for speed (the world does not change)."""
    monkeypatch.setattr(oracle, "assigned_units", cache(oracle.assigned_units))
    for name in ("_user_units", "_memberships", "_path_of"):
        monkeypatch.setattr(oracle, name, cache(getattr(oracle, name)))


@pytest.mark.parametrize("username", USERS)
@pytest.mark.parametrize("label", LABELS)
def test_visible_rows_equal_the_oracle(label, username, users, cached_oracle):
    policy, user = policies()[label], users[username]
    rows = list(apps.get_model(label)._default_manager.all())
    assert rows, f"the world has no {label}"
    for action in Action:
        expected = {row.pk for row in rows if oracle.allowed(user, action, row)}
        assert set(policy.visible(user, action).values_list("pk", flat=True)) == expected, action


@pytest.mark.parametrize("username", USERS)
@pytest.mark.parametrize("label", LABELS)
def test_object_checks_agree_and_forbidden_looks_like_missing(
    label, username, users, cached_oracle
):
    policy, user = policies()[label], users[username]
    rows = list(apps.get_model(label)._default_manager.all())
    for row in random.Random(label + username).sample(rows, min(12, len(rows))):
        for action in Action:
            allowed = oracle.allowed(user, action, row)
            assert policy.may_on(user, action, row) is allowed, (row.pk, action)
            if not allowed:
                with pytest.raises(NotFound) as error:
                    policy.get(user, action, row.pk)
                assert str(error.value) == _missing_message(policy, user, action)


def _missing_message(policy, user, action) -> str:
    with pytest.raises(NotFound) as error:
        policy.get(user, action, 10**12)
    return str(error.value)
