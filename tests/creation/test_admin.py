import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from backend.creation.services import progress_report_submit, task_create

pytestmark = pytest.mark.django_db


MODELS = ["guideline", "creationtask", "taskcounit", "taskprogressreport", "taskreview"]


def add_tasks(task_values, units, handler, codes):
    for code in codes:
        task = task_create(**{**task_values, "code": code})
        progress_report_submit(
            task=task, unit=units["sfj"], percent=30, narrative="已部署", actor=handler
        )


def changelist_queries(client, model: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(f"admin:creation_{model}_changelist"))
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("model", ["creationtask", "taskprogressreport", "taskcounit"])
def test_changelists_do_not_query_per_row(admin_client, task_values, units, handler, model):
    add_tasks(task_values, units, handler, ["T1"])
    one = changelist_queries(admin_client, model)
    add_tasks(task_values, units, handler, ["T2", "T3", "T4"])
    assert changelist_queries(admin_client, model) == one


def test_every_admin_page_renders(admin_client, task):
    for model in MODELS:
        assert admin_client.get(reverse(f"admin:creation_{model}_changelist")).status_code == 200
    change = reverse("admin:creation_creationtask_change", args=[task.pk])
    assert admin_client.get(change).status_code == 200
