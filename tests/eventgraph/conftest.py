"""Items built with the ORM at chosen places, days and numbers, for rules computed by hand."""

import itertools
import random
from datetime import date, datetime, time
from decimal import Decimal

from django.utils import timezone

from backend.areas.models import Area
from backend.codes.models import Code, Table
from backend.demo import people
from backend.disputes.models import Dispute, DisputeParty
from backend.eventgraph.linking import item_index
from backend.eventgraph.models import DISPUTE, REPORT, EventLink
from backend.org.models import Unit, UnitKind
from backend.org.services import unit_create
from backend.reports.models import Report, ReportCategory
from tests.api.conftest import gql_as  # noqa: F401  (the GraphQL client fixture)
from tests.permissions.conftest import users, world  # noqa: F401  (the shared demo world)

# Places and days away from the shared demo world (肃宁镇, 梁家村镇, 乐寿镇; up to 2026-11-01), so
# that its items never join the hand-computed links.
WOBEI, SUOJIA = 130926102201, 130926102202  # two villages of 窝北镇 (肃宁县)
CUIWEI = 130926103017  # a community of another township of 肃宁县
NANJIE = 130929101201  # a village of 淮镇镇 (献县)
DAY = date(2030, 3, 1)
_serial = itertools.count(1)


def person(seed: int, area: int = WOBEI) -> tuple[str, str]:
    """A checksum-valid ID number and a mobile number."""
    rng = random.Random(seed)
    return people.resident_id(rng, area), people.mobile(rng)


def _code(table: str, value: str) -> Code:
    return Code.objects.get(table__key=table, code=value)


def _unit() -> Unit:
    return Unit.objects.filter(code="EG-TEST").first() or unit_create(
        code="EG-TEST", name="测试化解组织", kind=UnitKind.GOVERNANCE_CENTRE,
        area=Area.objects.get(code=130900000000),
    )  # fmt: skip


def make_dispute(
    area: int, day: date = DAY, *, type_code: str = "0902", scale: str = "01",
    parties: tuple[tuple[str, str], ...] = (), at: tuple[str, str] | None = None,
) -> Dispute:  # fmt: skip
    n = next(_serial)
    dispute = Dispute.objects.create(
        number=f"EG-{n:06d}", title=f"测试纠纷{n}", occurred_on=day, registered_on=day,
        address="测试地点", area_id=area, scale=_code(Table.EVENT_SCALE, scale),
        type=_code(Table.EVENT_TYPE, type_code), people_count=1 if scale == "01" else 20,
        summary="测试", source="visit", handling_unit=_unit(), deadline=day,
        responsible_name="测试", responsible_phone="13800000000",
        latitude=Decimal(at[0]) if at else None, longitude=Decimal(at[1]) if at else None,
    )  # fmt: skip
    for index, (id_number, phone) in enumerate(parties or (person(n),)):
        DisputeParty.objects.create(
            dispute=dispute, role="applicant", name="测试", id_number=id_number, sex="male",
            phone=phone, address="测试", is_main_party=index == 0,
        )  # fmt: skip
    return dispute


def make_report(
    area: int, day: date = DAY, *, category: str = "0301", phone: str = "",
    at: tuple[str, str] | None = None,
) -> Report:  # fmt: skip
    n = next(_serial)
    return Report.objects.create(
        number=f"EG{n:08d}", source="resident", category=ReportCategory.objects.get(code=category),
        area_id=area, title=f"测试诉求{n}", description="测试", reporter_phone=phone,
        registered_at=timezone.make_aware(datetime.combine(day, time(10))),
        latitude=Decimal(at[0]) if at else None, longitude=Decimal(at[1]) if at else None,
    )  # fmt: skip


def index(*items) -> None:
    for item in items:
        item_index(object_type=ref(item)[0], object_id=item.pk)


def ref(item) -> tuple[str, int]:
    return (DISPUTE if isinstance(item, Dispute) else REPORT, item.pk)


def links_between(x, y) -> dict[str, EventLink]:
    (a_type, a_id), (b_type, b_id) = sorted((ref(x), ref(y)))
    rows = EventLink.objects.filter(a_type=a_type, a_id=a_id, b_type=b_type, b_id=b_id)
    return {link.kind: link for link in rows}
