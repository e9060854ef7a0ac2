"""Record numbers under concurrency: six citizens submit reports at the same moment and get six
consecutive numbers — none fails on the unique index (PostgreSQL; the per-prefix row lock)."""

import threading

import pytest
from django.db import connection, connections

from backend.areas.models import Area, Level
from backend.areas.services import areas_load_cangzhou
from backend.common.models import NumberSequence
from backend.reports.models import Report, ReportCategory
from backend.reports.services import report_submit

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


@pytest.fixture(autouse=True)
def _areas():
    if not Area.objects.exists():
        areas_load_cangzhou()


def submit_at_once(count: int) -> tuple[list[str], list[Exception]]:
    barrier, numbers, failures = threading.Barrier(count), [], []
    category = ReportCategory.objects.filter(active=True).exclude(parent=None).first()
    village = Area.objects.filter(level=Level.VILLAGE).first()

    def submit(k: int) -> None:
        try:
            barrier.wait()
            report = report_submit(
                source="resident", category=category, area=village, title=f"路灯不亮 {k}",
                description="村口路灯连续三晚不亮",
            )  # fmt: skip
            numbers.append(report.number)
        except Exception as error:
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(k,)) for k in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return numbers, failures


def test_simultaneous_reports_get_distinct_consecutive_numbers():
    numbers, failures = submit_at_once(6)
    assert failures == []
    prefix = numbers[0][:8]
    assert sorted(numbers) == [f"{prefix}{k:07d}" for k in range(1, 7)]
    assert Report.objects.count() == 6
    assert NumberSequence.objects.get(prefix=prefix).last == 6
