"""Querysets compiled once per database connection, then run with new values bound into the same SQL.

Building and compiling a queryset costs Django more CPU than PostgreSQL needs to run a point
lookup: the API token's statement (token, account, scope and grant rows) took 1.2 ms of every
integrator request to compile and a fraction of that to run. A `Prepared` builds its queryset once
with sample values, finds each sample among the compiled parameters, and from then on only swaps
the request's values in. A queryset whose SQL depends on a value (an `IN` list, `None`, a value
Django adapts before binding) shows it on the first compile — a sample found not exactly once —
and is then simply built and compiled on every call, as before.
"""

from collections.abc import Callable
from typing import Any, Generic, TypeVar
from weakref import WeakKeyDictionary

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import ModelIterable

CACHE = "_zhili_prepared"
M = TypeVar("M", bound=Model)


class Prepared(Generic[M]):
    """One statement: `build(**values)` must give the same SQL for every value (the samples'
    shape), and the same parameters apart from the values — a Prepared is made per such shape."""

    def __init__(self, build: Callable[..., "QuerySet[M]"] | None = None, **samples: Any) -> None:
        self.build, self.samples = build, samples
        self.db: str | None = None

    def all(self, build: Callable[..., "QuerySet[M]"] | None = None, **values: Any) -> list[M]:
        """The rows of `build(**values)` (this call's builder, else the first), as model
        instances with their related objects and annotations."""
        compiled = self._compiled(build)
        if compiled is None:
            return list((build or self.build)(**values))  # type: ignore[misc,arg-type]
        return compiled.run(values)

    def rows(self, build: Callable[..., QuerySet] | None = None, **values: Any) -> list[tuple]:
        """The rows of `build(**values)`, a `values_list`, as tuples."""
        compiled = self._compiled(build)
        if compiled is None:
            return list((build or self.build)(**values))  # type: ignore[misc,arg-type]
        return compiled.tuples(values)

    def ready(self) -> bool:
        """Compiled on this thread's connection, so that it runs without a builder."""
        return self.db is not None and _compiled_on(self.db).get(self) is not None

    def _compiled(self, build: Callable[..., QuerySet] | None) -> "_Compiled | None":
        # per connection (so per thread), and gone with it: a compiler holds its connection
        here = _compiled_on(self.db) if self.db else {}
        if self in here:
            return here[self]
        build = build or self.build
        assert build is not None, "a builder, here or at construction"
        return self.prime(build(**self.samples))

    def prime(self, template: QuerySet) -> "_Compiled | None":
        """Compile `template` — built with the samples — for this thread's connection."""
        self.db = template.db
        compiled = _Compiled.of(template, self.samples)
        _compiled_on(self.db)[self] = compiled
        return compiled


def _compiled_on(db: str) -> "WeakKeyDictionary[Prepared, _Compiled | None]":
    """This thread's connection's statements, each kept while its Prepared is (a forgotten list
    page or detail scope takes its compiled statement with it)."""
    return connections[db].__dict__.setdefault(CACHE, WeakKeyDictionary())


class _Compiled:
    """One connection's compiler of the template, its SQL and where each value goes."""

    def __init__(self, template: QuerySet, compiler: Any, sql: str, params: list, slots: dict):
        self.template, self.compiler, self.sql = template, compiler, sql
        self.params, self.slots = params, slots

    @classmethod
    def of(cls, template: QuerySet, samples: dict[str, Any]) -> "_Compiled | None":
        compiler = template.query.get_compiler(using=template.db)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:  # `.none()`: nothing to prepare, and nothing to run
            return None
        slots = {name: [i for i, p in enumerate(params) if p == v] for name, v in samples.items()}
        if any(len(found) != 1 for found in slots.values()):
            return None
        _fixed_converters(compiler)
        return cls(template, compiler, sql, list(params), {k: v[0] for k, v in slots.items()})

    def run(self, values: dict[str, Any]) -> list[Any]:
        self._bind(values)
        source: Any = _Source(self.template, self.compiler)
        return list(ModelIterable(source))

    def tuples(self, values: dict[str, Any]) -> list[tuple]:
        self._bind(values)
        return list(self.compiler.results_iter(tuple_expected=True))

    def _bind(self, values: dict[str, Any]) -> None:
        params = list(self.params)
        for name, index in self.slots.items():
            params[index] = values[name]
        self.compiler.as_sql = lambda *args, **kwargs: (self.sql, tuple(params))


def _fixed_converters(compiler: Any) -> None:
    """The compiled select's column converters, looked up once instead of on every run."""
    converters = compiler.get_converters([s[0] for s in compiler.select[: compiler.col_count]])
    compiler.get_converters = lambda expressions: converters


class _Source:
    """What Django's model iterable reads of a queryset, with the bound compiler as its query's."""

    def __init__(self, template: QuerySet, compiler: Any) -> None:
        self.db, self.model, self.query = template.db, template.model, self
        self._known_related_objects: dict = {}
        self._compiler = compiler

    def get_compiler(self, using: str | None = None, **kwargs: Any) -> Any:
        return self._compiler
