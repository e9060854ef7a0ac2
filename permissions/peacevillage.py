"""Who may move a peace-village assessment along: its village's assessors submit a draft (a grant
to change assessments over the village); approving and returning a submitted one is for
county-level reviewers (a grant to change assessments whose scope holds the village's county —
a county centre, the city), not for the township that assessed it."""

from typing import Any

from backend.peacevillage.models import Assessment, AssessmentStatus
from permissions.codenames import Action
from permissions.registry import policy_for

SUBMIT = "submitPeaceVillageAssessment"
APPROVE = "approvePeaceVillageAssessment"
RETURN = "returnPeaceVillageAssessment"


def may_review(user: Any, assessment: Assessment) -> bool:
    county = Assessment(area_id=assessment.area_id - assessment.area_id % 10**6)
    return policy_for(Assessment).may_on(user, Action.CHANGE, county)


def assessment_actions(user: Any, assessment: Assessment) -> list[str]:
    """The mutations the user may call on the assessment now (no SQL once grants are loaded)."""
    if assessment.status == AssessmentStatus.DRAFT:
        may_change = policy_for(Assessment).may_on(user, Action.CHANGE, assessment)
        return [SUBMIT] if may_change else []
    if assessment.status == AssessmentStatus.SUBMITTED and may_review(user, assessment):
        return [APPROVE, RETURN]
    return []
