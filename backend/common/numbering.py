"""Record numbers (纠纷 JF-…, 事件 SJ-…, 诉求 QY-…, 救助 DB-…): the next number after the highest
stored one with the prefix, taken under a per-prefix row lock that is held until the creating
transaction ends. A concurrent registration waits for the first to commit, then sees its number;
without the lock both would compute the same number and one would fail on the unique index."""

from django.db import IntegrityError, connection, models, transaction
from django.db.models import F

from backend.common.models import NumberSequence


def next_number(model: type[models.Model], prefix: str, width: int) -> str:
    """`prefix` + the next sequence of `width` digits; call inside the transaction that saves
    the record (the lock lasts until it ends)."""
    if not connection.in_atomic_block:
        raise RuntimeError("next_number must run inside the transaction that saves the record")
    _lock(prefix)
    last = (
        model._default_manager.filter(number__startswith=prefix)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    value = int(str(last)[len(prefix) :]) + 1 if last else 1
    NumberSequence.objects.filter(prefix=prefix).update(last=value)
    return f"{prefix}{value:0{width}d}"


def _lock(prefix: str) -> None:
    """An UPDATE takes the row's write lock (PostgreSQL) or the database's (SQLite)."""
    if NumberSequence.objects.filter(prefix=prefix).update(last=F("last")):
        return
    try:
        with transaction.atomic():
            NumberSequence.objects.create(prefix=prefix)
    except IntegrityError:  # another transaction created it first: wait for its lock
        NumberSequence.objects.filter(prefix=prefix).update(last=F("last"))
