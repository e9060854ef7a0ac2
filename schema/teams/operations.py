"""GraphQL operations of backend.teams (filled in by the API issue's work)."""

import strawberry


@strawberry.type
class TeamsQuery:
    pass


@strawberry.type
class TeamsMutation:
    pass
