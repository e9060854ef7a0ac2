"""Reads of creation tasks: overdue (derived, never stored) and completion per lead unit.

The reads take `tasks`, the rows to count: the caller passes what the user may see
(`policy_for(CreationTask).visible(user)`), narrowed further if it likes (`.filter(within(area))`).
"""

from datetime import date

from django.db.models import Avg, BooleanField, Case, Count, Q, QuerySet, Value, When

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


def overdue_tasks(*, tasks: QuerySet[CreationTask], today: date) -> QuerySet[CreationTask]:
    return tasks.filter(overdue_q(today))


def unit_completion(*, tasks: QuerySet[CreationTask], today: date) -> QuerySet:
    """One grouped query: per lead unit, tasks led, completed, overdue and average progress,
    best first (most completed, then highest average progress)."""
    done = Q(status__in=DONE_STATUSES)
    return (
        tasks.values("lead_unit", "lead_unit__code", "lead_unit__name")
        .annotate(
            tasks_led=Count("id"),
            completed=Count("id", filter=done),
            overdue=Count("id", filter=overdue_q(today)),
            average_progress=Avg("progress"),
        )
        .order_by("-completed", "-average_progress", "lead_unit__code")
    )
