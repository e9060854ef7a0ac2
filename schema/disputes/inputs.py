from datetime import date
from decimal import Decimal

import strawberry


@strawberry.input(description="当事人")
class PartyInput:
    role: str
    name: str
    id_type: str | None = None
    id_number: str | None = None
    sex: str | None = None
    ethnicity: str | None = strawberry.field(default=None, description="缺省为汉族")
    education: str | None = None
    phone: str | None = None
    address: str | None = None
    is_main_party: bool | None = None


@strawberry.input(description="登记矛盾纠纷")
class DisputeCreateInput:
    title: str
    occurred_on: date
    area_code: str = strawberry.field(description="发生地区划代码（乡镇或村，12 位）")
    address: str
    scale_code: str = strawberry.field(description="事件规模代码：01 / 02 / 03")
    type_code: str = strawberry.field(description="事件类型代码（GB/T 31000，如 0902）")
    people_count: int
    summary: str
    source: str
    handling_unit_id: strawberry.ID
    responsible_name: str
    responsible_phone: str
    parties: list[PartyInput]
    method: str | None = None
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    deadline: date | None = None
    registered_on: date | None = None


@strawberry.input(description="修改矛盾纠纷（只改传入的字段）")
class DisputeUpdateInput:
    id: strawberry.ID
    title: str | None = strawberry.UNSET
    occurred_on: date | None = strawberry.UNSET
    address: str | None = strawberry.UNSET
    people_count: int | None = strawberry.UNSET
    summary: str | None = strawberry.UNSET
    handling_unit_id: strawberry.ID | None = strawberry.UNSET
    deadline: date | None = strawberry.UNSET
    method: str | None = strawberry.UNSET
    responsible_name: str | None = strawberry.UNSET
    responsible_phone: str | None = strawberry.UNSET


@strawberry.input(description="指派调解员")
class AssignMediatorsInput:
    id: strawberry.ID
    member_ids: list[strawberry.ID]
