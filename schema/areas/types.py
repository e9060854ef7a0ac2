import strawberry
import strawberry_django
from strawberry import auto

from backend.areas.models import Area
from schema.base.fields import model_type


@model_type(Area, name="Area", description="行政区划（12 位统计用区划代码）")
class AreaType:
    name: auto
    level: auto
    kind: auto
    path: auto
    parent: "AreaType | None" = strawberry_django.field(description="上级区划；地市级为 null")
    children: list["AreaType"] = strawberry_django.field(description="直接下级区划（按代码排序）")

    @strawberry_django.field(only=["code"], description="12 位统计用区划代码")
    def code(self, root: Area) -> str:
        return f"{root.code:012d}"

    @strawberry_django.field(only=["code"], description="同 code，便于通用客户端按 id 引用")
    def id(self, root: Area) -> strawberry.ID:
        return strawberry.ID(f"{root.code:012d}")
