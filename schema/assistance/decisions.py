"""Decisions on a subsidy case: township review → county approval → payment → re-check."""

import strawberry
import strawberry_django
from strawberry.types import Info

from backend.assistance.models import SubsidyCase, SubsidyDecision
from backend.assistance.services import (
    case_end,
    case_recheck,
    case_suspend,
    county_approve,
    payment_start,
    township_review,
)
from permissions.codenames import Action
from schema.assistance.acting import acting_unit
from schema.assistance.inputs import (
    ApproveSubsidyCaseInput,
    RecheckSubsidyCaseInput,
    ReviewSubsidyCaseInput,
    SubsidyCaseReasonInput,
)
from schema.assistance.types import SubsidyCaseType
from schema.base.context import user_of
from schema.base.inputs import IdInput
from schema.base.loading import load


@strawberry.type
class SubsidyDecisionMutation:
    @strawberry_django.mutation(handle_django_errors=True, description="乡镇审核（通过或不通过）")
    def review_subsidy_case(self, info: Info, data: ReviewSubsidyCaseInput) -> SubsidyCaseType:
        case = load(info, SubsidyCase, data.id, Action.CHANGE)
        return township_review(  # type: ignore[return-value]
            case=case,
            actor=user_of(info),
            unit=acting_unit(info, case, "township"),
            decision=data.decision,
            opinion=data.opinion,
        )

    @strawberry_django.mutation(handle_django_errors=True, description="县级审批通过")
    def approve_subsidy_case(self, info: Info, data: ApproveSubsidyCaseInput) -> SubsidyCaseType:
        case = load(info, SubsidyCase, data.id, Action.CHANGE)
        return county_approve(  # type: ignore[return-value]
            case=case,
            actor=user_of(info),
            unit=acting_unit(info, case, "county"),
            decision=SubsidyDecision.PASS,
            opinion=data.opinion,
            monthly_amount=data.monthly_amount,
            recheck_on=data.recheck_on,
        )

    @strawberry_django.mutation(handle_django_errors=True, description="县级审批不通过（驳回）")
    def reject_subsidy_case(self, info: Info, data: SubsidyCaseReasonInput) -> SubsidyCaseType:
        case = load(info, SubsidyCase, data.id, Action.CHANGE)
        return county_approve(  # type: ignore[return-value]
            case=case,
            actor=user_of(info),
            unit=acting_unit(info, case, "county"),
            decision=SubsidyDecision.REJECT,
            opinion=data.reason,
        )

    @strawberry_django.mutation(handle_django_errors=True, description="开始发放救助金")
    def start_subsidy_payment(self, info: Info, data: IdInput) -> SubsidyCaseType:
        case = load(info, SubsidyCase, data.id, Action.CHANGE)
        return payment_start(case=case, actor=user_of(info))  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="定期复核")
    def recheck_subsidy_case(self, info: Info, data: RecheckSubsidyCaseInput) -> SubsidyCaseType:
        case = load(info, SubsidyCase, data.id, Action.CHANGE)
        return case_recheck(  # type: ignore[return-value]
            case=case,
            actor=user_of(info),
            unit=acting_unit(info, case, "any"),
            outcome=data.outcome,
            opinion=data.opinion,
            recheck_on=data.recheck_on,
            monthly_amount=data.monthly_amount,
        )

    @strawberry_django.mutation(handle_django_errors=True, description="暂停发放")
    def suspend_subsidy_case(self, info: Info, data: SubsidyCaseReasonInput) -> SubsidyCaseType:
        case = load(info, SubsidyCase, data.id, Action.CHANGE)
        unit = acting_unit(info, case, "any")
        return case_suspend(case=case, actor=user_of(info), unit=unit, reason=data.reason)  # type: ignore[return-value]

    @strawberry_django.mutation(handle_django_errors=True, description="终止救助")
    def end_subsidy_case(self, info: Info, data: SubsidyCaseReasonInput) -> SubsidyCaseType:
        case = load(info, SubsidyCase, data.id, Action.CHANGE)
        unit = acting_unit(info, case, "any")
        return case_end(case=case, actor=user_of(info), unit=unit, reason=data.reason)  # type: ignore[return-value]
