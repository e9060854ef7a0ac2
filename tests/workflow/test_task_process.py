"""The creation-task process through the engine: the whole way with real users, every illegal
transition refused without a write, and what each side is offered."""

# ruff: noqa: F811  (the app's fixtures are imported from its conftest and used as parameters)

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from backend.audit.models import AuditEntry
from backend.creation.models import (
    CreationTask,
    TaskCoUnit,
    TaskProgressReport,
    TaskReview,
    TaskStatus,
)
from backend.creation.workflow import TASK
from backend.evidence.models import Evidence
from backend.workflow.engine import available, fire
from backend.workflow.models import TransitionRecord
from permissions.registry import policy_for
from tests.creation.conftest import (  # noqa: F401
    co_handler,
    guideline,
    handler,
    reviewer,
    task,
    task_values,
    units,
)

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64)


def counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (TransitionRecord, AuditEntry, TaskProgressReport, TaskReview, TaskCoUnit)
    )


def progress(task, actor, percent, narrative="已制定工作方案", **kwargs):
    data = {"percent": percent, "narrative": narrative}
    return fire(TASK, task, "report_progress", actor=actor, data=data, **kwargs)


def test_the_whole_way_with_evidence_a_return_and_acceptance(task, units, handler, reviewer):
    photo = SimpleUploadedFile("现场照片.png", PNG)
    report = progress(task, handler, 100, files=[photo])
    assert (report.unit, report.reported_by) == (units["sfj"], handler)
    assert Evidence.objects.get().progress_report == report
    fire(TASK, task, "submit", actor=handler)
    returned = fire(TASK, task, "return", actor=reviewer, data={"reason": "佐证材料不完整"})
    assert returned.status == TaskStatus.RETURNED
    progress(task, handler, 100, "已补充佐证材料")
    fire(TASK, task, "submit", actor=handler)
    done = fire(TASK, task, "accept", actor=reviewer, data={"opinion": "同意销号"})
    review = TaskReview.objects.latest("id")
    assert (done.status, done.completed_at) == (TaskStatus.COMPLETED, review.reviewed_at)
    records = TransitionRecord.objects.filter(process="creation_task", object_id=task.pk)
    assert [(r.transition, r.to_state, r.unit) for r in records] == [
        ("report_progress", "in_progress", units["sfj"]),
        ("submit", "submitted", units["sfj"]),
        ("return", "returned", None),
        ("report_progress", "in_progress", units["sfj"]),
        ("submit", "submitted", units["sfj"]),
        ("accept", "completed", None),
    ]
    assert records.get(transition="return").reason == "佐证材料不完整"


def test_a_co_unit_reports_but_only_the_lead_submits(task, units, handler, co_handler):
    progress(task, handler, 100)
    report = progress(task, co_handler, 30)
    assert report.unit == units["gaj"] and CreationTask.objects.get().progress == 100
    with pytest.raises(ValidationError, match="只有牵头单位可以提交验收"):
        fire(TASK, task, "submit", actor=co_handler)
    assert CreationTask.objects.get().status == TaskStatus.IN_PROGRESS


def test_reassignment_moves_the_unit_grants(task, units, handler, reviewer):
    fire(TASK, task, "assign", actor=reviewer, data={"lead_unit": units["mzj"], "co_units": []})
    assert not policy_for(CreationTask).visible(handler).exists()  # 市司法局 no longer holds it
    assert TASK.holders(CreationTask.objects.get()) == {units["mzj"].pk}


def test_the_units_doing_the_work_cannot_accept_it(task, handler):
    progress(task, handler, 100)
    fire(TASK, task, "submit", actor=handler)
    with pytest.raises(ValidationError, match="承办单位不能验收本单位办理的事项"):
        fire(TASK, task, "accept", actor=handler)


ILLEGAL = [
    (transition.name, state)
    for transition in TASK.transitions
    for state in TaskStatus.values
    if state not in transition.sources
]


@pytest.mark.parametrize(("name", "state"), ILLEGAL)
def test_every_illegal_transition_is_refused_and_writes_nothing(task, units, name, state):
    CreationTask.objects.filter(pk=task.pk).update(status=state, progress=100)
    data = {"percent": 50, "narrative": "进展", "reason": "不全", "lead_unit": units["mzj"]}
    before = counts()
    with pytest.raises(ValidationError) as refused:
        fire(TASK, task, name, actor=None, unit=units["sfj"], data=data)
    assert refused.value.code == "invalid_state"
    assert counts() == before
    assert CreationTask.objects.get().status == state


def names(task, user) -> list[str]:
    return [t.name for t in available(TASK, CreationTask.objects.get(pk=task.pk), user)]


def test_the_holder_and_the_reviewer_are_offered_their_own_steps(task, handler, reviewer):
    assert names(task, handler) == ["report_progress"]
    assert names(task, reviewer) == ["assign"]
    progress(task, handler, 60)
    assert names(task, handler) == ["report_progress"]  # 提交验收 only at 100%
    progress(task, handler, 100)
    assert names(task, handler) == ["report_progress", "submit"]
    fire(TASK, task, "submit", actor=handler)
    assert names(task, handler) == []
    assert names(task, reviewer) == ["accept", "return"]
