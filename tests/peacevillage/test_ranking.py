"""Rankings computed by hand: the counties of the city, the townships of a county, the villages of
a township — by average score, then villages meeting all 六无, then code; only approved (or also
submitted) assessments, only those the caller may see."""

from decimal import Decimal

import pytest

from backend.areas.models import Area
from backend.peacevillage.models import Assessment
from backend.peacevillage.selectors import ranking

pytestmark = pytest.mark.django_db
PERIOD = "2024-H2"  # no assessment of the demo world
# (village, score, qualified, status)
ROWS = [
    (130926102201, "90.0", True, "approved"),  # 窝北镇 (肃宁县)
    (130926102202, "80.0", False, "approved"),  # 窝北镇
    (130926103017, "85.0", True, "approved"),  # another township of 肃宁县
    (130926103018, "95.0", True, "submitted"),
    (130929101201, "70.0", False, "approved"),  # 淮镇镇 (献县)
    (130929101202, "100.0", True, "draft"),
]


@pytest.fixture
def assessments(db):
    Assessment.objects.bulk_create(
        Assessment(area_id=v, period=PERIOD, score=Decimal(s), qualified=q, status=st)
        for v, s, q, st in ROWS
    )
    return Assessment.objects.filter(period=PERIOD)


def rows(found) -> list[tuple]:
    return [(r.rank, r.area_code, str(r.average_score), r.assessed, r.qualified) for r in found]


def test_counties_of_the_city(assessments):
    city = Area.objects.get(code=130900000000)
    found = ranking(assessments=assessments, area=city, period=PERIOD)
    # 肃宁县 (90 + 80 + 85) / 3 = 85.0; 献县 70.0
    assert rows(found) == [(1, 130926000000, "85.0", 3, 2), (2, 130929000000, "70.0", 1, 0)]
    assert found[0].area_name == "肃宁县"
    assert (
        found[0].villages
        == Area.objects.filter(level=6, code__range=(130926000000, 130926999999)).count()
    )
    with_submitted = ranking(
        assessments=assessments, area=city, period=PERIOD, include_submitted=True
    )
    assert rows(with_submitted)[0] == (1, 130926000000, "87.5", 4, 3)


def test_townships_of_a_county_tie_broken_by_qualified_villages(assessments):
    Assessment.objects.filter(area_id=130926102202).update(score=Decimal("80.0"), qualified=True)
    suning = Area.objects.get(code=130926000000)
    found = ranking(assessments=assessments, area=suning, period=PERIOD)
    # 窝北镇 (90 + 80) / 2 = 85.0 with 2 qualified; the other township 85.0 with 1
    assert rows(found) == [(1, 130926102000, "85.0", 2, 2), (2, 130926103000, "85.0", 1, 1)]
    assert found[0].area_name == "窝北镇"


def test_villages_of_a_township_and_only_what_the_caller_sees(assessments):
    wobei = Area.objects.get(code=130926102000)
    found = ranking(assessments=assessments, area=wobei, period=PERIOD)
    assert rows(found) == [(1, 130926102201, "90.0", 1, 1), (2, 130926102202, "80.0", 1, 0)]
    assert found[0].villages == 1
    seen = assessments.filter(area_id__gte=130929000000)
    city = Area.objects.get(code=130900000000)
    assert rows(ranking(assessments=seen, area=city, period=PERIOD)) == [
        (1, 130929000000, "70.0", 1, 0)
    ]
    assert ranking(assessments=assessments, area=city, period="2024-H1") == []
