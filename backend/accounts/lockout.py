"""Login lockout: after repeated failures for a username, sign-in is refused for a while."""

from django.core.cache import cache

MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60


def _key(username: str) -> str:
    return f"zhili:login-failures:{username.strip().lower()}"


def is_locked(username: str) -> bool:
    return int(cache.get(_key(username), 0)) >= MAX_FAILURES


def record_failure(username: str) -> None:
    key = _key(username)
    cache.add(key, 0, LOCK_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, LOCK_SECONDS)


def clear(username: str) -> None:
    cache.delete(_key(username))
