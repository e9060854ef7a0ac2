"""A partial update validates what it changed and what a constraint ties to it; foreign keys and
unique columns it left as they were are not asked of the database again."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.common.services import model_update
from backend.common.validation import settled_fields
from backend.org.models import Unit, UnitKind
from backend.org.services import UNIT_EDITABLE, unit_create

pytestmark = pytest.mark.django_db


def test_unchanged_foreign_keys_and_unique_columns_are_settled():
    unit = Unit(name="市司法局")
    settled = settled_fields(unit, ["short_name"])
    assert {"group", "code", "parent"} <= set(settled)  # unchanged relations and unique column
    assert "short_name" not in settled and "is_active" not in settled  # plain fields: checked


def test_a_field_tied_to_a_changed_one_by_a_constraint_is_checked_with_it():
    unit = Unit(name="市司法局")
    assert "area" in settled_fields(unit, ["short_name"])
    assert "area" not in settled_fields(unit, ["name"])  # unique (area, name): checked together


def two_units(area):
    make = dict(kind=UnitKind.JUDICIAL_OFFICE, area=area)
    return unit_create(code="T-1", name="肃宁镇司法所", **make), unit_create(
        code="T-2", name="肃宁镇人民调解委员会", **make
    )


def test_renaming_a_unit_to_a_sibling_s_name_is_refused_and_nothing_changes(suning_town):
    first, second = two_units(suning_town)
    with pytest.raises(ValidationError) as refused:
        model_update(instance=second, fields=UNIT_EDITABLE, data={"name": first.name})
    assert "name" in refused.value.message_dict or "__all__" in refused.value.message_dict
    second.refresh_from_db()
    assert second.name == "肃宁镇人民调解委员会"


def test_changing_a_free_text_field_reads_no_referenced_row(suning_town):
    _, unit = two_units(suning_town)
    unit = Unit.objects.get(pk=unit.pk)
    with CaptureQueriesContext(connection) as queries:
        model_update(instance=unit, fields=UNIT_EDITABLE, data={"short_name": "调委会"})
    probes = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT 1 AS")]
    assert probes == []  # no "does the area / parent / group still exist, is the code unique"
    assert Unit.objects.get(pk=unit.pk).short_name == "调委会"
