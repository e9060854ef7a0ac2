import strawberry


@strawberry.input(description="新增单位")
class UnitCreateInput:
    code: str = strawberry.field(description="单位编码（全市唯一）")
    name: str
    kind: str = strawberry.field(description="单位类别：member_unit / governance_centre …")
    area_code: str = strawberry.field(description="管辖区划代码（12 位）")
    short_name: str = ""
    parent_id: strawberry.ID | None = None


@strawberry.input(description="修改单位（只改传入的字段；停用请用 deleteUnit）")
class UnitUpdateInput:
    id: strawberry.ID
    name: str | None = strawberry.UNSET
    short_name: str | None = strawberry.UNSET
    kind: str | None = strawberry.UNSET
    area_code: str | None = strawberry.UNSET
    parent_id: strawberry.ID | None = strawberry.UNSET


@strawberry.input(description="授予角色：不能超出授权人本人的角色和范围")
class GrantMembershipInput:
    username: str
    role: str = strawberry.field(description="角色代码，如 township_centre")
    scope_code: str = strawberry.field(description="授权范围的区划代码（12 位）")
    unit_id: strawberry.ID | None = strawberry.field(default=None, description="代表的单位")
