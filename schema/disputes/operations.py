"""Disputes: list, detail, create / update / delete; the mediation workflow is in workflow.py."""

from typing import Any

import strawberry
import strawberry_django
from strawberry.types import Info

from backend.codes.models import Table
from backend.disputes.models import Dispute
from backend.disputes.services import dispute_delete, dispute_register, dispute_update
from backend.org.models import Unit
from permissions.codenames import Action
from schema.areas.lookup import area_by_code
from schema.base.context import parse_id, user_of
from schema.base.inputs import IdInput, changes_of
from schema.base.kept import offset_paginated
from schema.base.loading import load, load_or_none, require
from schema.base.pages import OffsetPaginated
from schema.codes.lookup import code_by
from schema.disputes.filters import DisputeFilter, DisputeOrder
from schema.disputes.inputs import DisputeCreateInput, DisputeUpdateInput
from schema.disputes.types import DisputeType
from schema.disputes.workflow import DisputeWorkflowMutation


@strawberry.type
class DisputeQuery:
    disputes: OffsetPaginated[DisputeType] = offset_paginated(
        filters=DisputeFilter, ordering=DisputeOrder, description="矛盾纠纷列表（仅本人权限范围内）"
    )

    @strawberry_django.field(description="一条矛盾纠纷；不存在或无权查看时为 null")
    def dispute(self, info: Info, id: strawberry.ID) -> DisputeType | None:
        return load_or_none(info, Dispute, id)  # type: ignore[return-value]


@strawberry.type
class DisputeMutation(DisputeWorkflowMutation):
    @strawberry_django.mutation(handle_django_errors=True, description="登记矛盾纠纷")
    def create_dispute(self, info: Info, data: DisputeCreateInput) -> DisputeType:
        fields = _record_fields(info, data)
        require(info, Action.ADD, Dispute(area=fields["area"]))
        parties = [
            {k: v for k, v in vars(party).items() if v is not None} for party in data.parties
        ]
        return dispute_register(
            parties=parties, actor=user_of(info), registered_on=data.registered_on, **fields
        )  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="修改矛盾纠纷")
    def update_dispute(self, info: Info, data: DisputeUpdateInput) -> DisputeType:
        dispute = load(info, Dispute, data.id, Action.CHANGE)
        changes = changes_of(data)
        if "handling_unit_id" in changes:
            changes["handling_unit"] = load(
                info, Unit, changes.pop("handling_unit_id"), field="handling_unit_id"
            )
        return dispute_update(dispute=dispute, data=changes, actor=user_of(info))  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="删除误登记的矛盾纠纷")
    def delete_dispute(self, info: Info, data: IdInput) -> DisputeType:
        dispute = load(info, Dispute, data.id, Action.DELETE)
        dispute_delete(dispute=dispute, actor=user_of(info))
        dispute.pk = parse_id(data.id)  # the deleted record is returned as it was
        return dispute  # type: ignore[return-value]


def _record_fields(info: Info, data: DisputeCreateInput) -> dict[str, Any]:
    skip = {"area_code", "scale_code", "type_code", "handling_unit_id", "parties", "registered_on"}
    fields = {k: v for k, v in vars(data).items() if k not in skip and v is not None}
    fields["area"] = area_by_code(data.area_code)
    fields["scale"] = code_by(Table.EVENT_SCALE, data.scale_code, "scale_code")
    fields["type"] = code_by(Table.EVENT_TYPE, data.type_code, "type_code")
    fields["handling_unit"] = load(info, Unit, data.handling_unit_id, field="handling_unit_id")
    return fields
