"""One enterprise problem's life up to the demo anchor: 包联领导 → 交办 → 办理 → 答复 → 评价
(occasionally 不满意 → 重新办理), with 督办 when the answer runs late."""

import contextlib
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from backend.accounts.models import User
from backend.enterprise.demo import texts
from backend.enterprise.models import (
    EnterpriseProblem,
    ProblemAssignment,
    ProblemSatisfaction,
    ProblemStatus,
)
from backend.org.models import Unit

D = timedelta(days=1)
TIME_LIMIT = 15 * D
ESCALATION = ((1, "ordinary"), (5, "yellow"), (12, "red"))


class _NotYet(Exception):
    """The next event lies after the anchor."""


@dataclass
class Life:
    problem: EnterpriseProblem
    rng: random.Random
    anchor: datetime
    leader: User | None
    units: list[Unit]
    assignments: list[ProblemAssignment] = field(default_factory=list)
    answered: datetime | None = None  # the first answer: 督办 is about its lateness

    def run(self) -> None:
        with contextlib.suppress(_NotYet):
            self._events()
        self._supervise()

    def _at(self, when: datetime) -> datetime:
        if when > self.anchor:
            raise _NotYet
        return when

    def _days(self, low: float, high: float) -> timedelta:
        return D * self.rng.uniform(low, high)

    def _events(self) -> None:
        p, t = self.problem, self.problem.submitted_at
        if self.leader is None:
            return
        t = self._at(t + self._days(0.3, 3))
        p.leader_id, p.status = self.leader.pk, ProblemStatus.LEADER_ASSIGNED
        t = self._at(t + self._days(0.3, 2))
        self._dispatch(t)
        t = self._at(t + self._days(0.2, 2))
        p.status = ProblemStatus.HANDLING
        late = self.rng.random() < 0.15
        assert p.deadline is not None  # set by _dispatch
        t = p.deadline + self._days(1, 20) if late else t + (p.deadline - t) * self.rng.random()
        self._answer(t)
        t = self._at(t + self._days(1, 5))
        if self.rng.random() < 0.07:
            self._rate(t, ProblemSatisfaction.DISSATISFIED, "答复未解决实际困难")
            t = t + self._days(5, 15)
            self._answer(t)
            t = self._at(t + self._days(1, 4))
        self._rate(t, ProblemSatisfaction.SATISFIED, "问题解决及时，感谢政府")

    def _dispatch(self, t: datetime) -> None:
        p = self.problem
        p.deadline, p.status = t + TIME_LIMIT, ProblemStatus.DISPATCHED
        self.assignments = [
            ProblemAssignment(
                problem=p,
                unit_id=unit.pk,
                dispatched_at=t,
                dispatched_by_id=self.leader.pk if self.leader else None,
            )
            for unit in self.units
        ]

    def _answer(self, t: datetime) -> None:
        p = self.problem
        self._at(t)
        self.answered = self.answered or t
        p.answer, p.policy_basis = texts.ANSWERS[p.category]
        p.status, p.answered_at = ProblemStatus.ANSWERED, t
        for assignment in self.assignments:
            assignment.answered_at = t

    def _rate(self, t: datetime, satisfaction: str, comment: str) -> None:
        p = self.problem
        p.satisfaction, p.satisfaction_comment = satisfaction, comment
        if satisfaction == ProblemSatisfaction.SATISFIED:
            p.status, p.closed_at = ProblemStatus.CLOSED, t
        else:
            p.status = ProblemStatus.REOPENED
            for assignment in self.assignments:
                assignment.answered_at = None

    def _supervise(self) -> None:
        p = self.problem
        if p.deadline is None:
            return
        until = min(self.answered or self.anchor, self.anchor)
        for days, level in ESCALATION:
            if p.deadline + days * D < until:
                p.supervision_level, p.supervision_reason = level, "超期未答复"
