from django.apps import AppConfig


class SchemaConfig(AppConfig):
    """Installed only for its management command (export_schema); nothing imports schema."""

    name = "schema"
    label = "zhili_schema"
    verbose_name = "GraphQL 接口"
