"""Demo creation tasks: exactly 170 at every scale, each of the 57 member units leads at least one.

Idempotent by task code: children (co-units, progress reports, reviews) are created only for the
tasks inserted by this run.
"""

import calendar
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Model

from backend.areas.models import Area, Kind
from backend.areas.services import CITY_CODE
from backend.creation import demo_catalog as catalog
from backend.creation.models import (
    CreationTask,
    Guideline,
    ReviewDecision,
    TaskCoUnit,
    TaskProgressReport,
    TaskReview,
    TaskStatus,
)
from backend.demo.context import DemoContext, insert_missing
from backend.org.models import Unit

TASK_COUNT = 170
S = TaskStatus
# ≈30% completed, most in progress, a few under review, returned or not started yet.
STATUS_COUNTS = {S.COMPLETED: 51, S.IN_PROGRESS: 88, S.SUBMITTED: 10, S.RETURNED: 6, S.ASSIGNED: 15}
WEIGHTS = [Decimal(w) for w in ("1.00", "1.50", "2.00", "2.00", "3.00", "5.00")]
ZONE = ZoneInfo("Asia/Shanghai")
CHILD_MODELS: list[tuple[type[Model], str]] = [
    (TaskCoUnit, "task_co_unit"),
    (TaskProgressReport, "task_progress_report"),
    (TaskReview, "task_review"),
]
FINISHED = (S.COMPLETED, S.SUBMITTED, S.RETURNED)


@dataclass
class Plan:
    task: CreationTask
    children: list = field(default_factory=list)


def seed(ctx: DemoContext) -> dict[str, int]:
    guidelines_inserted = insert_missing(Guideline, _guidelines(), key="code")
    guidelines = list(Guideline.objects.order_by("code"))
    plans = _plans(ctx, guidelines)
    inserted = insert_missing(CreationTask, [plan.task for plan in plans], key="code")
    children: list[Any] = [
        child for plan in plans if plan.task.pk is not None for child in plan.children
    ]
    counts = {"guideline": len(guidelines_inserted), "creation_task": len(inserted)}
    for model, name in CHILD_MODELS:
        rows = [child for child in children if isinstance(child, model)]
        counts[name] = len(
            model._default_manager.bulk_create(rows, batch_size=ctx.scale.batch_size)
        )
    return counts


def _guidelines() -> list[Guideline]:
    return [
        Guideline(code=code, level=level, title=title, issuer=issuer, issued_on=issued_on)
        for code, level, title, issuer, issued_on in catalog.GUIDELINES
    ]


def _plans(ctx: DemoContext, guidelines: list[Guideline]) -> list[Plan]:
    rng = ctx.rng("creation:tasks:0")
    entries = _entries(ctx)
    statuses = [status for status, count in STATUS_COUNTS.items() for _ in range(count)]
    rng.shuffle(statuses)
    plans = [
        _plan(ctx, rng, index, entry, rng.choice(guidelines), status)
        for index, (entry, status) in enumerate(zip(entries, statuses, strict=True), start=1)
    ]
    _ensure_every_unit_leads(plans, ctx.member_units)
    for plan in plans:
        plan.children = _children(ctx, rng, plan.task)
    return plans


def _entries(ctx: DemoContext) -> list[tuple[str, Unit, str, str, Area]]:
    """(dimension, lead unit, title, target, area) for all 170 tasks: city-wide ones, then the
    tasks every county gets."""
    units = {unit.name: unit for unit in ctx.member_units}

    def lead(name: str) -> Unit:  # a renamed unit falls back to a stable (not hash()-based) pick
        return units.get(name) or ctx.member_units[sum(map(ord, name)) % len(ctx.member_units)]

    city = Area.objects.get(code=CITY_CODE)
    entries: list[tuple[str, Unit, str, str, Area]] = [
        (dimension, lead(name), title, target, city)
        for dimension, tasks in catalog.CITY_TASKS.items()
        for name, title, target in tasks
    ]
    counties = [c for c in ctx.counties if c.kind != Kind.FUNCTIONAL_ZONE]
    templates = catalog.COUNTY_TASKS
    for index in range(TASK_COUNT - len(entries)):
        county = counties[index // len(templates) % len(counties)]
        dimension, name, title, target = templates[index % len(templates)]
        entries.append(
            (
                dimension,
                lead(name),
                title.format(county=county.name),
                target.format(county=county.name),
                county,
            )
        )
    return entries


def _plan(
    ctx: DemoContext,
    rng: random.Random,
    index: int,
    entry: tuple,
    guideline: Guideline,
    status: str,
) -> Plan:
    dimension, lead_unit, title, target, area = entry
    today = ctx.anchor.date()
    offset = rng.randint(-560, 300) if status == S.COMPLETED else rng.randint(-90, 420)
    deadline = _month_end(
        min(max(today + timedelta(days=offset), date(2025, 3, 1)), date(2027, 12, 1))
    )
    task = CreationTask(
        code=f"CZ-SY-{index:03d}",
        guideline=guideline,
        dimension=dimension,
        title=title,
        target=target,
        lead_unit=lead_unit,
        deadline=deadline,
        weight=rng.choice(WEIGHTS),
        status=status,
        area=area,
    )
    return Plan(task)


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _ensure_every_unit_leads(plans: list[Plan], units: list[Unit]) -> None:
    """Give each unit without a task one task of the unit that leads the most."""
    led = Counter(plan.task.lead_unit.pk for plan in plans)
    for unit in units:
        if led[unit.pk]:
            continue
        busiest = max(led, key=lambda pk: (led[pk], -pk))
        plan = next(plan for plan in plans if plan.task.lead_unit.pk == busiest)
        plan.task.lead_unit = unit
        led[busiest] -= 1
        led[unit.pk] += 1


def _children(ctx: DemoContext, rng: random.Random, task: CreationTask) -> list:
    assigned_at = ctx.anchor - timedelta(days=660)
    co_units = _co_units(ctx, rng, task)
    rows: list = [TaskCoUnit(task=task, unit=unit, assigned_at=assigned_at) for unit in co_units]
    if task.status == S.ASSIGNED:
        return rows
    start = assigned_at + timedelta(days=rng.randint(10, 60))
    finish = _finish(ctx, rng, task, start)
    rows += _reports(ctx, rng, task, co_units, start, finish)
    if task.status in FINISHED:
        task.submitted_at = finish
    if task.status in (S.COMPLETED, S.RETURNED):
        rows.append(_review(ctx, rng, task, finish + timedelta(days=rng.randint(2, 12))))
    return rows


def _co_units(ctx: DemoContext, rng: random.Random, task: CreationTask) -> list[Unit]:
    if rng.random() < 0.3:
        return []
    others = [unit for unit in ctx.member_units if unit.pk != task.lead_unit.pk]
    return rng.sample(others, rng.randint(1, 3))


def _finish(ctx: DemoContext, rng: random.Random, task: CreationTask, start: datetime) -> datetime:
    """When the last report went in (and, for finished tasks, when the task was submitted)."""
    latest = ctx.anchor - timedelta(days=14 if task.status in FINISHED else rng.randint(1, 40))
    if task.status in FINISHED:
        due = datetime.combine(task.deadline, time(10), ctx.anchor.tzinfo)
        latest = min(latest, due - timedelta(days=rng.randint(0, 60)))
    return max(latest, start + timedelta(days=30))


def _reports(
    ctx: DemoContext,
    rng: random.Random,
    task: CreationTask,
    co_units: list[Unit],
    start: datetime,
    finish: datetime,
) -> list[TaskProgressReport]:
    count = rng.randint(1, 4)
    final = 100 if task.status in FINISHED else rng.randint(10, 95)
    percents = [*sorted(rng.sample(range(5, final), min(count - 1, final - 5))), final]
    step = (finish - start) / len(percents)
    reports = []
    for number, percent in enumerate(percents):
        # An earlier report may come from a co-unit; the last one is always the lead's.
        by_co_unit = co_units and number < len(percents) - 1 and rng.random() < 0.3
        unit = rng.choice(co_units) if by_co_unit else task.lead_unit
        at = _office_hours(rng, start + step * (number + 1) - timedelta(days=rng.randint(0, 2)))
        reports.append(
            TaskProgressReport(
                task=task,
                unit=unit,
                percent=percent,
                narrative=_narrative(ctx, rng, percent),
                reported_by=ctx.users["unit_handler"],
                reported_at=at,
            )
        )
    task.progress = final
    return reports


def _office_hours(rng: random.Random, moment: datetime) -> datetime:
    local = moment.astimezone(ZONE)
    return datetime.combine(local.date(), time(rng.randint(8, 17), rng.choice((0, 20, 40))), ZONE)


def _narrative(ctx: DemoContext, rng: random.Random, percent: int) -> str:
    stage = next(limit for limit in sorted(catalog.NARRATIVES) if percent <= limit)
    place = rng.choice([county.name for county in ctx.counties[:16]])
    return rng.choice(catalog.NARRATIVES[stage]).format(place=place)


def _review(ctx: DemoContext, rng: random.Random, task: CreationTask, at: datetime) -> TaskReview:
    at = _office_hours(rng, min(at, ctx.anchor - timedelta(days=1)))
    if task.status == S.COMPLETED:
        task.completed_at = at
        return TaskReview(
            task=task,
            decision=ReviewDecision.ACCEPTED,
            reviewer=ctx.users["city_admin"],
            opinion="经验收，目标任务已完成，同意销号",
            reviewed_at=at,
        )
    return TaskReview(
        task=task,
        decision=ReviewDecision.RETURNED,
        reviewer=ctx.users["city_admin"],
        opinion=rng.choice(catalog.RETURN_REASONS),
        reviewed_at=at,
    )
