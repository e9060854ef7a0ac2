from backend.creation.models.progress import ReviewDecision, TaskProgressReport, TaskReview
from backend.creation.models.tasks import (
    DONE_STATUSES,
    CreationTask,
    Dimension,
    Guideline,
    GuidelineLevel,
    TaskCoUnit,
    TaskStatus,
)

__all__ = [
    "DONE_STATUSES",
    "CreationTask",
    "Dimension",
    "Guideline",
    "GuidelineLevel",
    "ReviewDecision",
    "TaskCoUnit",
    "TaskProgressReport",
    "TaskReview",
    "TaskStatus",
]
