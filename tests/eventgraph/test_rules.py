"""Links computed by hand: shared party, shared phone, same village, nearby, same type in the
township — each within or outside its window — and the incremental job's updates and deletes."""

from datetime import timedelta

import pytest

from backend.eventgraph.models import EventLink, PartyKey
from backend.eventgraph.rules import common_area
from tests.eventgraph.conftest import (
    CUIWEI,
    DAY,
    NANJIE,
    SUOJIA,
    WOBEI,
    index,
    links_between,
    make_dispute,
    make_report,
    person,
)

pytestmark = pytest.mark.django_db


def test_the_same_id_number_links_disputes_of_two_counties_whatever_the_time_between():
    shared_id, _ = person(1)
    first = make_dispute(WOBEI, parties=((shared_id, "13900000001"),))
    later = make_dispute(NANJIE, DAY + timedelta(days=400), parties=((shared_id, "13900000002"),))
    index(first, later)
    links = links_between(first, later)
    assert set(links) == {"party"}
    party = links["party"]
    assert (party.weight, party.reason) == (1.0, "同一当事人（证件号码一致）")
    assert party.area_id == 130900000000  # 肃宁县 and 献县 meet at the city
    assert party.day == DAY + timedelta(days=400)


def test_a_report_and_a_dispute_share_a_phone_across_types():
    report = make_report(WOBEI, DAY - timedelta(days=90), phone="139 0000 0003")
    dispute = make_dispute(CUIWEI, parties=((person(2)[0], "13900000003"),))
    index(report, dispute)
    links = links_between(report, dispute)
    assert set(links) == {"phone"}
    assert (links["phone"].weight, links["phone"].reason) == (0.8, "同一联系电话")
    assert links["phone"].area_id == 130926000000  # two townships of 肃宁县


def test_same_village_links_within_thirty_days_and_not_beyond():
    first = make_report(WOBEI, DAY)
    near = make_dispute(WOBEI, DAY + timedelta(days=30), type_code="0101")
    far = make_report(WOBEI, DAY + timedelta(days=31), category="0401")
    index(first, near, far)
    assert links_between(first, near)["place"].reason == "同一村（社区），相隔30天"
    assert links_between(first, near)["place"].area_id == WOBEI
    assert links_between(first, far) == {}
    assert links_between(near, far)["place"].reason == "同一村（社区），相隔1天"


def test_items_of_two_villages_within_five_hundred_metres_are_one_place():
    # 0.0027° of latitude is 300.2 m (haversine, R = 6,371 km); 0.0050° is 556 m
    first = make_report(WOBEI, at=("38.400000", "115.800000"))
    close = make_report(
        SUOJIA, DAY + timedelta(days=2), category="0401", at=("38.402700", "115.800000")
    )
    apart = make_report(
        SUOJIA, DAY + timedelta(days=2), category="0401", at=("38.405000", "115.800000")
    )
    index(first, close, apart)
    place = links_between(first, close)["place"]
    assert place.reason == "相距约300米，相隔2天"
    assert place.weight == pytest.approx(0.5 + 0.2 * (1 - 300.2 / 500), abs=1e-3)
    assert place.area_id == 130926102000  # 窝北镇
    assert "place" not in links_between(first, apart)


def test_same_type_group_in_one_township_within_the_window():
    # dispute 0902 宅基地使用 (group 09) and report 0903 土地宅基地纠纷 (mapped to 09)
    dispute = make_dispute(WOBEI, type_code="0902")
    report = make_report(SUOJIA, DAY + timedelta(days=20), category="0903")
    other_township = make_report(CUIWEI, DAY + timedelta(days=5), category="0903")
    too_late = make_report(SUOJIA, DAY + timedelta(days=45), category="0903")
    index(dispute, report, other_township, too_late)
    assert set(links_between(dispute, report)) == {"type"}
    assert links_between(dispute, report)["type"].reason == (
        "同一乡镇（街道）同类事项（土地及资源权属纠纷），相隔20天"
    )
    assert links_between(dispute, other_township) == {}
    assert links_between(dispute, too_late) == {}
    assert set(links_between(report, too_late)) == {"place", "type"}  # one village, 25 days


def test_keys_hold_digests_and_masked_labels_never_the_numbers():
    id_number, phone = person(3)
    dispute = make_dispute(WOBEI, parties=((id_number, phone),))
    index(dispute)
    keys = {key.kind: key for key in PartyKey.objects.filter(object_id=dispute.pk)}
    assert set(keys) == {"id", "phone"}
    assert keys["id"].label == id_number[:6] + "********" + id_number[-4:]
    assert keys["phone"].label == phone[:3] + "****" + phone[-4:]
    for key in keys.values():
        assert len(key.digest) == 64
        assert id_number not in key.digest and phone not in key.digest
    assert not EventLink.objects.filter(reason__contains=phone[-4:]).exists()


def test_reindexing_after_a_move_drops_the_old_place_and_a_delete_drops_everything():
    first, second = make_report(WOBEI), make_report(WOBEI, DAY + timedelta(days=3), category="0401")
    index(first, second)
    assert set(links_between(first, second)) == {"place"}
    second.area_id = NANJIE
    second.save()
    index(second)
    assert links_between(first, second) == {}
    shared = make_dispute(WOBEI, parties=((person(4)[0], "13900000009"),))
    index(shared)
    assert set(links_between(first, shared)) == {"place"}
    shared.delete()
    assert not PartyKey.objects.filter(object_type="disputes.dispute", object_id=shared.pk).exists()
    assert not EventLink.objects.filter(b_type="disputes.dispute", b_id=shared.pk).exists()
    assert not EventLink.objects.filter(a_type="disputes.dispute", a_id=shared.pk).exists()


def test_indexing_twice_changes_nothing():
    first, second = make_report(WOBEI), make_report(WOBEI, DAY + timedelta(days=3))
    index(first, second)
    before = list(EventLink.objects.filter(a_id__in=[first.pk, second.pk]).values())
    index(first, second, first)
    assert list(EventLink.objects.filter(a_id__in=[first.pk, second.pk]).values()) == before


@pytest.mark.parametrize(
    ("first", "second", "common"),
    [
        (WOBEI, WOBEI, WOBEI),
        (WOBEI, SUOJIA, 130926102000),
        (WOBEI, CUIWEI, 130926000000),
        (WOBEI, NANJIE, 130900000000),
        (WOBEI, 130926102000, 130926102000),
        (130900000000, 999900000000, None),
    ],
)
def test_a_link_is_filed_under_the_smallest_division_holding_both(first, second, common):
    assert common_area(first, second) == common


def test_an_item_keeps_only_the_nearest_twenty_links_of_a_kind():
    reports = [make_report(WOBEI, DAY + timedelta(days=d)) for d in range(22)]
    index(*reports)
    last = reports[-1]
    ends = EventLink.objects.filter(b_id=last.pk, kind="place").values_list("a_id", flat=True)
    assert sorted(ends) == [r.pk for r in reports[1:21]]  # days 1 … 20, not day 0
    assert EventLink.objects.filter(b_id=last.pk, kind="type").count() == 20
