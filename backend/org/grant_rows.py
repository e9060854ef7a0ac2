"""The rows a user's role grants are read from: one per membership and permission of its role.
`permissions.grants` turns them into grants; the token middleware brings them with the token."""

from typing import Any

from django.db.models import QuerySet

from backend.common.jsonrows import JsonRows, rows_subquery
from backend.org.models import Membership

GRANT_COLUMNS = (
    "pk",
    "role__name",
    "scope_id",
    "scope__name",
    "scope__level",
    "unit_id",
    "role__permissions__content_type__app_label",
    "role__permissions__codename",
)
PRELOADED = "_zhili_grant_rows"  # the attribute of a user that carries them, when brought along


def grant_rows(user_id: Any) -> QuerySet:
    return Membership.objects.filter(user_id=user_id).values_list(*GRANT_COLUMNS)


def grant_rows_subquery(user_ref: Any) -> JsonRows:
    """The same rows as JSON, for the statement that loads the user (`user_ref`: an OuterRef)."""
    return rows_subquery(Membership.objects.filter(user_id=user_ref), *GRANT_COLUMNS)
