"""Schema extensions: audit of unmasked reads per operation, and the request limits."""

from collections.abc import Iterator

from django.core.exceptions import ValidationError
from graphql import GraphQLError
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.utils.str_converters import to_camel_case

from permissions.pii import collecting

# Documented in the README ("API limits"); a query beyond them is refused before it runs.
MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 2_000


class AuditUnmaskedReads(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        with collecting():
            yield


# The limiters' rule classes, built once: a validation result is cached per (document, rules),
# and the limiters would build new classes for every request.
LIMIT_RULES = (
    *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
)
# Distinct documents kept parsed and validated (the portal and integrators send a few dozen;
# bounded, so that unique texts cannot grow memory).
DOCUMENT_CACHE_SIZE = 256


def limits() -> list:
    """The request limits, and the caches that parse and check each distinct document against
    them once (the token limit is a parse option, part of the parse cache's key). Factories, so
    that each request gets fresh extension instances; the caches are shared by all of them."""
    return [
        lambda: AddValidationRules(list(LIMIT_RULES)),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: ParserCache(maxsize=DOCUMENT_CACHE_SIZE),
        lambda: ValidationCache(maxsize=DOCUMENT_CACHE_SIZE),
    ]


class IntrospectionForSignedInUsers(SchemaExtension):
    """The schema is documentation for integrators and the portal; anonymous callers get none."""

    def on_operation(self) -> Iterator[None]:
        request = getattr(self.execution_context.context, "request", None)
        if request is None or not request.user.is_authenticated:
            rules = self.execution_context.validation_rules
            self.execution_context.validation_rules = (*rules, NoSchemaIntrospectionCustomRule)
        yield


class MaskUnexpectedErrors(MaskErrors):
    """In production an unexpected error says only "服务器内部错误"; GraphQL's own errors (syntax,
    validation, limits) stay readable. Typed errors come back as OperationInfo, not as errors."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=_unexpected, error_message="服务器内部错误，请稍后重试")


def _unexpected(error: GraphQLError) -> bool:
    original = error.original_error
    return original is not None and not isinstance(original, (GraphQLError, ValidationError))


class ReadableInputErrors(SchemaExtension):
    """A Django ValidationError raised while reading (a malformed filter value, say) reaches the
    client as its Chinese message, not as a Python repr and not as a masked server error."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        for error in (result.errors or []) if result else []:
            original = error.original_error
            if isinstance(original, ValidationError):
                error.message = "；".join(original.messages)
                fields = list(getattr(original, "error_dict", {}))
                if len(fields) == 1:
                    error.extensions = {
                        **(error.extensions or {}),
                        "field": to_camel_case(fields[0]),
                    }
