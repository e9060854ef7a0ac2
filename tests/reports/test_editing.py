"""Correcting a report before dispatch, deleting one registered in error, and feedback with files."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from backend.evidence.models import Evidence
from backend.evidence.services import evidence_attach
from backend.reports.models import DispatchStep, Report, ReportCategory, StepAction
from backend.reports.services import report_delete, report_feedback, report_sign, report_update

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64)


def stored_files(settings) -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


def test_update_changes_only_the_editable_fields_while_registered(submitted, clerk):
    lamp = ReportCategory.objects.exclude(pk=submitted.category_id).filter(active=True).first()
    report = report_update(
        report=submitted, data={"title": " 下水道堵了 ", "category": lamp, "location": None}
    )
    assert (report.title, report.category, report.location) == ("下水道堵了", lamp, "")
    with pytest.raises(ValidationError, match="不可修改的字段"):
        report_update(report=submitted, data={"status": "closed"})
    with pytest.raises(ValidationError) as error:
        report_update(report=submitted, data={"reporter_phone": "12345"})
    assert "reporter_phone" in error.value.message_dict
    assert Report.objects.get(pk=submitted.pk).reporter_phone == "13812345678"


def test_update_refuses_a_stopped_category(submitted):
    stopped = ReportCategory.objects.exclude(pk=submitted.category_id).first()
    stopped.active = False
    stopped.save()
    with pytest.raises(ValidationError, match="该事项类别已停用"):
        report_update(report=submitted, data={"category": stopped})


def test_update_refuses_a_dispatched_report(dispatched):
    with pytest.raises(ValidationError, match="不能修改"):
        report_update(report=dispatched, data={"title": "新标题"})
    assert Report.objects.get(pk=dispatched.pk).title == "下水道堵塞"


def test_delete_removes_a_registered_report_with_its_steps_and_files(
    submitted, clerk, settings, django_capture_on_commit_callbacks
):
    evidence_attach(uploader=clerk, upload=SimpleUploadedFile("a.png", PNG), parent=submitted)
    with django_capture_on_commit_callbacks(execute=True):
        report_delete(report=submitted, actor=clerk)
    assert not Report.objects.exists() and not DispatchStep.objects.exists()
    assert not Evidence.objects.exists() and stored_files(settings) == []


def test_a_dispatched_report_is_never_deleted(dispatched, water, handler, clerk):
    with pytest.raises(ValidationError, match="不能删除"):
        report_delete(report=dispatched, actor=clerk)
    Report.objects.filter(pk=dispatched.pk).update(status="registered")  # e.g. after a return
    with pytest.raises(ValidationError, match="已派过单的事项不能删除"):
        report_delete(report=dispatched, actor=clerk)
    assert Report.objects.filter(pk=dispatched.pk).exists()


def test_feedback_attaches_its_files_to_the_feedback_step(dispatched, water, handler, settings):
    report_sign(report=dispatched, unit=water, actor=handler)
    files = [SimpleUploadedFile("前.png", PNG), SimpleUploadedFile("后.png", PNG + b"1")]
    step = report_feedback(
        report=dispatched, unit=water, actor=handler, content="已疏通", files=files
    )
    assert sorted(step.evidence.values_list("original_name", flat=True)) == ["前.png", "后.png"]
    assert set(step.evidence.values_list("report_id", flat=True)) == {dispatched.pk}
    assert len(stored_files(settings)) == 2


def test_feedback_with_a_bad_file_records_nothing(dispatched, water, handler, settings):
    report_sign(report=dispatched, unit=water, actor=handler)
    files = [SimpleUploadedFile("前.png", PNG), SimpleUploadedFile("后.jpg", b"#!/bin/sh\n")]
    with pytest.raises(ValidationError) as error:
        report_feedback(report=dispatched, unit=water, actor=handler, content="已疏通", files=files)
    assert error.value.message_dict["files"][0].startswith("后.jpg：不支持的文件类型")
    assert Report.objects.get(pk=dispatched.pk).status == "signed"
    assert not dispatched.steps.filter(action=StepAction.FEEDBACK).exists()
    assert (Evidence.objects.count(), stored_files(settings)) == (0, [])
