"""A workflow write locks the row it changes, never the shared rows joined to it: a report's
category, a dispute's area and codes, a confirmation's court are read by every other item."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.disputes.models import Dispute
from backend.disputes.services.guards import lock as lock_dispute
from backend.reports.models import Report
from backend.reports.services.guards import locked as lock_report

pytestmark = pytest.mark.django_db


def locking_statement(run) -> str:
    with CaptureQueriesContext(connection) as captured:
        run()
    (sql,) = [q["sql"] for q in captured.captured_queries if "FOR UPDATE" in q["sql"]]
    return sql


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no row locks")
@pytest.mark.parametrize(
    ("model", "lock", "table"),
    [(Report, lock_report, "reports_report"), (Dispute, lock_dispute, "disputes_dispute")],
)
def test_only_the_item_s_own_row_is_locked(users, model, lock, table):
    item = model.objects.first()
    sql = locking_statement(lambda: lock(item))
    assert " JOIN " in sql  # the related rows come along, unlocked
    assert sql.endswith(f'FOR UPDATE OF "{table}"'), sql
