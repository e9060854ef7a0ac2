"""graphql-core's execution, told about values a resolver already put into their response form."""

from typing import Any

from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext


class Completed(list):
    """A list field's value in its final response form (built by `schema.base.projection` from
    the same columns and with the same output coercion): graphql-core takes it as it is."""


class Execution(StrawberryGraphQLCoreExecutionContext):
    def complete_value(self, return_type: Any, field_details_list: Any, info: Any, path: Any,
                       result: Any, position_context: Any) -> Any:  # fmt: skip
        if type(result) is Completed:
            return result
        return super().complete_value(
            return_type, field_details_list, info, path, result, position_context
        )
