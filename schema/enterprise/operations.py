"""GraphQL operations of backend.enterprise (filled in by the API issue's work)."""

import strawberry


@strawberry.type
class EnterpriseQuery:
    pass


@strawberry.type
class EnterpriseMutation:
    pass
