from collections import Counter

import pytest

from backend.enterprise.demo import seed
from backend.enterprise.models import Enterprise, EnterpriseProblem, ProblemAssignment
from backend.enterprise.models import ProblemStatus as S
from tests.reports.democtx import small_context

pytestmark = pytest.mark.django_db


@pytest.fixture
def ctx(db):
    return small_context(enterprise_problems=166, batch=50)


@pytest.fixture
def seeded(ctx):
    return seed(ctx)


def test_seed_inserts_enterprises_and_166_problems_once(ctx, seeded):
    assert seeded["enterprise"] == Enterprise.objects.count() >= 100
    assert seeded["enterprise_problem"] == 166 == EnterpriseProblem.objects.count()
    assert seeded["enterprise_assignment"] == ProblemAssignment.objects.count() > 0
    assert set(seed(ctx).values()) == {0}
    assert EnterpriseProblem.objects.count() == 166


def test_seeded_rows_pass_full_clean(seeded):
    for enterprise in Enterprise.objects.all()[:50]:
        enterprise.full_clean()
    for problem in EnterpriseProblem.objects.all():
        problem.full_clean()
    for assignment in ProblemAssignment.objects.all()[:50]:
        assignment.full_clean()


def test_most_problems_are_solved_and_answers_carry_a_policy_basis(ctx, seeded):
    statuses = Counter(EnterpriseProblem.objects.values_list("status", flat=True))
    assert statuses[S.CLOSED] > 0.8 * 166
    for problem in EnterpriseProblem.objects.filter(status__in=(S.ANSWERED, S.CLOSED)):
        assert problem.answer and problem.policy_basis and problem.leader_id
        assert problem.assignments.exists()
    closed = EnterpriseProblem.objects.filter(status=S.CLOSED)
    assert not closed.filter(satisfaction="").exists()
    assert EnterpriseProblem.objects.exclude(supervision_level="none").exists()


def test_enterprise_rows_are_deterministic_and_have_valid_codes(ctx):
    from backend.codes.models import Code, Table
    from backend.common.validators import validate_credit_code
    from backend.enterprise.demo import _enterprise

    codes = {c.code: c for c in Code.objects.filter(table__key=Table.ENTERPRISE_CATEGORY)}

    def names():
        rng = ctx.rng("enterprise:enterprises")
        return [(e.name, e.credit_code) for e in (_enterprise(ctx, rng, codes) for _ in range(30))]

    first = names()
    assert first == names()
    for _, credit_code in first:
        validate_credit_code(credit_code)
