"""The graph follows committed writes through the job, and the bulk rebuild finds the same links."""

from datetime import timedelta

import pytest
from django.db import transaction

from backend.areas.models import Area
from backend.codes.models import Code, Table
from backend.disputes.models.party import sex_from_resident_id
from backend.disputes.services import dispute_register
from backend.eventgraph.models import EventLink, PartyKey
from backend.eventgraph.rebuild import graph_rebuild
from backend.org.models import UnitKind
from backend.org.services import unit_create
from backend.reports.models import ReportCategory
from backend.reports.services import report_submit
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
    ref,
)

pytestmark = pytest.mark.django_db


def _register(id_number: str, phone: str):
    centre = unit_create(
        code="ZZ-EG-130926102", name="窝北镇事件图谱测试中心", kind=UnitKind.GOVERNANCE_CENTRE,
        area=Area.objects.get(code=130926102000),
    )  # fmt: skip
    return dispute_register(
        title="窝北村宅基地纠纷", occurred_on=DAY, registered_on=DAY, area=Area.objects.get(code=WOBEI),
        address="窝北村", scale=Code.objects.get(table__key=Table.EVENT_SCALE, code="01"),
        type=Code.objects.get(table__key=Table.EVENT_TYPE, code="0902"), people_count=2,
        summary="宅基地边界争执", source="visit", handling_unit=centre, responsible_name="赵某",
        responsible_phone="13931700002",
        parties=[{"role": "applicant", "name": "王某", "sex": sex_from_resident_id(id_number), "id_number": id_number,
                  "phone": phone, "address": "窝北村"}],
    )  # fmt: skip


def test_a_committed_dispute_and_report_are_linked_by_the_job(django_capture_on_commit_callbacks):
    id_number, phone = person(11)
    with django_capture_on_commit_callbacks(execute=True) as jobs:
        dispute = _register(id_number, phone)
    assert len(jobs) == 1
    assert (
        PartyKey.objects.filter(object_type="disputes.dispute", object_id=dispute.pk).count() == 2
    )
    with django_capture_on_commit_callbacks(execute=True):
        report = _report_with_phone(phone)
    assert set(links_between(dispute, report)) == {"phone"}


def _report_with_phone(phone: str):
    return report_submit(
        source="hotline", category=ReportCategory.objects.get(code="0903"),
        area=Area.objects.get(code=CUIWEI), title="宅基地纠纷再次反映", description="同一户再次来电",
        reporter_name="王某", reporter_phone=phone,
    )  # fmt: skip


def test_a_rolled_back_write_links_nothing_and_a_status_save_schedules_nothing(
    django_capture_on_commit_callbacks,
):
    with (
        django_capture_on_commit_callbacks(execute=True) as jobs,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        make_report(WOBEI)
        raise RuntimeError
    assert jobs == []
    report = make_report(WOBEI)
    with django_capture_on_commit_callbacks() as jobs:
        report.status = "closed"
        report.save(update_fields=["status"])
    assert jobs == []
    with django_capture_on_commit_callbacks() as jobs:
        report.reporter_phone = "13900000077"
        report.save(update_fields=["reporter_phone"])
    assert len(jobs) == 1


def test_the_bulk_rebuild_finds_exactly_the_links_of_the_incremental_jobs():
    shared_id, shared_phone = person(21)
    items = [
        make_dispute(WOBEI, parties=((shared_id, "13900000101"),), at=("38.400000", "115.800000")),
        make_report(WOBEI, DAY + timedelta(days=4), category="0903", phone=shared_phone),
        make_report(
            SUOJIA, DAY + timedelta(days=6), category="0903", at=("38.401000", "115.800500")
        ),
        make_dispute(NANJIE, DAY + timedelta(days=200), parties=((shared_id, shared_phone),)),
        make_dispute(CUIWEI, DAY + timedelta(days=9), type_code="0101", scale="02"),
        make_report(WOBEI, DAY + timedelta(days=40), category="0101"),
    ]
    index(*items)
    mine = {ref(item) for item in items}
    incremental = _links(mine)
    assert len(incremental) >= 6
    graph_rebuild(since=DAY - timedelta(days=1), log=lambda message: None)
    assert _links(mine) == incremental


def _links(mine: set) -> set[tuple]:
    rows = EventLink.objects.values_list(
        "kind", "a_type", "a_id", "b_type", "b_id", "weight", "reason", "area_id", "day"
    )
    return {row for row in rows if (row[1], row[2]) in mine and (row[3], row[4]) in mine}
