"""Simulates one report's life (受理 → 派单 → 签收 → 反馈 → 核查 → 办结 → 评价, with occasional
回退, 转派, 延期, 退回重办 and 督办) up to the demo's anchor, producing the report's final fields and
its step rows. Events after the anchor have not happened yet, which gives the status mix."""

import contextlib
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from backend.accounts.models import User
from backend.org.models import Unit
from backend.reports.demo import texts
from backend.reports.models import (
    DispatchStep,
    Report,
    ReportEvaluation,
    ReportStatus,
    Satisfaction,
    StepAction,
)

H, D = timedelta(hours=1), timedelta(days=1)
# (days after the deadline without feedback, level) — 督办 escalates while an item stays overdue.
ESCALATION = ((1, "ordinary"), (4, "yellow"), (10, "red"))
SUPERVISION_NOTES = {"ordinary": "一般督办", "yellow": "黄牌督办", "red": "红牌督办"}


class _NotYet(Exception):
    """The next event lies after the anchor."""


@dataclass
class Actors:
    centre: User | None
    handler: User | None
    resident: User | None


@dataclass
class Chain:
    report: Report
    rng: random.Random
    anchor: datetime
    actors: Actors
    limit: timedelta
    steps: list[DispatchStep] = field(default_factory=list)
    evaluation: ReportEvaluation | None = None
    holding: DispatchStep | None = None
    first_feedback: datetime | None = None
    centre: Unit | None = None  # the governance centre that dispatched the item
    handler_unit: Unit | None = None  # the unit whose feedback is being judged
    assigned: Unit | None = None  # the unit the item was last dispatched or transferred to

    def step(self, at: datetime, action: str, **values) -> DispatchStep:
        if at > self.anchor:
            raise _NotYet
        for name in ("from_unit", "to_unit", "actor"):  # ids: far cheaper than related objects
            if name in values:
                related = values.pop(name)
                values[f"{name}_id"] = related.pk if related is not None else None
        row = DispatchStep(report=self.report, action=action, entered_at=at, **values)
        if action not in (StepAction.DISPATCH, StepAction.TRANSFER, StepAction.REDO):
            row.finished_at = values.get("finished_at", at)
        self.steps.append(row)
        return row

    def release(self, at: datetime) -> None:
        if self.holding is not None:
            self.holding.finished_at = at
            self.holding = None

    def dispatch(self, at: datetime, unit: Unit) -> None:
        centre = self.report.current_unit
        deadline = at + self.limit
        self.holding = self.step(
            at,
            StepAction.DISPATCH,
            from_unit=centre,
            to_unit=unit,
            actor=self.actors.centre,
            deadline=deadline,
        )
        self.centre = centre
        r = self.report
        r.status, r.current_unit, r.deadline = ReportStatus.DISPATCHED, unit, deadline
        self.assigned = unit

    def sign(self, at: datetime) -> None:
        unit = self.report.current_unit
        self.step(at, StepAction.SIGN, from_unit=unit, to_unit=unit, actor=self.actors.handler)
        assert self.holding is not None  # dispatch or transfer left the item with the unit
        self.holding.signed_at = at
        self.report.status = ReportStatus.SIGNED

    def hand_back(self, at: datetime, action: str, status: str, **values) -> DispatchStep:
        unit = self.report.current_unit
        row = self.step(
            at, action, from_unit=unit, to_unit=self.centre, actor=self.actors.handler, **values
        )
        self.release(at)
        self.report.status, self.report.current_unit = status, self.centre
        return row

    def transfer(self, at: datetime, unit: Unit, reason: str) -> None:
        old = self.report.current_unit
        row = self.step(
            at,
            StepAction.TRANSFER,
            from_unit=old,
            to_unit=unit,
            reason=reason,
            actor=self.actors.handler,
            deadline=self.report.deadline,
        )
        self.release(at)
        self.holding = row
        self.report.status, self.report.current_unit = ReportStatus.DISPATCHED, unit
        self.assigned = unit

    def extend(self, at: datetime, decided: datetime, until: datetime, reason: str) -> None:
        unit = self.report.current_unit
        self.step(
            at,
            StepAction.EXTEND,
            from_unit=unit,
            to_unit=self.centre,
            deadline=until,
            reason=reason,
            actor=self.actors.handler,
            finished_at=decided,
        )
        self.step(
            decided,
            StepAction.EXTEND_APPROVE,
            from_unit=self.centre,
            to_unit=unit,
            deadline=until,
            note="同意延期",
            actor=self.actors.centre,
        )
        assert self.holding is not None  # extended while the unit holds the item
        self.report.deadline = self.holding.deadline = until

    def feedback(self, at: datetime) -> None:
        self.first_feedback = self.first_feedback or at
        note = self.rng.choice(texts.results_for(self.report.category.code))
        self.handler_unit = self.report.current_unit
        self.hand_back(at, StepAction.FEEDBACK, ReportStatus.FED_BACK, note=note)

    def redo(self, at: datetime) -> None:
        reason = self.rng.choice(texts.REDO_REASONS)
        self.holding = self.step(
            at,
            StepAction.REDO,
            from_unit=self.centre,
            signed_at=at,
            to_unit=self.handler_unit,
            reason=reason,
            actor=self.actors.centre,
            deadline=self.report.deadline,
        )
        self.report.status, self.report.current_unit = ReportStatus.HANDLING, self.handler_unit

    def centre_step(self, at: datetime, action: str, status: str, note: str = "") -> None:
        self.step(at, action, from_unit=self.centre, actor=self.actors.centre, note=note)
        self.report.status = status
        if status == ReportStatus.CLOSED:
            self.report.closed_at = at

    def evaluate(self, at: datetime) -> None:
        solved = self.rng.random() < 0.95
        roll = self.rng.random()
        level = (
            (
                Satisfaction.SATISFIED
                if roll < 0.82
                else Satisfaction.BASICALLY
                if roll < 0.96
                else Satisfaction.DISSATISFIED
            )
            if solved
            else (Satisfaction.DISSATISFIED if roll < 0.7 else Satisfaction.BASICALLY)
        )
        self.step(
            at,
            StepAction.REVISIT,
            actor=self.actors.resident,
            note=f"{'已解决' if solved else '未解决'}，{level.label}",
        )
        self.evaluation = ReportEvaluation(
            report=self.report,
            solved=solved,
            satisfaction=level,
            evaluated_at=at,
            comment=self.rng.choice(texts.COMMENTS[level.value]),
            by_id=_pk(self.actors.resident),
        )

    def supervise(self) -> None:
        """督办 the days an item spent overdue without feedback (up to the anchor)."""
        if self.report.deadline is None:
            return
        until = min(self.first_feedback or self.anchor, self.anchor)
        for days, level in ESCALATION:
            at = self.report.deadline + days * D
            if at < until:
                self.steps.append(
                    DispatchStep(
                        report=self.report,
                        action=StepAction.SUPERVISE,
                        entered_at=at,
                        finished_at=at,
                        to_unit_id=_pk(self.assigned),
                        reason="超期未反馈",
                        note=SUPERVISION_NOTES[level],
                        actor_id=_pk(self.actors.centre),
                    )
                )
                self.report.supervision_level = level


def _pk(instance) -> int | None:
    return instance.pk if instance is not None else None


def uniform(rng: random.Random, low: timedelta, high: timedelta) -> timedelta:
    return low + (high - low) * rng.random()


def simulate(chain: Chain, unit: Unit, wrong_unit: Unit, other_unit: Unit) -> None:
    with contextlib.suppress(_NotYet):
        _life(chain, chain.rng, unit, wrong_unit, other_unit)
    chain.supervise()


def _life(c: Chain, rng: random.Random, unit: Unit, wrong: Unit, other: Unit) -> None:
    r = c.report
    c.step(r.registered_at, StepAction.REGISTER, to_unit=r.current_unit, actor=c.actors.centre)
    t = r.registered_at + uniform(rng, H / 6, 3 * H)
    if rng.random() < 0.03:
        c.dispatch(t, wrong)
        t += uniform(rng, H / 2, 6 * H)
        c.hand_back(
            t, StepAction.RETURN, ReportStatus.RETURNED, reason=rng.choice(texts.RETURN_REASONS)
        )
        t += uniform(rng, H / 2, 4 * H)
    c.dispatch(t, unit)
    dispatched_at = t
    t += uniform(rng, H / 12, 2 * H) if rng.random() < 0.88 else uniform(rng, 2 * H, 30 * H)
    c.sign(t)
    if rng.random() < 0.03:
        t += uniform(rng, H, D)
        c.transfer(t, other, rng.choice(texts.TRANSFER_REASONS))
        t += uniform(rng, H / 6, 3 * H)
        c.sign(t)
    if rng.random() < 0.05:
        assert r.deadline is not None  # set by dispatch
        t += (r.deadline - t) * rng.uniform(0.2, 0.6)
        until = r.deadline + uniform(rng, 3 * D, 10 * D)
        decided = t + uniform(rng, H, D)
        c.extend(t, decided, until, rng.choice(texts.EXTEND_REASONS))
        t = decided
    _outcome(c, rng, t, dispatched_at)


def _outcome(c: Chain, rng: random.Random, t: datetime, dispatched_at: datetime) -> None:
    roll = rng.random()
    if roll < 0.02:
        return  # stuck with the unit: becomes overdue and supervised
    deadline = c.report.deadline
    assert deadline is not None  # set by dispatch
    if t >= deadline:
        t += uniform(rng, H, D)
    elif roll < 0.10:
        t = dispatched_at + (deadline - dispatched_at) * rng.uniform(1.05, 2.5)
    else:
        t += (deadline - t) * rng.uniform(0.05, 0.9)
    c.feedback(t)
    if rng.random() < 0.03:
        t += uniform(rng, 2 * H, D)
        c.redo(t)
        t += uniform(rng, D, 4 * D)
        c.feedback(t)
    t += uniform(rng, 2 * H, 2 * D)
    c.centre_step(t, StepAction.VERIFY, ReportStatus.VERIFIED, note="现场核查属实")
    t += uniform(rng, H, D)
    c.centre_step(t, StepAction.CLOSE, ReportStatus.CLOSED)
    if rng.random() < 0.85:
        c.evaluate(t + uniform(rng, H, 3 * D))
