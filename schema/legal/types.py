from datetime import datetime

import strawberry

from backend.legal.recommend import ScoredProvision
from backend.legal.selectors import Recommendation
from backend.legal.similar import SimilarDispute


@strawberry.type(name="LegalProvision", description="推荐的法律条文（按相关度排序）")
class LegalProvisionType:
    key: str = strawberry.field(description="法条标识，如 civil_code:1079（标记有用 / 无用时使用）")
    law: str = strawberry.field(description="法律名称，如 中华人民共和国民法典")
    short_law: str = strawberry.field(description="法律简称，如 民法典")
    article_label: str = strawberry.field(description="条号，如 第一千零七十九条")
    chapter: str = strawberry.field(description="编章，如 婚姻家庭编·离婚")
    text: str = strawberry.field(description="条文全文")
    score: float = strawberry.field(description="相关度得分（BM25F × 类型先验 × 反馈系数）")
    feedback: bool | None = strawberry.field(
        description="本人对该纠纷的标记：有用 / 无用；未标记为 null"
    )


@strawberry.type(name="SimilarDispute", description="相似的已化解纠纷（不含当事人个人信息）")
class SimilarDisputeType:
    id: strawberry.ID
    number: str = strawberry.field(description="纠纷编号")
    title: str = strawberry.field(description="事件名称（姓名已隐去）")
    excerpt: str = strawberry.field(description="事件简述摘录（姓名、号码已隐去）")
    outcome: str = strawberry.field(description="化解情况摘录（姓名、号码已隐去）")
    score: float = strawberry.field(description="相似度得分（BM25）")


@strawberry.type(name="LegalRecommendation", description="法律智能推荐：相关法条与相似案例")
class LegalRecommendationType:
    provisions: list[LegalProvisionType]
    similar_disputes: list[SimilarDisputeType]


@strawberry.type(name="RecommendationMark", description="对推荐法条的标记")
class RecommendationMarkType:
    dispute_id: strawberry.ID
    provision_key: str
    useful: bool
    marked_at: datetime


def provision_type(item: ScoredProvision, mark: bool | None = None) -> LegalProvisionType:
    p = item.provision
    return LegalProvisionType(
        key=p.key,
        law=p.law,
        short_law=p.short,
        article_label=p.label,
        chapter=p.chapter,
        text=p.text,
        score=round(item.score, 4),
        feedback=mark,
    )


def similar_type(item: SimilarDispute) -> SimilarDisputeType:
    return SimilarDisputeType(
        id=strawberry.ID(str(item.id)),
        number=item.number,
        title=item.title,
        excerpt=item.excerpt,
        outcome=item.outcome,
        score=item.score,
    )


def recommendation_type(rec: Recommendation) -> LegalRecommendationType:
    return LegalRecommendationType(
        provisions=[provision_type(p, rec.marks.get(p.provision.key)) for p in rec.provisions],
        similar_disputes=[similar_type(s) for s in rec.similar],
    )
