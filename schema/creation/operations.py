"""GraphQL operations of backend.creation (filled in by the API issue's work)."""

import strawberry


@strawberry.type
class CreationQuery:
    pass


@strawberry.type
class CreationMutation:
    pass
