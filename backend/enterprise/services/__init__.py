"""Writes of 企业家直通车. Every service validates first and writes nothing on error."""

from backend.enterprise.services.enterprises import (
    enterprise_delete,
    enterprise_register,
    enterprise_update,
)
from backend.enterprise.services.problems import (
    problem_accept,
    problem_answer,
    problem_assign_leader,
    problem_dispatch,
    problem_rate,
    problem_submit,
    problem_supervision_raise,
)

__all__ = [
    "enterprise_delete",
    "enterprise_register",
    "enterprise_update",
    "problem_accept",
    "problem_answer",
    "problem_assign_leader",
    "problem_dispatch",
    "problem_rate",
    "problem_submit",
    "problem_supervision_raise",
]
