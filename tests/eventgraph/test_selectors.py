"""Early warnings and repeated parties on fixtures computed by hand, within scope."""

from datetime import timedelta

import pytest

from backend.disputes.models import Dispute
from backend.eventgraph.models import DISPUTE, REPORT
from backend.eventgraph.selectors import early_warnings, repeated_parties
from backend.eventgraph.selectors.warnings import Counts, risk_of
from backend.reports.models import Report
from tests.eventgraph.conftest import (
    CUIWEI,
    DAY,
    NANJIE,
    SUOJIA,
    WOBEI,
    index,
    make_dispute,
    make_report,
    person,
)

pytestmark = pytest.mark.django_db
XINCUN = 130926102203  # a third village of 窝北镇
CITY, SUNING = (130900000000, 130999999999), (130926000000, 130926999999)
AS_OF = DAY + timedelta(days=29)  # the 30 days DAY … DAY+29


def everything() -> dict:
    return {DISPUTE: Dispute.objects.all(), REPORT: Report.objects.all()}


@pytest.fixture
def hot_spots():
    index(
        make_report(WOBEI, DAY - timedelta(days=1)),  # before the window
        make_report(WOBEI), make_report(WOBEI, DAY + timedelta(days=10)),
        make_dispute(WOBEI, DAY + timedelta(days=20)),
        make_report(SUOJIA), make_report(SUOJIA, DAY + timedelta(days=1)),  # two: not hot
        make_report(XINCUN, phone="13900000201"),
        make_report(XINCUN, DAY + timedelta(days=3), phone="13900000201"),
        make_report(XINCUN, DAY + timedelta(days=5)),
        *(make_report(CUIWEI, DAY + timedelta(days=d)) for d in (0, 7, 14)),
        make_dispute(CUIWEI, DAY + timedelta(days=2), scale="02"),
        make_report(NANJIE), make_report(NANJIE, DAY + timedelta(days=28)),
        make_dispute(NANJIE, DAY + timedelta(days=4), scale="03"),
    )  # fmt: skip


def test_villages_with_three_items_in_thirty_days_are_warned_by_risk(hot_spots):
    found = early_warnings(visible=everything(), low=CITY[0], high=CITY[1], as_of=AS_OF)
    rows = [(w.area_code, w.risk_label, w.counts.items) for w in found]
    assert rows == [(NANJIE, "高", 3), (CUIWEI, "中", 4), (XINCUN, "中", 3), (WOBEI, "低", 3)]
    by_area = {w.area_code: w for w in found}
    assert by_area[WOBEI].reason == "近30天内该村（社区）关联事项3件（矛盾纠纷1件、民意诉求2件）"
    assert by_area[XINCUN].reason.endswith("；1个当事人证件号码或联系电话重复出现")
    assert by_area[CUIWEI].counts.general_group == 1
    assert "重大群体性事件1件" in by_area[NANJIE].reason
    assert (by_area[WOBEI].first_day, by_area[WOBEI].last_day) == (DAY, AS_OF)
    assert by_area[WOBEI].township_name == "窝北镇"


def test_warnings_count_only_what_the_caller_sees_in_the_area(hot_spots):
    suning = early_warnings(visible=everything(), low=SUNING[0], high=SUNING[1], as_of=AS_OF)
    assert NANJIE not in {w.area_code for w in suning}
    reports_only = {DISPUTE: Dispute.objects.none(), REPORT: Report.objects.all()}
    found = early_warnings(visible=reports_only, low=CITY[0], high=CITY[1], as_of=AS_OF)
    assert [(w.area_code, w.risk_label) for w in found] == [(XINCUN, "中"), (CUIWEI, "低")]


def test_the_window_moves_with_the_date(hot_spots):
    # DAY-15 … DAY+14: WOBEI keeps DAY-1, DAY, DAY+10; NANJIE keeps two; CUIWEI all four
    found = early_warnings(
        visible=everything(), low=CITY[0], high=CITY[1], as_of=DAY + timedelta(days=14)
    )
    assert [(w.area_code, w.counts.items) for w in found] == [(CUIWEI, 4), (XINCUN, 3), (WOBEI, 3)]
    assert (
        early_warnings(visible=everything(), low=CITY[0], high=CITY[1], as_of=AS_OF, min_items=4)[
            0
        ].area_code
        == CUIWEI
    )


@pytest.mark.parametrize(
    ("counts", "risk"),
    [
        (Counts(disputes=1, reports=2), "low"),
        (Counts(reports=5), "low"),
        (Counts(reports=6), "medium"),
        (Counts(reports=3, repeated=1), "medium"),
        (Counts(disputes=1, reports=2, general_group=1), "medium"),
        (Counts(disputes=2, reports=1, general_group=2), "high"),
        (Counts(disputes=1, reports=2, major_group=1), "high"),
        (Counts(reports=9), "high"),
    ],
)
def test_risk_levels_follow_counts_and_group_events(counts, risk):
    assert risk_of(counts, 3) == risk


def test_repeated_parties_are_counted_in_scope_and_shown_masked():
    shared_id, _ = person(31)
    phone = "13900000301"
    a = make_dispute(WOBEI, parties=((shared_id, "13900000302"),))
    b = make_dispute(CUIWEI, DAY + timedelta(days=300), parties=((shared_id, phone),))
    c = make_report(NANJIE, DAY + timedelta(days=5), phone=phone)
    d = make_report(SUOJIA, DAY + timedelta(days=8), phone=phone)
    index(a, b, c, d)
    mine = {shared_id[:6] + "********" + shared_id[-4:], "139****0301"}

    def found(low_high, **kwargs):
        rows = repeated_parties(visible=everything(), low=low_high[0], high=low_high[1], **kwargs)
        return {(r.label, r.kind, r.items, r.disputes, r.reports) for r in rows if r.label in mine}

    assert found(CITY) == {
        ("139****0301", "phone", 3, 1, 2),
        (shared_id[:6] + "********" + shared_id[-4:], "id", 2, 2, 0),
    }
    assert found(CITY, min_items=3) == {("139****0301", "phone", 3, 1, 2)}
    assert found(SUNING) == {
        ("139****0301", "phone", 2, 1, 1),
        (shared_id[:6] + "********" + shared_id[-4:], "id", 2, 2, 0),
    }
    rows = repeated_parties(visible=everything(), low=CITY[0], high=CITY[1], min_items=3)
    phone_row = next(r for r in rows if r.label == "139****0301")
    assert [item.id for item in phone_row.examples] == [b.pk, d.pk, c.pk]  # newest first
    assert (phone_row.first_day, phone_row.last_day) == (DAY + timedelta(days=5), b.registered_on)
