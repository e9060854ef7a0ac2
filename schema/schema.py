"""The one schema: every domain subpackage contributes its Query and Mutation fields."""

import strawberry
from strawberry.tools import merge_types
from strawberry_django.optimizer import DjangoOptimizerExtension

from schema.auth.operations import AuthMutation, AuthQuery
from schema.base.extensions import (
    AuditUnmaskedReads,
    IntrospectionForSignedInUsers,
    MaskUnexpectedErrors,
    limits,
)
from schema.disputes.operations import DisputeMutation, DisputeQuery

Query = merge_types("Query", (AuthQuery, DisputeQuery))
Mutation = merge_types("Mutation", (AuthMutation, DisputeMutation))

schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    extensions=[
        DjangoOptimizerExtension,
        AuditUnmaskedReads,
        IntrospectionForSignedInUsers,
        MaskUnexpectedErrors,
        *limits(),
    ],
)
