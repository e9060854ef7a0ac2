import re
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from backend.audit.context import RequestContext, current

_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestContextMiddleware:
    """Gives every request an id (kept from X-Request-ID when well-formed), records its IP, and
    lets audit entries read the request's user when they are written."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get("X-Request-ID", "")
        request_id = given if _SAFE_ID.match(given) else uuid.uuid4().hex
        token = current.set(
            RequestContext(
                ip=request.META.get("REMOTE_ADDR"),
                request_id=request_id,
                user=lambda: getattr(request, "user", None),
                memo={},
            )
        )
        try:
            response = self.get_response(request)
        finally:
            current.reset(token)
        response["X-Request-ID"] = request_id
        return response
