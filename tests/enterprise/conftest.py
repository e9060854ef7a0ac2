import pytest

from backend.accounts.roles import Role
from backend.accounts.services import user_create
from backend.codes.models import Table
from backend.codes.selectors import code_get
from backend.enterprise.services import enterprise_register, problem_submit
from backend.org.models import UnitKind
from backend.org.services import membership_grant, unit_create

CREDIT_CODE = "91130926MA0A1B2C30"  # check character computed with credit_code_check_char


@pytest.fixture
def domestic(db):
    return code_get(Table.ENTERPRISE_CATEGORY, "01")


@pytest.fixture
def enterprise(domestic, suning_town):
    return enterprise_register(
        name="肃宁县华宇皮毛制品有限公司",
        credit_code=CREDIT_CODE,
        category=domestic,
        area=suning_town,
        legal_representative="赵国华",
        contact_name="孙丽",
        contact_phone="13731700000",
        address="肃宁镇工业园区纬三路8号",
    )


@pytest.fixture
def leader(db):
    """The 包联领导: named on the problem; needs no grant for that."""
    return user_create(username="leader", password="Zl-demo-2026!", full_name="刘建国")


@pytest.fixture
def manager(city):
    """A manager of enterprise problems at city level (包联、交办、评价、督办)."""
    user = user_create(username="manager", password="Zl-demo-2026!", full_name="吴静")
    membership_grant(user=user, role=Role.CITY_ADMIN, scope=city)
    return user


@pytest.fixture
def resources(city):
    return unit_create(
        code="CZ-U21", name="市自然资源和规划局", kind=UnitKind.MEMBER_UNIT, area=city
    )


@pytest.fixture
def approvals(city):
    return unit_create(code="CZ-U39", name="市行政审批局", kind=UnitKind.MEMBER_UNIT, area=city)


@pytest.fixture
def problem(enterprise):
    return problem_submit(
        enterprise=enterprise,
        category="land",
        title="扩建厂房用地指标不足",
        description="企业拟扩建二期厂房，需新增建设用地约20亩。",
    )
