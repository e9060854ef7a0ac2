"""The resource description, built from the registry, the Django models and the schema: field
labels and choices from the models, sensitivity from permissions/pii.py, everything else (type
names, field types, filters, sort keys, mutations) from the GraphQL schema itself."""

from django.apps import apps
from django.db import models
from graphql import (
    GraphQLField,
    GraphQLInputField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    get_named_type,
)
from strawberry.schema.schema_converter import GraphQLCoreConverter

from permissions.pii import SENSITIVE_FIELDS
from schema.resources.labels import humanise, short, zh_label
from schema.resources.registry import RESOURCES, Entry
from schema.resources.types import ActionType, ChoiceType, FieldType, FilterType, ResourceType

COMBINATORS = {"AND", "OR", "NOT", "DISTINCT"}
BACKREF = GraphQLCoreConverter.DEFINITION_BACKREF


def describe(schema: GraphQLSchema) -> list[tuple[Entry, ResourceType]]:
    """Every registered entity whose queries the schema has (permissions filled in per user)."""
    found = []
    for entry in RESOURCES:
        name = type_name(schema, entry)
        if name is not None:
            found.append((entry, _resource(schema, entry, name)))
    return found


def type_name(schema: GraphQLSchema, entry: Entry) -> str | None:
    queries = schema.query_type.fields if schema.query_type else {}
    if entry.list_query:
        field = queries.get(entry.list_query)
        page = get_named_type(field.type) if field else None
        return get_named_type(page.fields["results"].type).name if page else None  # type: ignore[union-attr]
    detail = queries.get(entry.detail_query or "")
    return get_named_type(detail.type).name if detail else None


def _resource(schema: GraphQLSchema, entry: Entry, name: str) -> ResourceType:
    model = apps.get_model(entry.model)
    graphql_type = schema.get_type(name)
    assert isinstance(graphql_type, GraphQLObjectType)
    sensitive = SENSITIVE_FIELDS.get(entry.model, {})
    mutations = _mutations_returning(schema, name)
    crud = {verb: f"{verb}{name}" for verb in ("create", "update", "delete")}
    crud["create"] = entry.create or crud["create"]
    return ResourceType(
        name=name,
        model=entry.model,
        label_zh=str(model._meta.verbose_name),
        label_en=humanise(model._meta.object_name or name),
        list_query=entry.list_query,
        detail_query=entry.detail_query,
        create_mutation=crud["create"] if crud["create"] in mutations else None,
        update_mutation=crud["update"] if crud["update"] in mutations else None,
        delete_mutation=crud["delete"] if crud["delete"] in mutations else None,
        fields=[_field(model, key, f, sensitive) for key, f in graphql_type.fields.items()],
        list_columns=list(entry.columns),
        filters=_arguments(schema, model, entry, "filters"),
        sortable=[f.name for f in _arguments(schema, model, entry, "ordering")],
        actions=[
            ActionType(name=key, label=short(f.description) or key)
            for key, f in mutations.items()
            if key not in crud.values()
        ],
        permissions=None,  # type: ignore[arg-type]  # per user, see operations
    )


def _field(model: type[models.Model], name: str, field: GraphQLField, sensitive: dict) -> FieldType:
    django_name = _django_name(field, name)
    model_field = _model_field(model, django_name)
    named = get_named_type(field.type)
    return FieldType(
        name=name,
        type=str(field.type),
        label_zh=zh_label(model_field, field.description, django_name),
        label_en=humanise(django_name),
        required=_required(model_field),
        choices=[
            ChoiceType(value=str(value), label=str(label))
            for value, label in getattr(model_field, "flatchoices", None) or []
        ],
        sensitive=django_name in sensitive,
        reference=named.name if isinstance(named, GraphQLObjectType) else None,
        many=isinstance(_nullable(field.type), GraphQLList),
    )


def _django_name(field: GraphQLField | GraphQLInputField, name: str) -> str:
    """The model attribute behind a schema field (strawberry keeps a back-reference to it)."""
    definition = (field.extensions or {}).get(BACKREF)
    return str(getattr(definition, "django_name", None) or getattr(definition, "python_name", name))


def _model_field(
    model: type[models.Model], name: str
) -> models.Field | models.ForeignObjectRel | None:
    try:
        return model._meta.get_field(name)  # type: ignore[return-value]
    except Exception:  # a computed field: no column behind it
        return None


def _required(field: object) -> bool:
    return isinstance(field, models.Field) and field.editable and not field.blank


def _arguments(
    schema: GraphQLSchema, model: type[models.Model], entry: Entry, argument: str
) -> list[FilterType]:
    """The fields of the list query's `filters` (or `ordering`) input type."""
    query = schema.query_type.fields.get(entry.list_query or "") if schema.query_type else None
    if query is None or argument not in query.args:
        return []
    input_type = get_named_type(query.args[argument].type)
    return [
        FilterType(name=key, type=str(f.type), label=_input_label(model, key, f))
        for key, f in input_type.fields.items()  # type: ignore[union-attr]
        if key not in COMBINATORS
    ]


def _input_label(model: type[models.Model], name: str, field: GraphQLInputField) -> str:
    django_name = _django_name(field, name)
    described = short(field.description)
    return described or zh_label(_model_field(model, django_name), None, django_name)


def _mutations_returning(schema: GraphQLSchema, name: str) -> dict[str, GraphQLField]:
    """Mutations whose result is `name` (or `name | OperationInfo`)."""
    found = {}
    for key, field in (schema.mutation_type.fields if schema.mutation_type else {}).items():
        result = get_named_type(field.type)
        types = result.types if isinstance(result, GraphQLUnionType) else [result]
        if any(t.name == name for t in types):
            found[key] = field
    return found


def _nullable(graphql_type: object) -> object:
    return graphql_type.of_type if isinstance(graphql_type, GraphQLNonNull) else graphql_type
