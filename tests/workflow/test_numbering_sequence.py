"""Numbers continue after the highest stored one, whatever the sequence row says (records loaded
in bulk, as the demo does, never touch it)."""

import pytest
from django.db import transaction

from backend.common.models import NumberSequence
from backend.common.numbering import next_number
from backend.reports.models import Report

pytestmark = pytest.mark.django_db


def take(prefix: str) -> str:
    with transaction.atomic():
        return next_number(Report, prefix, 7)


def test_numbers_follow_the_highest_stored_one(submitted):
    prefix = submitted.number[:8]
    assert submitted.number == f"{prefix}0000001"
    assert NumberSequence.objects.get(prefix=prefix).last == 1
    Report.objects.filter(pk=submitted.pk).update(number=f"{prefix}0000041")  # a bulk load
    assert take(prefix) == f"{prefix}0000042"
    assert take("SJ-2031-") == "SJ-2031-0000001"
    assert take("SJ-2031-") == "SJ-2031-0000001"  # nothing was saved with it: still free
