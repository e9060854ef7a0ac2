from backend.reports.models.catalogue import DispatchRule, LimitClass, ReportCategory
from backend.reports.models.grants import ReportUnitGrant
from backend.reports.models.report import Report, ReportSource, ReportStatus
from backend.reports.models.steps import DispatchStep, ReportEvaluation, Satisfaction, StepAction

__all__ = [
    "DispatchRule",
    "DispatchStep",
    "LimitClass",
    "Report",
    "ReportCategory",
    "ReportEvaluation",
    "ReportSource",
    "ReportStatus",
    "ReportUnitGrant",
    "Satisfaction",
    "StepAction",
]
