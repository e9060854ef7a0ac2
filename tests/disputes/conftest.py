import random
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from backend.accounts.roles import Role
from backend.accounts.services import user_create
from backend.areas.models import Area
from backend.codes.models import Code, Table
from backend.demo import people
from backend.disputes.models import Dispute
from backend.disputes.services import (
    agreement_conclude,
    dispute_register,
    mediation_record_add,
    mediators_assign,
)
from backend.org.models import Unit, UnitKind
from backend.org.services import membership_grant, unit_create
from backend.teams.models import TeamMember
from backend.teams.services import team_member_create

SHANGHAI = ZoneInfo("Asia/Shanghai")
REGISTERED = date(2026, 3, 2)


def party(role="applicant", seed=1, area_code=130926100201, **extra) -> dict:
    rng = random.Random(seed)
    sex = extra.pop("sex", "male")
    return {
        "role": role,
        "name": people.person_name(rng),
        "sex": sex,
        "id_number": people.resident_id(rng, area_code, sex=sex),
        "phone": people.mobile(rng),
        "address": "肃宁镇东关村3排5号",
        **extra,
    }


@pytest.fixture
def actor(centre, suning_town):
    """Staff of the 化解组织 (the township's governance centre): registers, assigns, mediates."""
    user = user_create(username="tiaojie", password="Zl-demo-2026!", full_name="调解员")
    membership_grant(user=user, role=Role.TOWNSHIP_CENTRE, scope=suning_town, unit=centre)
    return user


@pytest.fixture
def village(suning_town) -> Area:
    return Area.objects.filter(parent=suning_town).order_by("code").first()


@pytest.fixture
def centre(suning_town) -> Unit:
    return unit_create(
        code="ZZ-130926100",
        name="肃宁镇综治中心",
        kind=UnitKind.GOVERNANCE_CENTRE,
        area=suning_town,
    )


@pytest.fixture
def court(suning) -> Unit:
    return unit_create(code="FY-130926", name="肃宁县人民法院", kind=UnitKind.COURT, area=suning)


@pytest.fixture
def mediators(suning_town) -> list[TeamMember]:
    office = unit_create(
        code="SFS-130926100", name="肃宁镇司法所", kind=UnitKind.JUDICIAL_OFFICE, area=suning_town
    )
    return [
        team_member_create(
            name=name,
            team_kind="judicial_office",
            unit=office,
            area=suning_town,
            phone=f"1383170000{i}",
            is_mediator=True,
        )
        for i, name in enumerate(("张建国", "李秀英"))
    ]


def code(table: str, value: str) -> Code:
    return Code.objects.get(table__key=table, code=value)


@pytest.fixture
def dispute_values(village, centre) -> dict:
    return {
        "title": "东关村王某与李某宅基地边界纠纷",
        "occurred_on": date(2026, 2, 27),
        "area": village,
        "address": "肃宁镇东关村北街",
        "scale": code(Table.EVENT_SCALE, "01"),
        "type": code(Table.EVENT_TYPE, "0902"),
        "people_count": 2,
        "summary": "双方因宅基地边界墙位置发生争执。",
        "source": "visit",
        "handling_unit": centre,
        "responsible_name": "赵志强",
        "responsible_phone": "13931700002",
        "registered_on": REGISTERED,
    }


@pytest.fixture
def dispute(dispute_values, actor) -> Dispute:
    return dispute_register(
        **dispute_values, actor=actor, parties=[party(), party("respondent", seed=2)]
    )


@pytest.fixture
def mediating(dispute, mediators, actor) -> Dispute:
    mediators_assign(dispute=dispute, members=mediators, actor=actor)
    mediation_record_add(
        dispute=dispute,
        held_at=datetime(2026, 3, 5, 9, tzinfo=SHANGHAI),
        place="东关村调解室",
        mediators=mediators[:1],
        content="听取双方陈述。",
        result="双方同意以原界石为准",
        actor=actor,
    )
    dispute.refresh_from_db()
    return dispute


WRITTEN_TERMS = {
    "facts": "双方宅基地相邻，李某翻建院墙时越过原界石约 0.3 米。",
    "disputed_points": "院墙是否越界。",
    "responsibilities": "李某负主要责任。",
    "terms": "李某于 2026 年 3 月 31 日前将院墙退回原界石位置。",
    "performance_manner": "李某自行拆除重建，村委会见证。",
    "performance_deadline": date(2026, 3, 31),
    "effective_on": date(2026, 3, 10),
}


@pytest.fixture
def agreed(mediating, actor) -> Dispute:
    agreement_conclude(
        dispute=mediating, form="written", signed_on=date(2026, 3, 10), actor=actor, **WRITTEN_TERMS
    )
    mediating.refresh_from_db()
    return mediating
