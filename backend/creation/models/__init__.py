from backend.creation.models.grants import CreationTaskUnitGrant
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
    "CreationTaskUnitGrant",
    "Dimension",
    "Guideline",
    "GuidelineLevel",
    "ReviewDecision",
    "TaskCoUnit",
    "TaskProgressReport",
    "TaskReview",
    "TaskStatus",
]
