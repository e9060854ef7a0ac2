from datetime import date

import strawberry

from backend.eventgraph.selectors import EarlyWarning, Edge, GraphNode, ItemView, RepeatedParty


def node_key(object_type: str, object_id: int) -> str:
    return f"{object_type}:{object_id}"


@strawberry.type(name="EventItem", description="事件图谱中的一个事项（矛盾纠纷或民意诉求）")
class EventItemType:
    key: str = strawberry.field(description="图中的节点标识，如 disputes.dispute:12")
    object_type: str = strawberry.field(description="disputes.dispute 或 reports.report")
    id: strawberry.ID
    number: str = strawberry.field(description="编号")
    title: str = strawberry.field(description="名称")
    area_code: str = strawberry.field(description="所属区划代码（12 位）")
    area_name: str
    day: date = strawberry.field(description="登记日期")
    status: str
    status_label: str

    @classmethod
    def fields_of(cls, item: ItemView) -> dict:
        return {
            "key": node_key(item.type, item.id), "object_type": item.type,
            "id": strawberry.ID(str(item.id)), "number": item.number, "title": item.title,
            "area_code": f"{item.area_code:012d}", "area_name": item.area_name, "day": item.day,
            "status": item.status, "status_label": item.status_label,
        }  # fmt: skip

    @classmethod
    def of(cls, item: ItemView) -> "EventItemType":
        return cls(**cls.fields_of(item))


@strawberry.type(name="EventNode", description="邻域中的事项及其与中心事项的距离（跳数）")
class EventNodeType(EventItemType):
    depth: int = strawberry.field(description="0 为中心事项，1、2 为一跳、两跳")

    @classmethod
    def of_node(cls, node: GraphNode) -> "EventNodeType":
        return cls(**cls.fields_of(node.item), depth=node.depth)


@strawberry.type(name="EventEdge", description="两个事项之间的关联")
class EventEdgeType:
    source: str = strawberry.field(description="节点标识")
    target: str = strawberry.field(description="节点标识")
    kind: str = strawberry.field(
        description="party 同一当事人 / phone 同一电话 / place 同一地点 / type 同类事项"
    )
    kind_label: str
    weight: float = strawberry.field(description="关联强度 0–1")
    reason: str = strawberry.field(description="关联原因（不含个人信息）")

    @classmethod
    def of(cls, edge: Edge) -> "EventEdgeType":
        return cls(
            source=node_key(*edge.source), target=node_key(*edge.target), kind=edge.kind,
            kind_label=edge.kind_label, weight=edge.weight, reason=edge.reason,
        )  # fmt: skip


@strawberry.type(name="EventGraph", description="事项的关联邻域（仅含本人可查看的事项）")
class EventGraphType:
    nodes: list[EventNodeType]
    edges: list[EventEdgeType]


@strawberry.type(name="EarlyWarning", description="排查预警：近期关联事项集中的村（社区）")
class EarlyWarningType:
    area_code: str = strawberry.field(description="村（社区）区划代码")
    area_name: str
    township_name: str
    item_count: int = strawberry.field(description="时段内关联事项数")
    dispute_count: int
    report_count: int
    general_group_count: int = strawberry.field(description="一般群体性事件（规模 02）数")
    major_group_count: int = strawberry.field(description="重大群体性事件（规模 03）数")
    repeated_party_count: int = strawberry.field(description="重复出现的证件号码或电话数")
    risk_level: str = strawberry.field(description="high / medium / low")
    risk_label: str = strawberry.field(description="高 / 中 / 低")
    reason: str
    first_day: date
    last_day: date

    @classmethod
    def of(cls, w: EarlyWarning) -> "EarlyWarningType":
        c = w.counts
        return cls(
            area_code=f"{w.area_code:012d}", area_name=w.area_name, township_name=w.township_name,
            item_count=c.items, dispute_count=c.disputes, report_count=c.reports,
            general_group_count=c.general_group, major_group_count=c.major_group,
            repeated_party_count=c.repeated, risk_level=w.risk, risk_label=w.risk_label,
            reason=w.reason, first_day=w.first_day, last_day=w.last_day,
        )  # fmt: skip


@strawberry.type(name="RepeatedParty", description="重复出现的当事人或电话（脱敏显示，不含号码）")
class RepeatedPartyType:
    kind: str = strawberry.field(description="id 证件号码 / phone 联系电话")
    kind_label: str
    label: str = strawberry.field(description="脱敏标识，如 138****5678")
    item_count: int
    dispute_count: int
    report_count: int
    first_day: date
    last_day: date
    items: list[EventItemType] = strawberry.field(description="最近的几件事项（本人可查看的）")

    @classmethod
    def of(cls, r: RepeatedParty) -> "RepeatedPartyType":
        return cls(
            kind=r.kind, kind_label=r.kind_label, label=r.label, item_count=r.items,
            dispute_count=r.disputes, report_count=r.reports, first_day=r.first_day,
            last_day=r.last_day, items=[EventItemType.of(item) for item in r.examples],
        )  # fmt: skip
