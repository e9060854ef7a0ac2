"""save_many: a unique constraint broken by some rows (another writer saved them first) saves the
others and skips those; any other integrity error is not mistaken for a duplicate."""

import pytest
from django.db import IntegrityError

from backend.common.models import NumberSequence
from backend.common.services import save_many

pytestmark = pytest.mark.django_db


def test_rows_saved_by_someone_else_first_are_skipped_and_the_rest_saved():
    NumberSequence.objects.create(prefix="JF-1-")
    rows = [NumberSequence(prefix=p) for p in ("JF-1-", "JF-2-", "JF-3-")]
    assert save_many(rows) == 2
    assert sorted(NumberSequence.objects.values_list("prefix", flat=True)) == [
        "JF-1-",
        "JF-2-",
        "JF-3-",
    ]


def test_a_broken_check_is_raised_not_taken_for_a_duplicate():
    with pytest.raises(IntegrityError):
        save_many([NumberSequence(prefix="JF-4-", last=-1)])  # positive integer: a CHECK
    assert not NumberSequence.objects.filter(prefix="JF-4-").exists()
