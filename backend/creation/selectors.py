"""Reads of creation tasks: overdue (derived, never stored) and completion per lead unit."""

from datetime import date

from django.db.models import Avg, BooleanField, Case, Count, Q, QuerySet, Value, When

from backend.areas.models import Area
from backend.areas.selectors import within
from backend.creation.models import DONE_STATUSES, CreationTask


def overdue_q(today: date) -> Q:
    """Past the deadline and not completed."""
    return Q(deadline__lt=today) & ~Q(status__in=DONE_STATUSES)


def tasks_with_overdue(*, today: date, queryset: QuerySet | None = None) -> QuerySet:
    """Annotate `is_overdue` on each task."""
    queryset = CreationTask.objects.all() if queryset is None else queryset
    flag = Case(
        When(overdue_q(today), then=Value(True)), default=Value(False), output_field=BooleanField()
    )
    return queryset.annotate(is_overdue=flag)


def overdue_tasks(*, today: date, scope: Area | None = None) -> QuerySet:
    queryset = CreationTask.objects.filter(overdue_q(today))
    return queryset.filter(within(scope)) if scope is not None else queryset


def unit_completion(*, today: date, scope: Area | None = None) -> QuerySet:
    """One grouped query: per lead unit, tasks led, completed, overdue and average progress,
    best first (most completed, then highest average progress)."""
    queryset = CreationTask.objects.all()
    if scope is not None:
        queryset = queryset.filter(within(scope))
    done = Q(status__in=DONE_STATUSES)
    return (
        queryset.values("lead_unit", "lead_unit__code", "lead_unit__name")
        .annotate(
            tasks_led=Count("id"),
            completed=Count("id", filter=done),
            overdue=Count("id", filter=overdue_q(today)),
            average_progress=Avg("progress"),
        )
        .order_by("-completed", "-average_progress", "lead_unit__code")
    )
