"""GraphQL operations of backend.org (filled in by the API issue's work)."""

import strawberry


@strawberry.type
class OrgQuery:
    pass


@strawberry.type
class OrgMutation:
    pass
