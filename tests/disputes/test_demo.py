import pytest
from django.db.models import Count, Q

from backend.disputes import demo
from backend.disputes.models import (
    Dispute,
    DisputeParty,
    DisputeReview,
    JudicialConfirmation,
    MediationAgreement,
    MediationRecord,
    Status,
)
from backend.disputes.models.choices import OPEN_STATUSES
from backend.disputes.selectors import resolution_rate
from backend.teams import demo as teams_demo
from tests.teams.demo_context import SCALE, small_context

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    ctx = small_context()
    teams_demo.seed(ctx)
    return ctx, demo.seed(ctx)


def test_seed_inserts_the_scale_and_a_second_run_inserts_nothing(seeded):
    ctx, counts = seeded
    assert counts["dispute"] == Dispute.objects.count() == SCALE.disputes
    assert counts["dispute_party"] == DisputeParty.objects.count() >= SCALE.disputes
    again = demo.seed(ctx)
    assert again["dispute"] == 0 and sum(again.values()) == 0
    assert Dispute.objects.count() == SCALE.disputes


def test_the_status_mix_is_realistic(seeded):
    rate = resolution_rate(disputes=Dispute.objects.all())
    assert rate["finished"] > SCALE.disputes // 2
    assert 0.95 <= rate["rate"] < 1
    statuses = set(Dispute.objects.values_list("status", flat=True))
    assert {Status.REGISTERED, Status.MEDIATING, Status.CLOSED} <= statuses
    ctx, _ = seeded
    overdue = Dispute.objects.filter(status__in=OPEN_STATUSES, deadline__lt=ctx.anchor.date())
    assert overdue.exists()


def test_children_follow_the_status(seeded):
    assert not Dispute.objects.filter(status=Status.AGREED, agreements__isnull=True).exists()
    assert not Dispute.objects.filter(status=Status.REGISTERED, mediators__isnull=False).exists()
    assert not Dispute.objects.filter(status=Status.MEDIATING, records__isnull=True).exists()
    assert not Dispute.objects.filter(status=Status.PERFORMED, reviews__isnull=True).exists()
    mains = Dispute.objects.annotate(n=Count("parties", filter=Q(parties__is_main_party=True)))
    assert set(mains.values_list("n", flat=True)) == {1}
    assert JudicialConfirmation.objects.exists()
    assert not JudicialConfirmation.objects.filter(agreement__form="oral").exists()


def _sample(model, n=40):
    return model.objects.order_by("?")[:n]


def test_a_sample_of_seeded_rows_passes_full_clean(seeded):
    for model in (
        Dispute,
        DisputeParty,
        MediationRecord,
        MediationAgreement,
        DisputeReview,
        JudicialConfirmation,
    ):
        for row in _sample(model):
            row.full_clean()
