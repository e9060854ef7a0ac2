"""Reference data: GB/T 31000 code tables and codes, and the dispute causes."""

import strawberry
import strawberry_django
from django.db.models import QuerySet
from strawberry.types import Info

from backend.codes.models import Code, CodeTable
from backend.disputes.models import Cause
from permissions.registry import policy_for
from schema.base.context import user_of
from schema.base.kept import offset_paginated
from schema.base.loading import load_or_none
from schema.base.pages import OffsetPaginated
from schema.codes.filters import (
    CauseFilter,
    CauseOrder,
    CodeFilter,
    CodeOrder,
    CodeTableFilter,
    CodeTableOrder,
)
from schema.codes.types import CauseType, CodeTableType, CodeType


@strawberry.type
class CodesQuery:
    @offset_paginated(
        OffsetPaginated[CodeTableType],
        filters=CodeTableFilter,
        ordering=CodeTableOrder,
        description="代码表列表",
    )
    def code_tables(self, info: Info) -> QuerySet[CodeTable]:
        return policy_for(CodeTable).visible(user_of(info))

    @offset_paginated(
        OffsetPaginated[CodeType], filters=CodeFilter, ordering=CodeOrder, description="代码列表"
    )
    def codes(self, info: Info) -> QuerySet[Code]:
        return policy_for(Code).visible(user_of(info))

    @strawberry_django.field(description="一个代码；不存在时为 null")
    def code(self, info: Info, id: strawberry.ID) -> CodeType | None:
        return load_or_none(info, Code, id)  # type: ignore[return-value]

    @offset_paginated(
        OffsetPaginated[CauseType],
        filters=CauseFilter,
        ordering=CauseOrder,
        description="纠纷成因列表",
    )
    def causes(self, info: Info) -> QuerySet[Cause]:
        return policy_for(Cause).visible(user_of(info))


@strawberry.type
class CodesMutation:
    pass
