"""GraphQL operations of backend.codes (filled in by the API issue's work)."""

import strawberry


@strawberry.type
class CodesQuery:
    pass


@strawberry.type
class CodesMutation:
    pass
