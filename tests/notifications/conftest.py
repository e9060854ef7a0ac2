from types import SimpleNamespace

import pytest

from backend.accounts.roles import Role
from backend.accounts.services import user_create
from backend.org.models import UnitKind
from backend.org.services import membership_grant, unit_create

PASSWORD = "Zl-demo-2026!"


@pytest.fixture
def people(city, suning_town):
    """Two units with one member each, and a user who belongs to no unit."""
    centre = unit_create(
        code="T-ZZ-1", name="测试镇综治中心", kind=UnitKind.GOVERNANCE_CENTRE, area=suning_town
    )
    water = unit_create(code="T-SW-1", name="测试水务局", kind=UnitKind.MEMBER_UNIT, area=city)
    alice = user_create(username="t_alice", password=PASSWORD)
    bob = user_create(username="t_bob", password=PASSWORD)
    carol = user_create(username="t_carol", password=PASSWORD)
    membership_grant(user=alice, role=Role.TOWNSHIP_CENTRE, scope=suning_town, unit=centre)
    membership_grant(user=bob, role=Role.UNIT_HANDLER, scope=city, unit=water)
    return SimpleNamespace(centre=centre, water=water, alice=alice, bob=bob, carol=carol)
