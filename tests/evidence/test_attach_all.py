"""Several files at once: all are attached, or none is and nothing stays stored."""

import pytest
from django.core.exceptions import ValidationError

from backend.evidence.models import Evidence
from backend.evidence.services import evidence_attach_all
from tests.evidence.conftest import PDF, PNG, upload

pytestmark = pytest.mark.django_db


def test_all_files_are_attached(dispute, actor, stored_files):
    attached = evidence_attach_all(
        uploader=actor, uploads=[upload("a.png", PNG), upload("b.pdf", PDF)], parent=dispute
    )
    assert [e.content_type for e in attached] == ["image/png", "application/pdf"]
    assert sorted(stored_files()) == sorted(e.file.name for e in attached)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [("empty.png", b"", "empty.png：文件为空"), ("x.jpg", b"MZ\x90", "x.jpg：不支持的文件类型")],
)
def test_one_bad_file_leaves_nothing_and_is_named(
    dispute, actor, stored_files, name, content, message
):
    uploads = [upload("a.png", PNG), upload(name, content), upload("c.pdf", PDF)]
    with pytest.raises(ValidationError) as error:
        evidence_attach_all(uploader=actor, uploads=uploads, parent=dispute, field="photos")
    assert error.value.message_dict["photos"][0].startswith(message)
    assert (Evidence.objects.count(), stored_files()) == (0, [])


def test_a_failing_row_after_stored_files_removes_them_all(dispute, actor, stored_files, settings):
    settings.ZHILI_EVIDENCE_MAX_BYTES = len(PNG)
    uploads = [upload("a.png", PNG), upload("b.pdf", PDF + bytes(len(PNG)))]
    with pytest.raises(ValidationError, match="文件过大"):
        evidence_attach_all(uploader=actor, uploads=uploads, parent=dispute)
    assert (Evidence.objects.count(), stored_files()) == (0, [])
