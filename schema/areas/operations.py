"""GraphQL operations of backend.areas (filled in by the API issue's work)."""

import strawberry


@strawberry.type
class AreasQuery:
    pass


@strawberry.type
class AreasMutation:
    pass
