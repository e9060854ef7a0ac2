# Kept apart from tests/audit, whose package-wide demo world holds units and users with the same
# codes and names as the disputes and enterprise fixtures used here.
"""Service writes that use bulk_create or QuerySet.update() (no model signals) are audited too:
parties at registration, mediator assignment, problem assignments and answers, co-units."""

import pytest

from backend.audit.models import AuditAction, AuditEntry
from backend.disputes.models import DisputeMediator, DisputeParty
from backend.disputes.services import mediators_assign
from backend.enterprise.models import ProblemAssignment
from backend.enterprise.services import problem_answer, problem_assign_leader, problem_dispatch
from tests.disputes import conftest as disputes
from tests.enterprise import conftest as enterprise_fixtures

actor, centre, dispute = disputes.actor, disputes.centre, disputes.dispute
dispute_values, village, mediators = disputes.dispute_values, disputes.village, disputes.mediators
domestic, enterprise, leader = (
    enterprise_fixtures.domestic,
    enterprise_fixtures.enterprise,
    enterprise_fixtures.leader,
)
manager, resources, problem = (
    enterprise_fixtures.manager,
    enterprise_fixtures.resources,
    enterprise_fixtures.problem,
)

pytestmark = pytest.mark.django_db


def entries(model, action) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(object_type=model._meta.label_lower, action=action))


def test_parties_registered_with_a_dispute_are_audited(dispute):
    created = {entry.object_id for entry in entries(DisputeParty, AuditAction.CREATE)}
    assert created == {str(pk) for pk in dispute.parties.values_list("pk", flat=True)}
    assert all(
        entry.area_id == dispute.area_id for entry in entries(DisputeParty, AuditAction.CREATE)
    )


def test_assigned_mediators_are_audited(dispute, mediators, actor):
    mediators_assign(dispute=dispute, members=mediators[:2], actor=actor)
    assert len(entries(DisputeMediator, AuditAction.CREATE)) == 2


def test_problem_assignments_and_answers_are_audited(problem, leader, manager, resources):
    problem_assign_leader(problem=problem, leader=leader, actor=manager)
    problem_dispatch(problem=problem, units=[resources], actor=manager)
    assert len(entries(ProblemAssignment, AuditAction.CREATE)) == 1
    problem_answer(
        problem=problem, unit=resources, answer="已协调用地指标", policy_basis="土地管理法"
    )
    [update] = entries(ProblemAssignment, AuditAction.UPDATE)
    assert list(update.changes) == ["answered_at"] and update.changes["answered_at"][0] is None
