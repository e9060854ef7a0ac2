"""Writes through the project's services, one or more per app: each create, update and delete leaves
its entry, with the acting user and their unit, filed under the object's area."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from backend.accounts.services import user_create
from backend.accounts.tokens import token_create, token_revoke
from backend.assistance.services import (
    case_apply,
    case_delete,
    case_update,
    household_member_remove,
)
from backend.audit.context import acting_as
from backend.audit.models import AuditAction, AuditEntry
from backend.codes.models import Code, Table
from backend.creation.models import Guideline
from backend.creation.services import task_create, task_delete, task_update
from backend.disputes.services import (
    dispute_delete,
    dispute_register,
    dispute_update,
    party_add,
    party_remove,
    party_update,
)
from backend.enterprise.services import enterprise_delete, enterprise_register, enterprise_update
from backend.evidence.services import evidence_attach, evidence_remove
from backend.org.services import membership_grant, membership_revoke, unit_create, unit_update
from backend.reports.services import (
    dispatch_rule_delete,
    dispatch_rule_set,
    report_category_create,
    report_category_update,
)
from backend.teams.services import team_member_create, team_member_deactivate, team_member_update
from tests.assistance.conftest import APPLICANT_ID, SPOUSE_ID
from tests.disputes.conftest import party
from tests.enterprise.conftest import CREDIT_CODE

pytestmark = pytest.mark.django_db
C, U, D = AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE
SUNING, SUNING_TOWN = 130926000000, 130926100000


def trail(label: str, pk) -> list[str]:
    rows = AuditEntry.objects.filter(object_type=label, object_id=str(pk)).order_by("id")
    return list(rows.values_list("action", flat=True))


@pytest.fixture
def admin(users):
    return users["city_admin"]


@pytest.fixture
def village(world):
    return next(v for v in world.villages if v.parent_id == SUNING_TOWN)


@pytest.fixture
def centre(world):
    return world.township_units[(SUNING_TOWN, "governance_centre")]


def test_units_and_role_grants(admin, users, world):
    with acting_as(admin):
        unit = unit_create(
            code="AUD-1", name="审计测试单位", kind="member_unit", area=world.counties[0]
        )
        unit_update(unit=unit, data={"short_name": "审计"})
        grant = membership_grant(user=users["resident"], role="auditor", scope=world.counties[0])
        grant_pk = grant.pk
        membership_revoke(membership=grant)
    assert trail("org.unit", unit.pk) == [C, U]
    assert trail("org.membership", grant_pk) == [C, D]
    entry = AuditEntry.objects.filter(object_type="org.membership").latest("id")
    assert (entry.actor, entry.area_id) == (admin, world.counties[0].pk)


def test_team_members(admin, world, centre):
    office = world.township_units[(SUNING_TOWN, "judicial_office")]
    with acting_as(admin):
        member = team_member_create(
            name="赵立新",
            team_kind="judicial_office",
            unit=office,
            area=office.area,
            phone="13831700088",
        )
        team_member_update(member=member, data={"title": "司法所所长"})
        team_member_deactivate(member=member)
    assert trail("teams.teammember", member.pk) == [C, U, U]
    update = AuditEntry.objects.filter(object_type="teams.teammember", action=U).earliest("id")
    assert update.changes == {"title": ["", "司法所所长"]}


def test_disputes_and_their_parties(admin, village, centre):
    values = {
        "title": "审计测试纠纷",
        "occurred_on": date(2026, 2, 27),
        "area": village,
        "scale": Code.objects.get(table__key=Table.EVENT_SCALE, code="01"),
        "type": Code.objects.get(table__key=Table.EVENT_TYPE, code="0902"),
        "people_count": 2,
        "summary": "双方因宅基地边界墙位置发生争执。",
        "source": "visit",
        "handling_unit": centre,
        "address": "肃宁镇东关村北街",
        "responsible_name": "赵志强",
        "responsible_phone": "13931700002",
    }
    with acting_as(admin):
        dispute = dispute_register(**values, actor=admin, parties=[party()])
        dispute_update(dispute=dispute, data={"title": "审计测试纠纷（更正）"}, actor=admin)
        added = party_add(dispute=dispute, actor=admin, **party("respondent", seed=7))
        party_update(party=added, data={"ethnicity": "回族"}, actor=admin)
        party_pk = added.pk
        party_remove(party=added, actor=admin)
        dispute_pk = dispute.pk
        dispute_delete(dispute=dispute, actor=admin)
    assert trail("disputes.dispute", dispute_pk)[:2] == [C, U]
    assert trail("disputes.dispute", dispute_pk)[-1] == D
    assert trail("disputes.disputeparty", party_pk) == [C, U, D]
    assert (
        AuditEntry.objects.filter(object_type="disputes.disputeparty", area_id=village.pk).count()
        >= 3
    )


def test_report_catalogue(admin, village, centre):
    with acting_as(admin):
        category = report_category_create(code="AUD1", name="审计测试类别", limit_class="ordinary")
        report_category_update(category=category, data={"name": "审计测试类别二"})
        rule = dispatch_rule_set(category=category, area=village, unit=centre)
        rule_pk = rule.pk
        dispatch_rule_delete(rule=rule)
    assert trail("reports.reportcategory", category.pk) == [C, U]
    assert trail("reports.dispatchrule", rule_pk) == [C, D]


def test_enterprises(admin, village):
    with acting_as(admin):
        enterprise = enterprise_register(
            name="沧州审计测试有限公司",
            credit_code=CREDIT_CODE,
            category=Code.objects.filter(table__key=Table.ENTERPRISE_CATEGORY).first(),
            area=village,
            legal_representative="王强",
            contact_name="王强",
            contact_phone="13931700001",
            address="肃宁镇工业园",
        )
        enterprise_update(enterprise=enterprise, data={"contact_name": "李娜"})
        pk = enterprise.pk
        enterprise_delete(enterprise=enterprise)
    assert trail("enterprise.enterprise", pk) == [C, U, D]


def test_creation_tasks(admin, world):
    lead = world.member_units[0]
    with acting_as(admin):
        task = task_create(
            code="AUD-T1",
            guideline=Guideline.objects.first(),
            dimension="rule_of_law",
            title="审计测试任务",
            target="完成",
            lead_unit=lead,
            deadline=timezone.localdate() + timedelta(days=60),
            weight=Decimal("1.0"),
            area=lead.area,
        )
        task_update(task=task, data={"title": "审计测试任务二"})
        pk = task.pk
        task_delete(task=task)
    assert trail("creation.creationtask", pk) == [C, U, D]
    granted = AuditEntry.objects.filter(object_type="creation.creationtaskunitgrant", action=C)
    assert {e.changes["permission"] for e in granted.filter(changes__content_object_id=pk)} == {
        "view_creationtask",
        "change_creationtask",
        "unmask_creationtask",
    }


def test_assistance_cases(admin, village):
    with acting_as(admin):
        case = case_apply(
            kind="dibao",
            applicant_name="张秀英",
            applicant_id_number=APPLICANT_ID,
            applicant_phone="13831712345",
            applicant_address="肃宁县肃宁镇东街村12排3号",
            household_size=2,
            household_monthly_income=Decimal("300.00"),
            area=village,
            members=[{"name": "李国华", "relation": "spouse", "id_number": SPOUSE_ID}],
        )
        member = case.members.get()
        member_pk = member.pk
        case_update(case=case, data={"household_monthly_income": Decimal("280.00")})
        household_member_remove(member=member)
        pk = case.pk
        case_delete(case=case)
    assert trail("assistance.subsidycase", pk) == [C, U, D]
    assert trail("assistance.householdmember", member_pk) == [C, D]


def test_evidence_and_accounts(admin, world, centre):
    from backend.disputes.models import Dispute

    dispute = Dispute.objects.filter(area__path__contains="/130926100/").first()
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64)
    with acting_as(admin):
        evidence = evidence_attach(
            uploader=admin, upload=SimpleUploadedFile("现场.png", png), parent=dispute
        )
        evidence_pk = evidence.pk
        evidence_remove(evidence=evidence)
        user = user_create(username="shenji", password="Zl-demo-2026!", phone="13931755555")
        token, _ = token_create(creator=admin, user=user, name="审计测试")
        token_revoke(token=token)
    assert trail("evidence.evidence", evidence_pk) == [C, D]
    created = AuditEntry.objects.get(object_type="evidence.evidence", action=C)
    assert created.changes["file"] == "已填写" and created.area_id == dispute.area_id
    assert trail("accounts.user", user.pk) == [C]
    assert trail("accounts.apitoken", token.pk) == [C, U]


def test_reassigning_a_dispute_audits_the_object_grants_taken_and_given(admin, world):
    from backend.disputes.models import Dispute

    dispute = Dispute.objects.filter(area__path__contains="/130926100/", status="mediating").first()
    old = dispute.handling_unit
    new = world.county_units[(SUNING, "governance_centre")]
    with acting_as(admin):
        dispute_update(dispute=dispute, data={"handling_unit": new}, actor=admin)
    grants = AuditEntry.objects.filter(
        object_type="disputes.disputeunitgrant", changes__content_object_id=dispute.pk
    )
    given = {(e.changes["group_id"], e.changes["permission"]) for e in grants.filter(action=C)}
    taken = {(e.changes["group_id"], e.changes["permission"]) for e in grants.filter(action=D)}
    codenames = {"view_dispute", "change_dispute", "unmask_dispute"}
    assert given == {(new.group_id, codename) for codename in codenames}
    assert taken == {(old.group_id, codename) for codename in codenames}
    assert {(e.area_id, e.actor_id) for e in grants} == {(dispute.area_id, admin.pk)}
