"""GraphQL operations of backend.org: units and role grants."""

import strawberry

from schema.org.memberships import MembershipMutation, MembershipQuery
from schema.org.units import UnitMutation, UnitQuery


@strawberry.type
class OrgQuery(UnitQuery, MembershipQuery):
    pass


@strawberry.type
class OrgMutation(UnitMutation, MembershipMutation):
    pass
