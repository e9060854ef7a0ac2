"""Withdrawing an application registered in error."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from backend.assistance.models import HouseholdMember, SubsidyCase, SubsidyDecision
from backend.assistance.services import case_delete, township_review
from backend.evidence.models import Evidence
from backend.evidence.services import evidence_attach

pytestmark = pytest.mark.django_db


def test_an_applied_case_is_deleted_with_its_members(case):
    case_delete(case=case)
    assert not SubsidyCase.objects.exists()
    assert not HouseholdMember.objects.exists()


def test_a_reviewed_case_stays(case, units, officer):
    township_review(case=case, actor=officer, unit=units["township"], decision=SubsidyDecision.PASS)
    with pytest.raises(ValidationError) as error:
        case_delete(case=case)
    assert error.value.message_dict["status"] == ["乡镇审核后的案件不能删除"]
    assert SubsidyCase.objects.filter(pk=case.pk).exists()


def test_evidence_of_a_deleted_case_goes_with_it(
    case, settings, django_capture_on_commit_callbacks
):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64)
    evidence = evidence_attach(
        uploader=None, upload=SimpleUploadedFile("户口簿.png", png), parent=case
    )
    stored = Path(settings.MEDIA_ROOT) / evidence.file.name
    assert stored.exists()
    with django_capture_on_commit_callbacks(execute=True):
        case_delete(case=case)
    assert not Evidence.objects.exists()
    assert not stored.exists()
