"""The policies, offered to the workflow engine (backend/ cannot import permissions/)."""

from typing import Any

from permissions.grants import grants_of
from permissions.registry import policy_for


class PolicyAuthority:
    def may(self, user: Any, action: str, obj: Any) -> bool:
        return policy_for(obj).may_on(user, action, obj)

    def units(self, user: Any) -> set[int]:
        """The units of the user's role grants (an API token narrows them)."""
        return {grant.unit_id for grant in grants_of(user) if grant.unit_id}
