import dataclasses
from collections import Counter

import pytest

from backend.areas.models import Level
from backend.assistance import demo
from backend.assistance.models import (
    FUNDED_STATUSES,
    HouseholdMember,
    SubsidyCase,
    SubsidyKind,
    SubsidyReview,
    SubsidyStatus,
)
from backend.assistance.selectors import cases_due_for_recheck
from backend.common.validators import validate_resident_id
from backend.demo.reference import build_context

pytestmark = pytest.mark.django_db
EXPECTED_START = {
    SubsidyStatus.APPLIED: [],
    SubsidyStatus.TOWNSHIP_REVIEWED: ["township_review"],
    SubsidyStatus.REJECTED: ["township_review"],
    **{status: ["township_review", "county_approval"] for status in FUNDED_STATUSES},
}


@pytest.fixture
def ctx():
    ctx = build_context("small", log=lambda message: None)
    # 500 cases in batches of 200: the last batch is partial.
    ctx.scale = dataclasses.replace(ctx.scale, subsidy_cases=500, batch_size=200)
    return ctx


def test_seed_is_idempotent(ctx):
    first = demo.seed(ctx)
    assert first["subsidy_case"] == 500
    assert first["household_member"] > 0 and first["subsidy_review"] > 500
    assert demo.seed(ctx) == dict.fromkeys(first, 0)
    assert SubsidyCase.objects.count() == 500


def test_seeded_cases_are_valid_and_realistic(ctx):
    demo.seed(ctx)
    kinds = Counter(SubsidyCase.objects.values_list("kind", flat=True))
    assert kinds[SubsidyKind.DIBAO] > kinds[SubsidyKind.STUDENT] > kinds[SubsidyKind.TEKUN]
    statuses = Counter(SubsidyCase.objects.values_list("status", flat=True))
    assert statuses[SubsidyStatus.PAYING] > 500 / 2
    assert cases_due_for_recheck(cases=SubsidyCase.objects.all(), today=ctx.anchor.date()).exists()
    for case in SubsidyCase.objects.select_related("area").order_by("?")[:40]:
        case.full_clean()
        assert case.area.level == Level.VILLAGE
        assert case.applicant_id_number[:6] == str(case.area_id)[:6]
    for row in [
        *HouseholdMember.objects.order_by("?")[:20],
        *SubsidyReview.objects.order_by("?")[:20],
    ]:
        row.full_clean()


def test_review_chains_match_the_status(ctx):
    demo.seed(ctx)
    for case in SubsidyCase.objects.prefetch_related("reviews").order_by("number")[:200]:
        reviews = list(case.reviews.all())  # in time order
        stages = [review.stage for review in reviews]
        assert all(review.reviewed_at < ctx.anchor for review in reviews)
        assert case.applied_on <= ctx.anchor.date()
        assert stages == EXPECTED_START[case.status] + stages[len(EXPECTED_START[case.status]) :]
        if case.status in (SubsidyStatus.APPLIED, SubsidyStatus.TOWNSHIP_REVIEWED):
            assert stages == EXPECTED_START[case.status]
        if case.status in FUNDED_STATUSES:
            assert 100 <= case.monthly_amount <= 3000
            assert set(stages[2:-1]) <= {"recheck"}
        if case.status in (SubsidyStatus.SUSPENDED, SubsidyStatus.ENDED):
            assert reviews[-1].decision == "reject"
            assert reviews[-1].stage in {"recheck", "suspension", "termination"}
        if case.status == SubsidyStatus.REJECTED:
            assert reviews[-1].decision == "reject" and len(reviews) in (1, 2)


def test_dibao_amounts_are_the_gap_to_the_standard(ctx):
    demo.seed(ctx)
    for case in SubsidyCase.objects.filter(kind=SubsidyKind.DIBAO, monthly_amount__isnull=False)[
        :50
    ]:
        validate_resident_id(case.applicant_id_number)
        gap = demo.content.DIBAO_STANDARD * case.household_size - case.household_monthly_income
        assert case.monthly_amount == max(gap // 10 * 10, 100)
