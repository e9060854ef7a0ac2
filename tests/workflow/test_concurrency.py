"""Several people fire conflicting transitions on one item at once: exactly one wins, and every
loser gets the clear state error instead of overwriting the winner (PostgreSQL row locks)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from backend.areas.models import Area
from backend.areas.services import areas_load_cangzhou
from backend.codes.models import Code
from backend.codes.services import codes_load_gbt31000
from backend.reports.models import DispatchStep, Report, ReportStatus, StepAction
from backend.reports.services import report_return
from backend.reports.workflow import REPORT
from backend.workflow.engine import fire
from backend.workflow.models import TransitionRecord

pytestmark = [
    # Committed rows, so that each thread's connection sees them. serialized_rollback restores
    # what the migrations wrote (categories, roles) after the flush that ends each test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


@pytest.fixture(autouse=True)
def _reference_data():
    """The division tree and code tables are loaded once per test database, outside the
    migrations; a transactional test's flush removes them, so load them again when missing."""
    if not Area.objects.exists():
        areas_load_cangzhou()
    if not Code.objects.exists():
        codes_load_gbt31000()


def race(report: Report, attempts: list[tuple]) -> tuple[list, list[str]]:
    """Fire every (name, actor, data) at the same moment from its own connection."""
    barrier, won, lost = threading.Barrier(len(attempts)), [], []

    def attempt(name: str, actor, data: dict) -> None:
        try:
            barrier.wait()
            fire(REPORT, report, name, actor=actor, data=data)
            won.append((name, data))
        except ValidationError as error:
            lost.append(error.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=item) for item in attempts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return won, lost


def test_six_simultaneous_signatures_one_wins(dispatched, handler):
    won, lost = race(dispatched, [("sign", handler, {})] * 6)
    assert len(won) == 1 and lost == ["invalid_state"] * 5
    assert Report.objects.get(pk=dispatched.pk).status == ReportStatus.SIGNED
    assert DispatchStep.objects.filter(report=dispatched, action=StepAction.SIGN).count() == 1
    assert TransitionRecord.objects.filter(object_id=dispatched.pk, transition="sign").count() == 1


def test_dispatches_to_different_units_at_once_one_wins(dispatched, handler, clerk, police, water):
    report_return(report=dispatched, unit=water, actor=handler, reason="不属于本单位职责")
    attempts = [("dispatch", clerk, {"unit": unit}) for unit in (police, water, police, water)]
    won, lost = race(dispatched, attempts)
    assert len(won) == 1 and lost == ["invalid_state"] * 3
    report = Report.objects.get(pk=dispatched.pk)
    assert (report.status, report.current_unit) == (ReportStatus.DISPATCHED, won[0][1]["unit"])
    assert set(report.unit_grants.values_list("group_id", flat=True)) == {
        report.current_unit.group_id
    }
    assert report.steps.filter(action=StepAction.DISPATCH).count() == 2  # the first and the winner
