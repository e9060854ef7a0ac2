"""HTTP endpoints of the API: POST /graphql/ and the CSRF cookie for the browser."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase, JsonResponse
from django.middleware.csrf import get_token
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_GET
from strawberry.django.views import GraphQLView
from strawberry.schema.base import BaseSchema


def graphql_view(schema: BaseSchema) -> Callable[..., HttpResponseBase]:
    """POST only (GET would put variables into access logs); GraphQL multipart uploads; CSRF is
    enforced by Django's middleware for session requests and skipped for API-token requests.
    GraphiQL loads from a CDN that an intranet does not reach: offered in development only."""
    return GraphQLView.as_view(
        schema=schema,
        allow_queries_via_get=False,
        multipart_uploads_enabled=True,
        graphql_ide="graphiql" if settings.DEBUG else None,
    )


@require_GET
@ensure_csrf_cookie
def csrf(request: HttpRequest) -> JsonResponse:
    """Call once before the first POST: sets the csrftoken cookie and returns the token."""
    return JsonResponse({"csrfToken": get_token(request)})
