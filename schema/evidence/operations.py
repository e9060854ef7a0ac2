"""GraphQL operations of backend.evidence (filled in by the API issue's work)."""

import strawberry


@strawberry.type
class EvidenceQuery:
    pass


@strawberry.type
class EvidenceMutation:
    pass
