from collections import Counter

import pytest

from backend.reports.demo import Maker, seed
from backend.reports.demo.routing import Routing
from backend.reports.models import DispatchRule, DispatchStep, Report, ReportEvaluation
from backend.reports.models import ReportStatus as S
from backend.reports.selectors import dispatch_target
from tests.reports.democtx import small_context

pytestmark = pytest.mark.django_db


@pytest.fixture
def ctx(db):
    return small_context(reports=400, batch=150)


@pytest.fixture
def seeded(ctx):
    return seed(ctx)


def test_seed_inserts_the_scale_and_a_second_run_inserts_nothing(ctx, seeded):
    assert seeded["report"] == 400 == Report.objects.count()
    assert seeded["report_step"] == DispatchStep.objects.count() > 400 * 5
    assert seeded["report_evaluation"] == ReportEvaluation.objects.count() > 0
    again = seed(ctx)
    assert set(again.values()) == {0}
    assert Report.objects.count() == 400


def test_seeded_rows_pass_full_clean(seeded):
    for report in Report.objects.order_by("?")[:40]:
        report.full_clean()
        for step in report.steps.all():
            step.full_clean()
    for evaluation in ReportEvaluation.objects.all()[:40]:
        evaluation.full_clean()
    for rule in DispatchRule.objects.all()[:40]:
        rule.full_clean()


def test_status_mix_is_realistic(ctx, seeded):
    statuses = Counter(Report.objects.values_list("status", flat=True))
    assert statuses[S.CLOSED] > 0.75 * 400
    assert statuses[S.CLOSED] < 400
    closed = Report.objects.filter(status=S.CLOSED).count()
    assert ReportEvaluation.objects.count() > 0.7 * closed
    overdue = Report.objects.exclude(status=S.CLOSED).filter(deadline__lt=ctx.anchor)
    assert overdue.exists()
    assert Report.objects.exclude(supervision_level="none").exists()


def test_step_chains_are_consistent(seeded):
    for report in Report.objects.filter(status=S.CLOSED)[:50]:
        actions = list(report.steps.order_by("entered_at", "id").values_list("action", flat=True))
        assert actions[0] == "register"
        assert {"dispatch", "sign", "feedback", "verify", "close"} <= set(actions)
        assert report.closed_at is not None and report.current_unit is not None


def test_the_dispatch_catalogue_matches_the_demo_routing(ctx, seeded):
    report = (
        Report.objects.filter(category__code__startswith="08")
        .select_related("category", "area")
        .first()
    )
    unit = dispatch_target(report.category, report.area)
    assert unit.kind == "police_station" and unit.area_id == report.area.parent_id


def test_the_seed_is_deterministic(ctx):
    def snapshot():
        make = Maker.build(ctx, Routing.build(ctx))
        return [
            (
                c.report.number,
                c.report.title,
                c.report.status,
                c.report.deadline,
                [(s.action, s.entered_at) for s in c.steps],
            )
            for c in make.batch(1, 150)
        ]

    assert snapshot() == snapshot()
