"""Where the current request came from, for audit entries written deep inside services."""

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    ip: str | None = None
    request_id: str = ""


current: ContextVar[RequestContext] = ContextVar("zhili_request", default=RequestContext())  # noqa: B039  (frozen)
