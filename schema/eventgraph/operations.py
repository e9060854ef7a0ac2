"""事件图谱: an item's neighbourhood, early warnings (排查预警) and repeated parties — each over
the reports and disputes the caller may see (one policy query per model)."""

from datetime import date

import strawberry
from django.core.exceptions import ValidationError
from django.utils import timezone
from graphql import GraphQLError
from strawberry.types import Info

from backend.areas.models import Area, Level, subtree_range
from backend.disputes.models import Dispute
from backend.eventgraph.models import DISPUTE, REPORT
from backend.eventgraph.selectors import (
    Visible,
    early_warnings,
    neighbourhood,
    repeated_parties,
)
from backend.reports.models import Report
from permissions.registry import policy_for
from schema.base.context import parse_id, user_of
from schema.eventgraph.types import (
    EarlyWarningType,
    EventEdgeType,
    EventGraphType,
    EventNodeType,
    RepeatedPartyType,
)


def visible(info: Info) -> Visible:
    user = user_of(info)
    return {DISPUTE: policy_for(Dispute).visible(user), REPORT: policy_for(Report).visible(user)}


def area_span(code: str) -> tuple[int, int]:
    text = str(code).strip()
    level = (
        Area.objects.filter(code=int(text)).values_list("level", flat=True).first()
        if text.isdigit() and len(text) <= 12
        else None
    )
    if level is None:
        raise GraphQLError(
            "区划代码不存在", extensions={"field": "areaCode", "code": "invalid_area"}
        )
    return subtree_range(int(text), Level(level))


def bounded(value: int, low: int, high: int, field: str) -> int:
    if not low <= value <= high:
        raise ValidationError({field: f"取值须在 {low}–{high} 之间"})
    return value


@strawberry.type
class EventGraphQuery:
    @strawberry.field(
        description="事项的关联邻域（一跳或两跳）：只含本人可查看的事项，经不可查看事项才能到达的事项"
        "也不显示；事项不存在或无权查看时为 null"
    )
    def event_neighbourhood(
        self, info: Info, object_type: str, id: strawberry.ID, depth: int = 1
    ) -> EventGraphType | None:
        if object_type not in (DISPUTE, REPORT):
            raise ValidationError(
                {"object_type": "对象类型须为 disputes.dispute 或 reports.report"}
            )
        root = (object_type, parse_id(id))
        graph = neighbourhood(root=root, depth=bounded(depth, 1, 2, "depth"), visible=visible(info))
        if graph is None:
            return None
        return EventGraphType(
            nodes=[EventNodeType.of_node(node) for node in graph.nodes],
            edges=[EventEdgeType.of(edge) for edge in graph.edges],
        )

    @strawberry.field(
        description="排查预警：区划内近 days 天关联事项不少于 minItems 件的村（社区），附风险等级与原因"
    )
    def early_warnings(
        self, info: Info, area_code: str, as_of: date | None = None, days: int = 30,
        min_items: int = 3,
    ) -> list[EarlyWarningType]:  # fmt: skip
        low, high = area_span(area_code)
        found = early_warnings(
            visible=visible(info), low=low, high=high, as_of=as_of or timezone.localdate(),
            days=bounded(days, 7, 90, "days"), min_items=bounded(min_items, 2, 50, "min_items"),
        )  # fmt: skip
        return [EarlyWarningType.of(warning) for warning in found]

    @strawberry.field(
        description="区划内重复出现（不少于 minItems 件本人可查看的事项）的当事人证件号码或电话，脱敏显示"
    )
    def repeated_parties(
        self, info: Info, area_code: str, min_items: int = 2, limit: int = 50
    ) -> list[RepeatedPartyType]:
        low, high = area_span(area_code)
        found = repeated_parties(
            visible=visible(info), low=low, high=high,
            min_items=bounded(min_items, 2, 100, "min_items"), limit=bounded(limit, 1, 100, "limit"),
        )  # fmt: skip
        return [RepeatedPartyType.of(party) for party in found]
