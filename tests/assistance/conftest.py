from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from backend.accounts.roles import Role
from backend.accounts.services import user_create
from backend.areas.models import Area
from backend.assistance.models import SubsidyKind
from backend.assistance.services import case_apply
from backend.common.validators import id_card_check_digit
from backend.org.models import UnitKind
from backend.org.services import membership_grant, unit_create


def resident_id(first17: str) -> str:
    return first17 + id_card_check_digit(first17)


APPLICANT_ID = resident_id("13092619620314151")
SPOUSE_ID = resident_id("13092619640822152")


@pytest.fixture
def village(suning_town) -> Area:
    return Area.objects.filter(parent=suning_town).order_by("code").first()


@pytest.fixture
def units(suning, suning_town, xianxian):
    def make(code, name, area):
        return unit_create(code=code, name=name, kind=UnitKind.GOVERNANCE_CENTRE, area=area)

    other_town = Area.objects.filter(parent=xianxian).order_by("code").first()
    return {
        "township": make("ZZ-130926100", "肃宁镇综治中心", suning_town),
        "county": make("ZZ-130926", "肃宁县综治中心", suning),
        "other_township": make("ZZ-OTHER", other_town.name + "综治中心", other_town),
        "other_county": make("ZZ-130929", "献县综治中心", xianxian),
    }


@pytest.fixture
def officer(units, suning, suning_town):
    """A civil-affairs officer working for the township's and the county's centres: reviews,
    approves and re-checks the cases of 肃宁镇 (role grants over both areas)."""
    user = user_create(username="officer", password="Zl-demo-2026!", full_name="赵敏")
    membership_grant(
        user=user, role=Role.TOWNSHIP_CENTRE, scope=suning_town, unit=units["township"]
    )
    membership_grant(user=user, role=Role.COUNTY_CENTRE, scope=suning, unit=units["county"])
    return user


@pytest.fixture
def application(village):
    return {
        "kind": SubsidyKind.DIBAO,
        "applicant_name": "张秀英",
        "applicant_id_number": APPLICANT_ID,
        "applicant_phone": "13831712345",
        "applicant_address": "肃宁县肃宁镇东街村12排3号",
        "household_size": 2,
        "household_monthly_income": Decimal("300.00"),
        "area": village,
        "members": [{"name": "李国华", "relation": "spouse", "id_number": SPOUSE_ID}],
    }


@pytest.fixture
def case(application):
    return case_apply(**application)


@pytest.fixture
def next_year():
    return timezone.localdate() + timedelta(days=365)
