import hashlib

import pytest
from django.core.exceptions import ValidationError

from backend.evidence.models import Evidence
from backend.evidence.services import evidence_attach, evidence_orphans_sweep, evidence_remove
from tests.evidence.conftest import PDF, PNG, docx_bytes, upload

pytestmark = pytest.mark.django_db


def test_a_png_is_stored_with_its_hash_under_a_random_name(dispute, actor, stored_files):
    evidence = evidence_attach(uploader=actor, upload=upload("现场照片.png", PNG), parent=dispute)
    assert (evidence.content_type, evidence.size) == ("image/png", len(PNG))
    assert evidence.sha256 == hashlib.sha256(PNG).hexdigest()
    assert evidence.area_id == dispute.area_id
    assert evidence.original_name == "现场照片.png"
    assert "现场照片" not in evidence.file.name  # the storage name reveals nothing of the client's
    assert stored_files() == [evidence.file.name]


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("协议.pdf", PDF, "application/pdf"),
        (
            "报告.docx",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    ],
)
def test_documents_are_recognised_by_content(dispute, actor, name, content, kind):
    assert (
        evidence_attach(uploader=actor, upload=upload(name, content), parent=dispute).content_type
        == kind
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.jpg", b"#!/bin/sh\nrm -rf /\n", "不支持的文件类型"),  # a script renamed to .jpg
        ("empty.png", b"", "文件为空"),
        ("fake.docx", b"PK\x03\x04not really a zip", "不支持的文件类型"),
    ],
)
def test_bad_files_are_refused_and_leave_nothing(
    dispute, actor, stored_files, name, content, message
):
    with pytest.raises(ValidationError, match=message):
        evidence_attach(uploader=actor, upload=upload(name, content, "image/jpeg"), parent=dispute)
    assert not Evidence.objects.exists()
    assert stored_files() == []


def test_an_oversized_file_is_refused_before_it_is_stored(dispute, actor, stored_files, settings):
    settings.ZHILI_EVIDENCE_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match="文件过大"):
        evidence_attach(uploader=actor, upload=upload("big.png", PNG + bytes(2000)), parent=dispute)
    assert (Evidence.objects.count(), stored_files()) == (0, [])


def test_a_failing_row_removes_the_stored_file(dispute, actor, stored_files):
    with pytest.raises(ValidationError):
        evidence_attach(
            uploader=actor, upload=upload("a.png", PNG), parent=dispute, description="长" * 300
        )
    assert (Evidence.objects.count(), stored_files()) == (0, [])


def test_only_known_parents_take_evidence(actor, centre):
    with pytest.raises(ValidationError, match="不能附加佐证材料"):
        evidence_attach(uploader=actor, upload=upload("a.png", PNG), parent=centre)


def test_client_path_and_control_characters_are_dropped_from_the_name(dispute, actor):
    evidence = evidence_attach(uploader=actor, upload=upload("x.png", PNG), parent=dispute)
    from backend.evidence.services import _clean_name

    assert _clean_name("C:\\Users\\张三\\证据\x07.png") == "证据.png"
    assert evidence.original_name == "x.png"


def test_remove_deletes_the_file_after_commit(
    dispute, actor, stored_files, django_capture_on_commit_callbacks
):
    evidence = evidence_attach(uploader=actor, upload=upload("a.png", PNG), parent=dispute)
    with django_capture_on_commit_callbacks(execute=True):
        evidence_remove(evidence=evidence)
    assert (Evidence.objects.count(), stored_files()) == (0, [])


def test_sweep_removes_only_unreferenced_files(dispute, actor, stored_files):
    from datetime import timedelta

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    kept = evidence_attach(uploader=actor, upload=upload("a.png", PNG), parent=dispute)
    orphan = default_storage.save("evidence/2026/01/orphan", ContentFile(b"left behind"))
    assert evidence_orphans_sweep(older_than=timedelta(0)) == [orphan]
    assert stored_files() == [kept.file.name]
