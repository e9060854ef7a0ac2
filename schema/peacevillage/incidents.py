"""案（事）件登记 through the API: the township and county centres record the incidents of their
villages; everyone reads them within scope. The check 无重大刑事案件 of the peace-village
assessment is answered from them."""

import strawberry
import strawberry_django
from strawberry.types import Info

from backend.peacevillage.models import Incident
from backend.peacevillage.services import incident_delete, incident_record, incident_update
from permissions.codenames import Action
from schema.areas.lookup import area_by_code
from schema.base.context import user_of
from schema.base.inputs import IdInput, changes_of
from schema.base.kept import offset_paginated
from schema.base.loading import deleted, load, load_or_none, require
from schema.base.pages import OffsetPaginated
from schema.peacevillage.incident_types import (
    IncidentCreateInput,
    IncidentFilter,
    IncidentOrder,
    IncidentType,
    IncidentUpdateInput,
    coded,
)


@strawberry.type
class IncidentQuery:
    incidents: OffsetPaginated[IncidentType] = offset_paginated(
        filters=IncidentFilter,
        ordering=IncidentOrder,
        description="案（事）件登记列表（仅本人权限范围内）",
    )

    @strawberry_django.field(description="一条案（事）件登记；不存在或无权查看时为 null")
    def incident(self, info: Info, id: strawberry.ID) -> IncidentType | None:
        return load_or_none(info, Incident, id)  # type: ignore[return-value]


def mutation(description: str):  # type: ignore[no-untyped-def]
    return strawberry_django.mutation(handle_django_errors=True, description=description)


@strawberry.type
class IncidentMutation:
    @mutation("登记案（事）件")
    def create_incident(self, info: Info, data: IncidentCreateInput) -> IncidentType:
        values = coded({k: v for k, v in vars(data).items() if k != "area_code"})
        values["area"] = area_by_code(data.area_code)
        require(info, Action.ADD, Incident(area=values["area"]))
        return incident_record(actor=user_of(info), **values)  # type: ignore[return-value]

    @mutation("修改案（事）件登记")
    def update_incident(self, info: Info, data: IncidentUpdateInput) -> IncidentType:
        incident = load(info, Incident, data.id, Action.CHANGE)
        return incident_update(incident=incident, data=coded(changes_of(data)))  # type: ignore[return-value]

    @mutation("删除案（事）件登记")
    def delete_incident(self, info: Info, data: IdInput) -> IncidentType:
        incident = load(info, Incident, data.id, Action.DELETE)
        return deleted(incident, lambda row: incident_delete(incident=row))  # type: ignore[return-value]
