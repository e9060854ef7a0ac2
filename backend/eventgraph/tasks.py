"""The job that keeps the graph current: enqueued when a write commits (signals.py), so a rolled
back write links nothing; any django-tasks backend can carry it (arguments are a label and an id)."""

from django.db import transaction
from django_tasks import task

from backend.eventgraph.linking import item_index


@task()
def index_item(object_type: str, object_id: int) -> int:
    """Index one report or dispute: its keys and links; returns its number of links."""
    return item_index(object_type=object_type, object_id=object_id)


def index_after_commit(object_type: str, object_id: int) -> None:
    transaction.on_commit(lambda: index_item.enqueue(object_type, object_id), robust=True)
