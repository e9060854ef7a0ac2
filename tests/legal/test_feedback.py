"""Mediators' marks: stored once per dispute, article and user, and bounded in their effect."""

import pytest
from django.core.exceptions import ValidationError

from backend.codes.models import Code, Table
from backend.disputes.models import Dispute
from backend.legal.feedback import feedback_factor, feedback_factors
from backend.legal.models import RecommendationFeedback
from backend.legal.selectors import provisions_for_text
from backend.legal.services import recommendation_mark

pytestmark = pytest.mark.django_db
LOAN = "丁某向戊某借款两万元并出具借条，到期后拒不还款。"


def ranking() -> list[str]:
    return [s.provision.key for s in provisions_for_text(text=LOAN, type_code="0804", limit=5)]


@pytest.fixture
def loan_disputes(world) -> list[Dispute]:
    """Two disputes of type 0804 借贷及担保 (the feedback counts by first-level type 08)."""
    loan = Code.objects.get(table__key=Table.EVENT_TYPE, code="0804")
    picked = list(Dispute.objects.order_by("pk")[:2])
    Dispute.objects.filter(pk__in=[d.pk for d in picked]).update(type=loan)
    return picked


def test_the_factor_is_bounded_and_neutral_for_balanced_marks():
    assert feedback_factor(0, 0) == feedback_factor(3, 3) == 1.0
    assert feedback_factor(1, 0) == pytest.approx(1.1)  # one mark: at most β / 3
    assert 1.29 < feedback_factor(1000, 0) < 1.3 and 0.7 < feedback_factor(0, 1000) < 0.71


def test_a_second_mark_replaces_the_first(loan_disputes, users):
    dispute, user = loan_disputes[0], users["county_centre"]
    recommendation_mark(dispute=dispute, provision_key="civil_code:675", useful=True, actor=user)
    recommendation_mark(dispute=dispute, provision_key="civil_code:675", useful=False, actor=user)
    marks = RecommendationFeedback.objects.filter(dispute=dispute, provision_key="civil_code:675")
    assert [(m.user_id, m.useful) for m in marks] == [(user.pk, False)]


def test_an_unknown_provision_is_refused_and_nothing_is_written(loan_disputes, users):
    with pytest.raises(ValidationError) as refused:
        recommendation_mark(
            dispute=loan_disputes[0],
            provision_key="civil_code:9999",
            useful=True,
            actor=users["mediator"],
        )
    assert refused.value.message_dict == {"provision_key": ["法条不存在"]}
    assert not RecommendationFeedback.objects.exists()


def test_marks_on_disputes_of_the_same_type_change_the_ranking(loan_disputes, users):
    before = ranking()
    first, later = before[0], before[2]
    for dispute in loan_disputes:
        for name in ("county_centre", "township_centre", "mediator"):
            recommendation_mark(
                dispute=dispute, provision_key=later, useful=True, actor=users[name]
            )
            recommendation_mark(
                dispute=dispute, provision_key=first, useful=False, actor=users[name]
            )
    after = ranking()
    assert before[0] == first != later == after[0]  # the marked-down article lost its place
    # marks count for their own first-level type only
    assert feedback_factors("0101") == {} and feedback_factors("0899")[later] > 1
