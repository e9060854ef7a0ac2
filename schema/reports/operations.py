"""GraphQL operations of backend.reports (filled in by the API issue's work)."""

import strawberry


@strawberry.type
class ReportsQuery:
    pass


@strawberry.type
class ReportsMutation:
    pass
