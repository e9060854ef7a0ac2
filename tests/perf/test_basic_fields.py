"""Columns and loaded foreign keys are strawberry "basic" fields (read as attributes); reverse
relations, masked and computed fields keep strawberry-django's resolver (schema/base/fields.py)."""

import pytest

from schema.schema import schema


def field(type_name: str, name: str):
    definition = schema.get_type_by_name(type_name)
    assert definition is not None
    (found,) = [f for f in definition.fields if f.name == name]
    return found


@pytest.mark.parametrize(
    "name", ["number", "status", "deadline", "summary", "area", "handling_unit"]
)
def test_columns_and_foreign_keys_are_read_as_attributes(name):
    assert field("Dispute", name).is_basic_field


@pytest.mark.parametrize(
    ("type_name", "name"),
    [("Dispute", "parties"), ("Dispute", "responsible_phone"), ("DisputeParty", "id_number")],
)
def test_relations_and_masked_fields_keep_their_resolver(type_name, name):
    assert not field(type_name, name).is_basic_field


def test_graphql_core_calls_the_attribute_read_for_a_column_only():
    dispute = schema._schema.type_map["Dispute"]
    assert dispute.fields["number"].resolve.__name__ == "_get_basic_result"
    assert dispute.fields["parties"].resolve.__name__ == "_resolver"
