"""The report workflow (派单 → 签收 → 反馈 → 核查 → 办结 …): each mutation loads the report the
user can see and makes one service call; the workflow engine decides who may fire what, and acts
for the user's unit that holds the report. A refusal for lack of rights reads as "not found"."""

from typing import cast

import strawberry
import strawberry_django
from django.core.files.uploadedfile import UploadedFile
from strawberry.types import Info

from backend.reports.models import Report
from backend.reports.services import (
    report_approve_extension,
    report_close,
    report_dispatch,
    report_evaluate,
    report_feedback,
    report_request_extension,
    report_return,
    report_send_back,
    report_sign,
    report_supervision_raise,
    report_transfer,
    report_verify,
)
from schema.base.context import user_of
from schema.base.inputs import IdInput
from schema.base.loading import load, load_target_unit
from schema.reports.inputs import (
    ApproveReportExtensionInput,
    DispatchReportInput,
    EvaluateReportInput,
    ReportNoteInput,
    ReportReasonInput,
    RequestReportExtensionInput,
    SubmitReportFeedbackInput,
    SuperviseReportInput,
    TransferReportInput,
)
from schema.reports.types import ReportType


def _visible(info: Info, value: object) -> Report:
    return load(info, Report, value)  # type: ignore[return-value]


def mutation(description: str):  # type: ignore[no-untyped-def]
    return strawberry_django.mutation(handle_django_errors=True, description=description)


@strawberry.type
class ReportWorkflowMutation:
    @mutation("派单（缺省按派单目录确定承办单位）")
    def dispatch_report(self, info: Info, data: DispatchReportInput) -> ReportType:
        report = _visible(info, data.id)
        unit = load_target_unit(info, data.unit_id, "unit_id") if data.unit_id else None
        return report_dispatch(report=report, unit=unit, actor=user_of(info))  # type: ignore[return-value]

    @mutation("签收（本单位承办的事项）")
    def sign_report(self, info: Info, data: IdInput) -> ReportType:
        report = _visible(info, data.id)
        return report_sign(report=report, actor=user_of(info))  # type: ignore[return-value]

    @mutation("回退派错的事项给派单的综治中心")
    def return_report(self, info: Info, data: ReportReasonInput) -> ReportType:
        report = _visible(info, data.id)
        return report_return(report=report, actor=user_of(info), reason=data.reason)  # type: ignore[return-value]

    @mutation("转派给其他单位")
    def transfer_report(self, info: Info, data: TransferReportInput) -> ReportType:
        report = _visible(info, data.id)
        to_unit = load_target_unit(info, data.to_unit_id, "to_unit_id")
        return report_transfer(  # type: ignore[return-value]
            report=report, to_unit=to_unit, actor=user_of(info), reason=data.reason
        )

    @mutation("申请延期")
    def request_report_extension(self, info: Info, data: RequestReportExtensionInput) -> ReportType:
        report = _visible(info, data.id)
        step = report_request_extension(
            report=report, actor=user_of(info), until=data.until, reason=data.reason
        )
        return step.report  # type: ignore[return-value]

    @mutation("审批延期申请")
    def approve_report_extension(self, info: Info, data: ApproveReportExtensionInput) -> ReportType:
        report = _visible(info, data.id)
        return report_approve_extension(  # type: ignore[return-value]
            report=report, actor=user_of(info), approved=data.approved, reason=data.reason
        )

    @mutation("反馈办理结果（可附佐证材料）")
    def submit_report_feedback(self, info: Info, data: SubmitReportFeedbackInput) -> ReportType:
        report = _visible(info, data.id)
        step = report_feedback(
            report=report,
            actor=user_of(info),
            content=data.content,
            files=cast(list[UploadedFile], data.files or []),
        )
        return step.report  # type: ignore[return-value]

    @mutation("核查通过")
    def verify_report(self, info: Info, data: ReportNoteInput) -> ReportType:
        report = _visible(info, data.id)
        return report_verify(report=report, actor=user_of(info), note=data.note)  # type: ignore[return-value]

    @mutation("退回重办")
    def send_back_report(self, info: Info, data: ReportReasonInput) -> ReportType:
        report = _visible(info, data.id)
        return report_send_back(report=report, actor=user_of(info), reason=data.reason)  # type: ignore[return-value]

    @mutation("办结")
    def close_report(self, info: Info, data: ReportNoteInput) -> ReportType:
        report = _visible(info, data.id)
        return report_close(report=report, actor=user_of(info), note=data.note)  # type: ignore[return-value]

    @mutation("评价（反映人评价本人的事项，或工作人员代录）")
    def evaluate_report(self, info: Info, data: EvaluateReportInput) -> ReportType:
        report = _visible(info, data.id)
        evaluation = report_evaluate(
            report=report,
            solved=data.solved,
            satisfaction=data.satisfaction,
            comment=data.comment,
            by=user_of(info),
        )
        return evaluation.report  # type: ignore[return-value]

    @mutation("督办（级别只能提高）")
    def supervise_report(self, info: Info, data: SuperviseReportInput) -> ReportType:
        report = _visible(info, data.id)
        return report_supervision_raise(  # type: ignore[return-value]
            report=report,
            level=data.level,
            reason=data.reason,
            measure=data.measure or "",
            actor=user_of(info),
        )
