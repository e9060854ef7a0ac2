import pytest
from django.core.exceptions import ValidationError

from backend.codes.models import Table
from backend.codes.selectors import code_get
from backend.enterprise.models import Enterprise
from backend.enterprise.services import enterprise_register, enterprise_update
from tests.enterprise.conftest import CREDIT_CODE

pytestmark = pytest.mark.django_db


def register(category, area, **overrides):
    values = dict(
        name="献县鑫源机械有限公司",
        credit_code="91130929MA0B2C3D4X",
        category=category,
        area=area,
        legal_representative="高志强",
        contact_name="韩梅",
        contact_phone="13831711111",
        address="献县开发区",
    )
    return enterprise_register(**{**values, **overrides})


def test_register_validates_the_credit_code_check_character(enterprise):
    assert Enterprise.objects.get().credit_code == CREDIT_CODE


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"credit_code": "91130926MA0A1B2C31"},
            "credit_code",
            "统一社会信用代码格式或校验位不正确",
        ),
        ({"credit_code": "9113"}, "credit_code", "统一社会信用代码格式或校验位不正确"),
        ({"contact_phone": "110"}, "contact_phone", "电话号码格式不正确"),
        ({"name": ""}, "name", "不能为空"),
    ],
)
def test_register_rejects_bad_input_and_writes_nothing(
    domestic, xianxian, overrides, field, message
):
    with pytest.raises(ValidationError) as error:
        register(domestic, xianxian, **overrides)
    assert message in " ".join(error.value.message_dict[field])
    assert not Enterprise.objects.exists()


def test_register_refuses_a_second_enterprise_with_the_same_code(enterprise, domestic, xianxian):
    with pytest.raises(ValidationError, match="该统一社会信用代码的企业已登记"):
        register(domestic, xianxian, credit_code=CREDIT_CODE.lower())
    assert Enterprise.objects.count() == 1


def test_category_must_come_from_the_enterprise_category_table(xianxian):
    scale = code_get(Table.EVENT_SCALE, "01")
    with pytest.raises(ValidationError, match="企业类别必须取自“企业类别”代码表"):
        register(scale, xianxian, credit_code=CREDIT_CODE)
    assert not Enterprise.objects.exists()


def test_update_changes_contacts_but_not_the_credit_code(enterprise):
    enterprise_update(enterprise=enterprise, data={"contact_phone": "0317-5123456"})
    assert Enterprise.objects.get().contact_phone == "0317-5123456"
    with pytest.raises(ValidationError, match="不可修改的字段"):
        enterprise_update(enterprise=enterprise, data={"credit_code": "X"})
    with pytest.raises(ValidationError):
        enterprise_update(enterprise=enterprise, data={"contact_phone": "12"})
    assert Enterprise.objects.get().contact_phone == "0317-5123456"
