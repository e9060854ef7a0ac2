"""Prepared querysets: compiled once per connection, each call's values bound into that SQL; a
queryset whose SQL depends on its value is compiled on every call instead."""

import threading

import pytest
from django.db import connection, connections
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from backend.areas.models import Area
from backend.common.prepared import CACHE, Prepared

pytestmark = pytest.mark.django_db


def _by_code(code: int) -> object:
    return Area.objects.select_related("parent").filter(code=code)


def test_each_call_binds_its_own_value_into_the_one_compiled_statement(city, suning):
    prepared = Prepared(_by_code, code=-1)
    first, second = prepared.all(code=suning.code), prepared.all(code=city.code)
    assert [a.name for a in first] == [suning.name] and first[0].parent == city
    assert [a.name for a in second] == [city.name] and second[0].parent is None
    assert prepared.all(code=12345) == []
    compiled = connections["default"].__dict__[CACHE][prepared]
    assert compiled is not None and compiled.slots == {"code": compiled.params.index(-1)}
    with CaptureQueriesContext(connection) as captured:
        prepared.all(code=suning.code)
    assert len(captured) == 1 and captured[0]["sql"].count(str(suning.code)) == 1


def test_a_sample_found_twice_is_not_prepared_and_every_call_is_built_afresh(city, suning):
    prepared = Prepared(lambda code: Area.objects.filter(Q(code=code) | Q(parent_id=code)), code=-1)
    assert {a.code for a in prepared.all(code=suning.code)} >= {suning.code}
    assert connections["default"].__dict__[CACHE][prepared] is None
    assert city not in prepared.all(code=suning.code)


def test_each_thread_compiles_on_its_own_connection(suning):
    prepared, seen = Prepared(_by_code, code=-1), []

    def other_thread() -> None:
        try:
            seen.append(prepared.ready())  # compiled on the first thread's connection only
            seen.append([a.code for a in prepared.all(code=suning.code)])
            seen.append(prepared in connections["default"].__dict__[CACHE])
        finally:
            connections.close_all()

    prepared.all(code=suning.code)
    assert prepared.ready()
    worker = threading.Thread(target=other_thread)
    worker.start()
    worker.join()
    assert seen == [False, [suning.code], True]


def test_a_values_list_runs_as_tuples_with_its_converters(city, suning):
    prepared = Prepared(
        lambda: (
            Area.objects.filter(code__in=[city.code, suning.code])
            .order_by("code")
            .values_list("code", "name")
        )
    )
    assert prepared.rows() == [(city.code, city.name), (suning.code, suning.name)]
    assert prepared.ready() and prepared.rows() == [
        (city.code, city.name),
        (suning.code, suning.name),
    ]


def test_a_forgotten_prepared_takes_its_compiled_statement_with_it(suning):
    import gc

    prepared = Prepared(_by_code, code=-1)
    prepared.all(code=suning.code)
    compiled_here = connections["default"].__dict__[CACHE]
    assert prepared in compiled_here
    before = len(compiled_here)
    del prepared
    gc.collect()
    assert len(compiled_here) == before - 1
