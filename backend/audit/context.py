"""Where the current request came from and who acts in it, for audit entries written deep inside
services: the middleware sets it per request; `acting_as` sets the actor for commands, jobs, tests."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True)
class RequestContext:
    ip: str | None = None
    request_id: str = ""
    # Read at audit time, not when the request starts: the token middleware and the login mutation
    # set request.user later, and the login mutation changes it mid-request.
    user: Callable[[], Any] | None = None
    # Lookups made once per request or `acting_as` block (an actor's units); None: do not keep them.
    memo: dict[Any, Any] | None = None


current: ContextVar[RequestContext] = ContextVar("zhili_request", default=RequestContext())  # noqa: B039  (frozen)


def current_actor() -> Any:
    """The signed-in user acting now, or None (anonymous, or outside a request and `acting_as`)."""
    getter = current.get().user
    user = getter() if getter is not None else None
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user


@contextmanager
def acting_as(user: Any) -> Iterator[None]:
    """Audit entries written inside the block name `user` as the actor (management commands, jobs,
    tests); the request id and IP of a surrounding request are kept."""
    token = current.set(replace(current.get(), user=lambda: user, memo={}))
    try:
        yield
    finally:
        current.reset(token)
