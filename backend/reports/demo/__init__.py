"""Demo reports: ctx.scale.reports items across all villages, with realistic step chains."""

import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from backend.demo import people
from backend.demo.context import DemoContext, insert_missing
from backend.reports.demo import texts
from backend.reports.demo.chains import Actors, Chain, simulate
from backend.reports.demo.routing import Routing, seed_rules
from backend.reports.models import (
    DispatchStep,
    Report,
    ReportCategory,
    ReportEvaluation,
    ReportSource,
)

SOURCES = [
    (ReportSource.GRID_WORKER, 55),
    (ReportSource.RESIDENT, 33),
    (ReportSource.HOTLINE, 10),
    (ReportSource.OTHER, 2),
]
# Relative frequency of the top-level categories among reports.
TOP_WEIGHTS = {
    "01": 14,
    "02": 9,
    "03": 16,
    "04": 7,
    "05": 5,
    "06": 12,
    "07": 5,
    "08": 6,
    "09": 9,
    "10": 3,
    "11": 5,
    "12": 4,
    "13": 4,
    "99": 1,
}
YEAR = timedelta(days=365)


def seed(ctx: DemoContext) -> dict[str, int]:
    routing = Routing.build(ctx)
    counts = {"report_dispatch_rule": seed_rules(ctx, routing)}
    totals = {"report": 0, "report_step": 0, "report_evaluation": 0}
    make = Maker.build(ctx, routing)
    size = ctx.scale.batch_size
    for batch, start in enumerate(range(0, ctx.scale.reports, size)):
        if _batch_done(ctx, start):
            continue
        for key, value in _insert(make.batch(batch, start), size).items():
            totals[key] += value
        if batch % 10 == 9:
            ctx.log(f"    reports: {start + size:,} / {ctx.scale.reports:,}")
    return counts | totals


def _batch_done(ctx: DemoContext, start: int) -> bool:
    """Whether a re-run can skip the batch without generating it: every sequence number of the
    batch already exists (reports fall in the anchor's year or the year before)."""
    end = min(start + ctx.scale.batch_size, ctx.scale.reports)
    years = (ctx.anchor.year - 1, ctx.anchor.year)
    numbers = [f"SJ-{year}-{index + 1:07d}" for year in years for index in range(start, end)]
    return Report.objects.filter(number__in=numbers).count() >= end - start


@dataclass
class Maker:
    """Builds the reports of one batch (with steps and evaluations) from its own random stream."""

    ctx: DemoContext
    routing: Routing
    actors: Actors
    categories: list[ReportCategory]
    weights: list[int]

    @classmethod
    def build(cls, ctx: DemoContext, routing: Routing) -> "Maker":
        leaves = list(
            ReportCategory.objects.filter(active=True, children__isnull=True)
            .select_related("parent")
            .order_by("code")
        )
        users = ctx.users
        actors = Actors(
            centre=users.get("township_centre"),
            handler=users.get("unit_handler"),
            resident=users.get("resident"),
        )
        weights = [TOP_WEIGHTS.get(c.code[:2], 1) for c in leaves]
        return cls(ctx, routing, actors, leaves, weights)

    def batch(self, batch: int, start: int) -> list[Chain]:
        rng = self.ctx.rng(f"reports:rows:{batch}")
        end = min(start + self.ctx.scale.batch_size, self.ctx.scale.reports)
        return [self.chain(rng, index) for index in range(start, end)]

    def chain(self, rng: random.Random, index: int) -> Chain:
        village = rng.choice(self.ctx.villages)
        category = rng.choices(self.categories, self.weights)[0]
        registered = self.ctx.anchor - YEAR * rng.random()
        report = _report(rng, village, category, registered, index, self.routing)
        chain = Chain(
            report=report,
            rng=rng,
            anchor=self.ctx.anchor,
            actors=self.actors,
            limit=timedelta(hours=category.time_limit_hours),
        )
        assert village.parent_id is not None  # a village always sits under a township
        unit = self.routing.target(category, village.parent_id)
        simulate(chain, unit, self.routing.other(rng, unit), self.routing.other(rng, unit))
        return chain


def _report(rng, village, category, registered, index, routing: Routing) -> Report:
    source = rng.choices([s for s, _ in SOURCES], [w for _, w in SOURCES])[0]
    title, description = rng.choice(texts.problems_for(category.code))
    place = village.name.removesuffix("村民委员会").removesuffix("居民委员会")
    located = source == ReportSource.GRID_WORKER or rng.random() < 0.4
    year = timezone.localtime(registered).year
    return Report(
        number=f"SJ-{year}-{index + 1:07d}",
        source=source,
        category=category,
        area_id=village.pk,
        title=title,
        description=description.format(place=place, n=rng.randint(2, 30), days=rng.randint(2, 15)),
        location=people.street_address(rng, village.name),
        latitude=Decimal(f"{rng.uniform(37.75, 38.85):.6f}") if located else None,
        longitude=Decimal(f"{rng.uniform(115.75, 117.75):.6f}") if located else None,
        reporter_id=_pk(routing.reporter(source)),
        reporter_name="" if source == ReportSource.OTHER else people.person_name(rng),
        reporter_phone="" if source == ReportSource.OTHER else people.mobile(rng),
        current_unit=routing.centre(village.parent_id),
        registered_at=registered,
    )


def _insert(chains: list[Chain], size: int) -> dict[str, int]:
    inserted = {
        id(r)
        for r in insert_missing(Report, [c.report for c in chains], key="number", batch_size=size)
    }
    fresh = [c for c in chains if id(c.report) in inserted]
    steps = DispatchStep.objects.bulk_create(
        [step for c in fresh for step in c.steps], batch_size=size
    )
    evaluations = ReportEvaluation.objects.bulk_create(
        [c.evaluation for c in fresh if c.evaluation is not None], batch_size=size
    )
    return {"report": len(fresh), "report_step": len(steps), "report_evaluation": len(evaluations)}


def _pk(instance) -> int | None:
    return instance.pk if instance is not None else None
