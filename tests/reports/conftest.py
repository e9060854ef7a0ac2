import pytest

from backend.accounts.roles import Role
from backend.accounts.services import user_create
from backend.areas.models import Area
from backend.org.models import UnitKind
from backend.org.services import membership_grant, unit_create
from backend.reports.models import ReportCategory, ReportSource
from backend.reports.services import dispatch_rule_set, report_dispatch, report_submit

PASSWORD = "Zl-demo-2026!"


@pytest.fixture
def village(suning_town) -> Area:
    return Area.objects.filter(parent=suning_town).order_by("code").first()


@pytest.fixture
def centre(suning_town):
    return unit_create(
        code="ZZ-130926100",
        name="肃宁镇综治中心",
        kind=UnitKind.GOVERNANCE_CENTRE,
        area=suning_town,
    )


@pytest.fixture
def water(city):
    return unit_create(code="CZ-U25", name="市水务局", kind=UnitKind.MEMBER_UNIT, area=city)


@pytest.fixture
def police(suning_town):
    return unit_create(
        code="PCS-130926100", name="肃宁镇派出所", kind=UnitKind.POLICE_STATION, area=suning_town
    )


@pytest.fixture
def clerk(centre, suning_town):
    """A clerk of the township's governance centre: registers, dispatches, verifies, closes."""
    user = user_create(username="clerk", password=PASSWORD, full_name="王敏")
    membership_grant(user=user, role=Role.TOWNSHIP_CENTRE, scope=suning_town, unit=centre)
    return user


@pytest.fixture
def handler(water, city):
    """A handler of 市水务局: works the reports dispatched to the unit (object grants only)."""
    user = user_create(username="handler", password=PASSWORD, full_name="李强")
    membership_grant(user=user, role=Role.UNIT_HANDLER, scope=city, unit=water)
    return user


@pytest.fixture
def sewer(db) -> ReportCategory:
    """0302 下水道堵塞 (ordinary: 7 days), from the data migration."""
    return ReportCategory.objects.get(code="0302")


@pytest.fixture
def submitted(sewer, village, centre, clerk):
    return report_submit(
        source=ReportSource.GRID_WORKER,
        category=sewer,
        area=village,
        title="下水道堵塞",
        description="村东头下水道堵塞，污水外溢",
        reporter_name="张伟",
        reporter_phone="13812345678",
        centre=centre,
        actor=clerk,
    )


@pytest.fixture
def dispatched(submitted, sewer, suning, water, clerk):
    dispatch_rule_set(category=sewer, area=suning, unit=water)
    return report_dispatch(report=submitted, actor=clerk)


@pytest.fixture
def police_handler(police, suning_town):
    """A handler of 肃宁镇派出所, the unit reports are transferred to."""
    user = user_create(username="police", password=PASSWORD, full_name="赵刚")
    membership_grant(user=user, role=Role.UNIT_HANDLER, scope=suning_town, unit=police)
    return user
