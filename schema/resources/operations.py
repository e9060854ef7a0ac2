"""GraphQL operations of backend.resources (filled in by the API issue's work)."""

import strawberry


@strawberry.type
class ResourcesQuery:
    pass


@strawberry.type
class ResourcesMutation:
    pass
