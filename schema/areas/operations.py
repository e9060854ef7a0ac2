"""Areas: the division tree 沧州市 ▸ 县 ▸ 乡镇 ▸ 村 (reference data, read by every signed-in user)."""

import strawberry
import strawberry_django
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from strawberry.types import Info

from backend.areas.models import Area
from permissions.registry import policy_for
from schema.areas.filters import AreaFilter, AreaOrder
from schema.areas.types import AreaType
from schema.base.context import parse_id, user_of
from schema.base.kept import offset_paginated
from schema.base.pages import OffsetPaginated


@strawberry.type
class AreasQuery:
    @offset_paginated(
        OffsetPaginated[AreaType],
        filters=AreaFilter,
        ordering=AreaOrder,
        description="行政区划列表（登录用户可查）",
    )
    def areas(self, info: Info) -> QuerySet[Area]:
        return policy_for(Area).visible(user_of(info))

    @strawberry_django.field(description="按 12 位代码取一个区划；不存在时为 null")
    def area(self, info: Info, code: str) -> AreaType | None:
        try:
            pk = parse_id(code, "code")
        except ValidationError:
            return None
        return policy_for(Area).visible(user_of(info)).filter(pk=pk).first()  # type: ignore[return-value]


@strawberry.type
class AreasMutation:
    pass
