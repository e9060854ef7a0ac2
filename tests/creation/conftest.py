from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from backend.accounts.roles import Role
from backend.accounts.services import user_create
from backend.creation.models import Dimension, Guideline, GuidelineLevel
from backend.creation.services import task_create
from backend.org.models import UnitKind
from backend.org.services import membership_grant, unit_create


@pytest.fixture
def guideline(db) -> Guideline:
    return Guideline.objects.create(
        code="HB-2020-01",
        level=GuidelineLevel.PROVINCIAL,
        title="河北省市域社会治理现代化试点工作实施方案",
        issued_on=date(2020, 9, 15),
    )


@pytest.fixture
def units(city):
    """市司法局 (lead), 市民政局 and 市公安局 (co-units), 市信访局 (not involved)."""
    names = {"sfj": "市司法局", "mzj": "市民政局", "gaj": "市公安局", "xfj": "市信访局"}
    return {
        key: unit_create(code=f"CZ-{key.upper()}", name=name, kind=UnitKind.MEMBER_UNIT, area=city)
        for key, name in names.items()
    }


@pytest.fixture
def handler(units, city):
    """A handler of 市司法局, the lead unit: reports progress and submits (object grants only)."""
    user = user_create(username="handler", password="Zl-demo-2026!", full_name="李娜")
    membership_grant(user=user, role=Role.UNIT_HANDLER, scope=city, unit=units["sfj"])
    return user


@pytest.fixture
def co_handler(units, city):
    """A handler of 市公安局, a co-unit: reports its part of the work."""
    user = user_create(username="co_handler", password="Zl-demo-2026!", full_name="陈刚")
    membership_grant(user=user, role=Role.UNIT_HANDLER, scope=city, unit=units["gaj"])
    return user


@pytest.fixture
def reviewer(city):
    """Whoever assigned the work at city level decides on acceptance (验收)."""
    user = user_create(username="reviewer", password="Zl-demo-2026!", full_name="王强")
    membership_grant(user=user, role=Role.CITY_ADMIN, scope=city)
    return user


@pytest.fixture
def task_values(city, guideline, units):
    return {
        "code": "CZ-SY-001",
        "guideline": guideline,
        "dimension": Dimension.RULE_OF_LAW,
        "title": "推进矛盾纠纷多元化解",
        "target": "矛盾纠纷化解率保持在98%以上",
        "lead_unit": units["sfj"],
        "co_units": [units["mzj"], units["gaj"]],
        "deadline": timezone.localdate() + timedelta(days=200),
        "weight": Decimal("3.00"),
        "area": city,
    }


@pytest.fixture
def task(task_values):
    return task_create(**task_values)
