import strawberry


@strawberry.type(name="ResourceChoice", description="字段的一个可选值")
class ChoiceType:
    value: str
    label: str


@strawberry.type(name="ResourceField", description="实体的一个字段")
class FieldType:
    name: str = strawberry.field(description="字段名（与 GraphQL 类型中的一致）")
    type: str = strawberry.field(description="GraphQL 类型，如 String!、[Unit!]!")
    label_zh: str
    label_en: str
    required: bool = strawberry.field(description="填写表单时必填")
    choices: list[ChoiceType]
    sensitive: bool = strawberry.field(description="个人敏感信息：无权限时脱敏显示")
    reference: str | None = strawberry.field(description="关联的实体类型名，如 Unit")
    many: bool = strawberry.field(description="是否为列表（一对多、多对多）")


@strawberry.type(name="ResourceFilter", description="列表查询的一个筛选条件")
class FilterType:
    name: str
    type: str
    label: str


@strawberry.type(name="ResourceAction", description="实体的一个业务流程操作（mutation）")
class ActionType:
    name: str
    label: str


@strawberry.type(
    name="ResourcePermissions", description="当前用户对该实体的权限（是否至少能对部分记录操作）"
)
class PermissionsType:
    view: bool
    add: bool
    change: bool
    delete: bool


@strawberry.type(name="Resource", description="低代码门户的实体描述")
class ResourceType:
    name: str = strawberry.field(description="GraphQL 类型名，如 Dispute")
    model: str = strawberry.field(description="后端模型，如 disputes.dispute")
    label_zh: str
    label_en: str
    list_query: str | None
    detail_query: str | None
    create_mutation: str | None
    update_mutation: str | None
    delete_mutation: str | None
    fields: list[FieldType]
    list_columns: list[str]
    filters: list[FilterType]
    sortable: list[str] = strawberry.field(description="可排序的字段")
    actions: list[ActionType] = strawberry.field(description="业务流程操作（办理时仍逐条校验权限）")
    permissions: PermissionsType
