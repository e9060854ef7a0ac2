"""法律智能推荐: provisions and similar resolved disputes for a dispute or a free-text description,
and mediators' useful / not useful marks."""

import strawberry
import strawberry_django
from django.core.exceptions import ValidationError
from strawberry.types import Info

from backend.disputes.models import Dispute
from backend.legal.selectors import provisions_for_text, recommendation_for_dispute
from backend.legal.services import recommendation_mark
from permissions.codenames import Action
from permissions.policy import NotFound
from permissions.registry import policy_for
from schema.base.context import user_of
from schema.base.loading import load
from schema.legal.types import (
    LegalProvisionType,
    LegalRecommendationType,
    RecommendationMarkType,
    provision_type,
    recommendation_type,
)

MAX_TEXT = 2000  # characters of a free-text description that are read


@strawberry.type
class LegalQuery:
    @strawberry.field(
        description="一条矛盾纠纷的法律智能推荐：相关法条及相似的已化解纠纷（仅限本人可查看的纠纷）；"
        "纠纷不存在或无权查看时为 null"
    )
    def legal_recommendations(
        self, info: Info, dispute_id: strawberry.ID, limit: int = 5
    ) -> LegalRecommendationType | None:
        try:
            dispute = load(info, Dispute, dispute_id, field="dispute_id")
        except (NotFound, ValidationError):
            return None
        user = user_of(info)
        visible = policy_for(Dispute).visible(user)
        found = recommendation_for_dispute(dispute=dispute, visible=visible, user=user, limit=limit)
        return recommendation_type(found)

    @strawberry.field(
        description="按一段纠纷描述推荐法条（可附事件类型代码，如 0902）；无权查看矛盾纠纷时为空列表"
    )
    def recommend_provisions(
        self, info: Info, text: str, type_code: str | None = None, limit: int = 5
    ) -> list[LegalProvisionType]:
        if not policy_for(Dispute).may(user_of(info), Action.VIEW):
            return []
        found = provisions_for_text(text=text[:MAX_TEXT], type_code=type_code, limit=limit)
        return [provision_type(item) for item in found]


@strawberry.type
class LegalMutation:
    @strawberry_django.mutation(
        handle_django_errors=True, description="标记推荐的法条对该纠纷有用或无用（再次标记即更改）"
    )
    def mark_recommendation(
        self, info: Info, dispute_id: strawberry.ID, provision_key: str, useful: bool
    ) -> RecommendationMarkType:
        dispute = load(info, Dispute, dispute_id, field="dispute_id")
        mark = recommendation_mark(
            dispute=dispute, provision_key=provision_key, useful=useful, actor=user_of(info)
        )
        return RecommendationMarkType(
            dispute_id=strawberry.ID(str(dispute.pk)),
            provision_key=mark.provision_key,
            useful=mark.useful,
            marked_at=mark.marked_at,
        )
