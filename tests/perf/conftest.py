from tests.api.conftest import gql_as  # noqa: F401  (the GraphQL client)
from tests.permissions.conftest import users, world  # noqa: F401  (the shared demo world)
