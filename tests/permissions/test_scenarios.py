"""The worked example of the README, and re-assignment, through the real services."""

import pytest
from django.urls import reverse

from backend.creation.models import CreationTask, TaskStatus
from backend.creation.services import task_assign
from backend.disputes.models import Dispute
from backend.evidence.models import Evidence
from backend.org.models import Unit, UnitKind
from backend.reports.models import Report, ReportCategory, ReportSource
from backend.reports.services import report_dispatch, report_submit, report_transfer
from permissions.explain import explain
from permissions.grants import forget_grants
from permissions.policy import NotFound
from permissions.registry import policy_for

pytestmark = pytest.mark.django_db
SUNING_TOWN = 130926100000


@pytest.fixture
def office(world) -> Unit:
    return world.township_units[(SUNING_TOWN, UnitKind.JUDICIAL_OFFICE.value)]


@pytest.fixture
def dispute(office) -> Dispute:
    """A 肃宁镇 dispute whose mediator belongs to 肃宁镇司法所."""
    return Dispute.objects.filter(mediators__unit=office).exclude(handling_unit=office).first()


def test_a_township_mediator_s_dispute_is_seen_by_the_county_and_not_by_xianxian(
    users, dispute, office
):
    disputes = policy_for(Dispute)
    assert disputes.get(users["mediator"], "view", dispute.pk) == dispute
    assert (
        str(explain(users["mediator"], "view", dispute))
        == f"允许：所在单位「{office}」承办此事项（对象授权：查看）"
    )
    assert disputes.get(users["county_centre"], "view", dispute.pk) == dispute
    assert (
        str(explain(users["county_centre"], "view", dispute))
        == "允许：角色「县级综治中心」在「肃宁县」范围内有查看权限"
    )
    with pytest.raises(NotFound):
        disputes.get(users["xianxian_centre"], "view", dispute.pk)
    assert not explain(users["xianxian_centre"], "view", dispute).allowed
    assert "缺少权限" in str(explain(users["xianxian_centre"], "view", dispute))


def test_the_mediator_sees_only_the_disputes_shared_with_the_office(users, office):
    seen = policy_for(Dispute).visible(users["mediator"])
    assert seen.exists()
    assert set(seen) == set(
        Dispute.objects.filter(mediators__unit=office)
        | Dispute.objects.filter(handling_unit=office)
    )


def test_reassigning_a_task_moves_it_from_one_unit_to_the_other(users, world):
    handler = users["unit_handler"]
    old_lead = handler.memberships.get().unit
    task = CreationTask.objects.filter(lead_unit=old_lead, status=TaskStatus.IN_PROGRESS).first()
    new_lead = next(unit for unit in world.member_units if unit != old_lead)
    task.co_units.remove(old_lead)
    task_assign(task=task, lead_unit=new_lead, co_units=[])
    forget_grants(handler)
    assert not policy_for(CreationTask).visible(handler).filter(pk=task.pk).exists()
    assert explain(handler, "view", task).allowed is False


def test_a_report_s_grants_follow_it_from_centre_to_unit_to_unit(users, world):
    """Submitted: the centre holds it; dispatched: only the unit; transferred: only the next unit."""
    centre = world.township_units[(SUNING_TOWN, UnitKind.GOVERNANCE_CENTRE.value)]
    police = world.township_units[(SUNING_TOWN, UnitKind.POLICE_STATION.value)]
    report = report_submit(
        source=ReportSource.GRID_WORKER,
        category=ReportCategory.objects.get(code="0302"),
        area=world.villages_of(centre.area)[0],
        title="下水道堵塞",
        description="村东头污水外溢",
        reporter_name="张伟",
        reporter_phone="13812345678",
        centre=centre,
        actor=users["grid_worker"],
    )
    assert _holders(report) == {centre.group_id}
    # to 市司法局, the unit of the demo unit handler, who then passes it on
    handlers_unit = world.member_units[10]
    report_dispatch(report=report, unit=handlers_unit, actor=users["township_centre"])
    assert _holders(report) == {handlers_unit.group_id}
    report_transfer(
        report=report,
        unit=handlers_unit,
        to_unit=police,
        actor=users["unit_handler"],
        reason="属地派出所职责",
    )
    assert _holders(report) == {police.group_id}


def _holders(report: Report) -> set[int]:
    return set(report.unit_grants.values_list("group_id", flat=True))


def test_evidence_downloads_follow_their_record(client, users, world, settings):
    settings.MEDIA_ROOT = world.extra["media_root"]
    evidence = Evidence.objects.filter(dispute__area__path__startswith="130900/130926/").first()
    url = reverse("evidence-download", args=[evidence.pk])
    client.force_login(users["county_centre"])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Content-Type"] == evidence.content_type
    client.force_login(users["xianxian_centre"])
    forbidden, missing = client.get(url), client.get(reverse("evidence-download", args=[10**9]))
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.content == missing.content
    client.logout()
    assert client.get(url).status_code == 404
