import strawberry


@strawberry.input(description="新增队伍成员")
class TeamMemberCreateInput:
    name: str
    team_kind: str = strawberry.field(description="队伍：police_station / judicial_office …")
    unit_id: strawberry.ID
    area_code: str = strawberry.field(description="服务区划代码（乡镇或村，12 位）")
    phone: str
    title: str = ""
    is_mediator: bool = False
    specialty_codes: list[str] = strawberry.field(
        default_factory=list, description="擅长纠纷类型（事件类型代码，如 0902）"
    )


@strawberry.input(description="修改队伍成员（只改传入的字段）")
class TeamMemberUpdateInput:
    id: strawberry.ID
    name: str | None = strawberry.UNSET
    team_kind: str | None = strawberry.UNSET
    unit_id: strawberry.ID | None = strawberry.UNSET
    area_code: str | None = strawberry.UNSET
    phone: str | None = strawberry.UNSET
    title: str | None = strawberry.UNSET
    is_mediator: bool | None = strawberry.UNSET
    specialty_codes: list[str] | None = strawberry.UNSET
