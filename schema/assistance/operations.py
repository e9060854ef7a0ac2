"""GraphQL operations of backend.assistance (filled in by the API issue's work)."""

import strawberry


@strawberry.type
class AssistanceQuery:
    pass


@strawberry.type
class AssistanceMutation:
    pass
