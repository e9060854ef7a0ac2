"""Every declared process, found by name or by model. Each app declares its processes in its own
`workflow.py`; this list is the one place that names them."""

from functools import cache

from django.db import models
from django.utils.module_loading import import_string

from backend.workflow.declarations import Process

DECLARATIONS = (
    "backend.reports.workflow.REPORT",
    "backend.disputes.workflow.DISPUTE",
    "backend.creation.workflow.TASK",
    "backend.assistance.workflow.SUBSIDY",
    "backend.enterprise.workflow.PROBLEM",
)


@cache
def processes() -> dict[str, Process]:
    found = [import_string(path) for path in DECLARATIONS]
    return {process.name: process for process in found}


def process_for(model: type[models.Model] | models.Model | str) -> Process | None:
    label = model if isinstance(model, str) else model._meta.label_lower
    return next((p for p in processes().values() if p.model == label), None)
