import pytest
from django.db import transaction

from tests.permissions.world import build_world


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker):
    """Built once for the package inside a transaction that is rolled back at the end; each test
    runs in its own savepoint on top of it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def users(world, db):
    from backend.accounts.models import User

    # fresh instances per test, so no grant cache survives from another test
    return {name: User.objects.get(pk=user.pk) for name, user in world.users.items()}
