from datetime import date

import pytest
from django.core.exceptions import ValidationError

from backend.codes.models import Table
from backend.disputes.models import Cause, Dispute, DisputeParty, Status
from backend.disputes.services import (
    dispute_register,
    dispute_update,
    party_add,
    party_remove,
    party_update,
)
from backend.worktime.services import time_limit_delete
from tests.disputes.conftest import code, party

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, int]:
    return Dispute.objects.count(), DisputeParty.objects.count()


def test_register_numbers_the_dispute_and_defaults_the_deadline(dispute, actor):
    assert dispute.number == "JF-130926-2026-000001"
    # the worktime limit "dispute.mediation" (30 days): 2026-03-02 not counted, the 30th day
    assert dispute.deadline == date(2026, 4, 1)
    assert dispute.status == Status.REGISTERED and dispute.registered_by == actor
    main = dispute.parties.get(is_main_party=True)
    assert main.role == "applicant"
    assert dispute.parties.count() == 2
    assert dispute.first_level_type.code == "09"


def test_a_deadline_on_a_rest_day_moves_to_the_next_working_day(dispute_values):
    values = {**dispute_values, "registered_on": date(2026, 3, 5)}
    # the 30th day, 2026-04-04, is 清明节 (04-04 … 04-06): the period ends on 04-07
    assert dispute_register(**values, parties=[party()]).deadline == date(2026, 4, 7)


def test_without_a_mediation_limit_the_deadline_is_one_month(dispute_values):
    time_limit_delete(process="dispute.mediation")
    assert dispute_register(**dispute_values, parties=[party()]).deadline == date(2026, 4, 2)


def test_numbers_continue_per_county_and_year(dispute, dispute_values):
    second = dispute_register(**dispute_values, parties=[party()])
    assert second.number == "JF-130926-2026-000002"


def test_register_with_causes(dispute_values):
    causes = list(Cause.objects.filter(code__in=["ownership", "history"]))
    dispute = dispute_register(**dispute_values, parties=[party()], causes=causes)
    assert set(dispute.causes.values_list("code", flat=True)) == {"ownership", "history"}


def test_a_bad_id_number_writes_nothing_and_is_not_echoed(dispute_values):
    bad = party(seed=3)
    bad["id_number"] = bad["id_number"][:-1] + ("0" if bad["id_number"][-1] != "0" else "1")
    with pytest.raises(ValidationError) as error:
        dispute_register(**dispute_values, parties=[party(), bad])
    messages = error.value.message_dict["parties"]
    assert messages == ["第 2 名当事人：证件号码：居民身份证号码格式或校验位不正确"]
    assert bad["id_number"] not in str(error.value)
    assert counts() == (0, 0)


def test_sex_must_agree_with_the_resident_id(dispute_values):
    wrong = party(seed=4, sex="male")
    wrong["sex"] = "female"
    with pytest.raises(ValidationError, match="性别与居民身份证号码不一致"):
        dispute_register(**dispute_values, parties=[wrong])
    assert counts() == (0, 0)


def test_other_id_types_are_not_checksummed(dispute_values):
    foreign = party(id_type="passport", id_number="E12345678")
    dispute = dispute_register(**dispute_values, parties=[foreign])
    assert dispute.parties.get().id_type == "passport"


def test_at_least_one_party_and_one_main_party(dispute_values):
    with pytest.raises(ValidationError, match="请至少登记一名当事人"):
        dispute_register(**dispute_values, parties=[])
    two_main = [party(is_main_party=True), party(seed=2, is_main_party=True)]
    with pytest.raises(ValidationError, match="只能有一名主要当事人"):
        dispute_register(**dispute_values, parties=two_main)
    assert counts() == (0, 0)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            {"scale": ("EventsScale", "02"), "people_count": 3},
            "people_count",
            "群体性事件涉及人数不得少于 5 人",
        ),
        ({"type": ("EventsScale", "01")}, "type", "事件类型须为 GB/T 31000 事件类型代码"),
        ({"latitude": "38.42"}, "latitude", "经纬度须同时填写或同时留空"),
        ({"latitude": "95", "longitude": "115.8"}, "latitude", None),
        ({"occurred_on": date(2026, 3, 5)}, "occurred_on", "发生日期不能晚于受理日期"),
        ({"deadline": date(2026, 3, 1)}, "deadline", "化解期限不能早于受理日期"),
        ({"responsible_phone": "999"}, "responsible_phone", None),
    ],
)
def test_record_rules(dispute_values, change, field, message):
    values = dict(dispute_values)
    for name, value in change.items():
        values[name] = code(*value) if isinstance(value, tuple) else value
    with pytest.raises(ValidationError) as error:
        dispute_register(**values, parties=[party()])
    assert field in error.value.message_dict
    if message:
        assert message in error.value.message_dict[field]
    assert counts() == (0, 0)


def test_group_dispute_with_enough_people(dispute_values):
    values = {**dispute_values, "scale": code(Table.EVENT_SCALE, "02"), "people_count": 12}
    assert dispute_register(**values, parties=[party()]).people_count == 12


def test_handling_unit_must_cover_the_place(dispute_values, xianxian):
    from backend.org.services import unit_create

    other = unit_create(
        code="ZZ-130929", name="献县综治中心", kind="governance_centre", area=xianxian
    )
    with pytest.raises(ValidationError) as error:
        dispute_register(**{**dispute_values, "handling_unit": other}, parties=[party()])
    assert error.value.message_dict["handling_unit"] == ["化解组织的管辖区划须包含纠纷发生地"]


def test_update_edits_the_record_and_causes(dispute):
    cause = Cause.objects.get(code="emotion")
    dispute_update(dispute=dispute, data={"title": "宅基地边界纠纷", "causes": [cause]})
    dispute.refresh_from_db()
    assert dispute.title == "宅基地边界纠纷"
    assert list(dispute.causes.all()) == [cause]
    with pytest.raises(ValidationError, match="不可修改的字段"):
        dispute_update(dispute=dispute, data={"status": "closed"})


def test_update_is_refused_after_closing(dispute):
    Dispute.objects.filter(pk=dispute.pk).update(status=Status.CLOSED)
    with pytest.raises(ValidationError, match="纠纷当前状态为“已办结”，不能修改"):
        dispute_update(dispute=dispute, data={"title": "X"})


def test_party_add_as_main_demotes_the_previous_main(dispute):
    third = party_add(dispute=dispute, **party("third_party", seed=9, is_main_party=True))
    assert list(dispute.parties.filter(is_main_party=True)) == [third]


def test_party_add_validates(dispute):
    with pytest.raises(ValidationError) as error:
        party_add(dispute=dispute, **party(seed=9, phone="0"))
    assert "phone" in error.value.message_dict
    assert dispute.parties.count() == 2


def test_party_update_and_main_party_rules(dispute):
    main = dispute.parties.get(is_main_party=True)
    other = dispute.parties.get(is_main_party=False)
    with pytest.raises(ValidationError, match="请将其他当事人设为主要当事人"):
        party_update(party=main, data={"is_main_party": False})
    party_update(party=other, data={"is_main_party": True, "education": "junior"})
    assert dispute.parties.get(is_main_party=True) == other
    with pytest.raises(ValidationError, match="不可修改的字段"):
        party_update(party=other, data={"dispute": None})


def test_party_remove_rules(dispute):
    main = dispute.parties.get(is_main_party=True)
    other = dispute.parties.get(is_main_party=False)
    with pytest.raises(ValidationError, match="不能删除主要当事人"):
        party_remove(party=main)
    party_remove(party=other)
    assert list(dispute.parties.all()) == [main]


def test_last_party_cannot_go(dispute_values):
    dispute = dispute_register(**dispute_values, parties=[party()])
    only = dispute.parties.get()
    DisputeParty.objects.filter(pk=only.pk).update(is_main_party=False)
    only.refresh_from_db()
    with pytest.raises(ValidationError, match="纠纷至少须有一名当事人"):
        party_remove(party=only)


def test_parties_are_frozen_once_agreed(agreed):
    with pytest.raises(ValidationError, match="不能变更当事人"):
        party_add(dispute=agreed, **party(seed=9))


def test_str_never_shows_sensitive_values(dispute):
    for row in dispute.parties.all():
        assert row.id_number not in str(row) and row.phone not in str(row)
    assert str(dispute) == "JF-130926-2026-000001 东关村王某与李某宅基地边界纠纷"
