from tests.permissions.conftest import users, world  # noqa: F401  (the shared demo world)
