from datetime import date

import strawberry


@strawberry.input(description="新建平安村庄考评（自动核验项立即填写）")
class PeaceVillageAssessmentInput:
    area_code: str = strawberry.field(description="村（社区）区划代码")
    period: str = strawberry.field(description="考评周期：2026、2026-H2 或 2026-Q3")


@strawberry.input(description="填写一项人工考评结果")
class PeaceVillageItemInput:
    id: strawberry.ID = strawberry.field(description="考评结果编号（AssessmentItem）")
    passed: bool
    note: str = ""


@strawberry.input(description="审定或退回考评")
class PeaceVillageReviewInput:
    id: strawberry.ID
    remark: str = strawberry.field(default="", description="审定意见；退回时必填")


@strawberry.input(description="成员单位包联村（社区）")
class VillageSponsorInput:
    area_code: str = strawberry.field(description="村（社区）区划代码")
    unit_id: strawberry.ID = strawberry.field(description="成员单位编号")
    start_on: date
    end_on: date | None = None


@strawberry.input(description="结束包联")
class VillageSponsorEndInput:
    id: strawberry.ID
    end_on: date
