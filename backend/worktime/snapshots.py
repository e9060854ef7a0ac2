"""Process-wide copies of small reference tables, read with one query and kept until a change.

Every process holds its own copy, tagged with a token kept in Django's cache (shared by all
processes when the cache is Redis). A write to the table (the post_save/post_delete receivers call
`changed`) drops this process's copy at once and renews the token when the transaction commits,
so every other process reloads too. While this thread's transaction holds an uncommitted write,
reads go to the database and are not kept: a rollback cannot leave a copy of rows that never were.
"""

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar
from uuid import uuid4

from django.core.cache import cache
from django.db import connection, transaction

T = TypeVar("T")


class Snapshot(Generic[T]):
    def __init__(self, name: str, load: Callable[[], T]) -> None:
        self.key, self.load = f"zhili:snapshot:{name}", load
        self._held: tuple[str, T] | None = None
        self._writing = threading.local()  # the outermost atomic block of an uncommitted write

    def get(self) -> T:
        """The table's content: no query while the copy is current, else one."""
        token, held = self._token(), self._held
        if held is not None and held[0] == token and not self._uncommitted():
            return held[1]
        value = self.load()
        if not self._uncommitted():
            self._held = (token, value)
        return value

    def changed(self, **signal: Any) -> None:
        """Call after every write to the table (a signal receiver)."""
        self._held = None
        if connection.in_atomic_block:
            self._writing.block = connection.atomic_blocks[0]
            transaction.on_commit(self._renew)
        else:
            self._renew()

    def _uncommitted(self) -> bool:
        block = getattr(self._writing, "block", None)
        blocks = connection.atomic_blocks
        return block is not None and bool(blocks) and blocks[0] is block

    def _renew(self) -> None:
        self._writing.block = None
        self._held = None
        cache.set(self.key, uuid4().hex, None)

    def _token(self) -> str:
        """The shared token; a fresh one (never matching) when the cache keeps nothing."""
        token = cache.get(self.key)
        if token is None:
            cache.add(self.key, uuid4().hex, None)
            token = cache.get(self.key)
        return token if isinstance(token, str) else uuid4().hex
