"""What a process is: states, transitions, who may fire each, what each requires and sets.

A process declaration is data. `Transition.effect` holds only the domain bookkeeping a state
change implies (a dispatch step, a mediation record); locking, state and permission checks,
required fields, deadlines, assignment grants, the step record and the audit entry are the
engine's, the same for every process.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from django.core.files.base import File
from django.db import models
from django.utils.functional import Promise


class Actor(StrEnum):
    """Who may fire a transition, relative to the item (on top of the policy's permission)."""

    ANY = "any"  # whoever the policy allows
    HOLDER = "holder"  # a member of the unit that holds the item now
    OVERSEER = "overseer"  # allowed by the policy, but not the holding unit deciding on itself
    OWNER = "owner"  # the user who submitted the item (a resident), or whoever the policy allows


@dataclass
class Firing:
    """One transition being fired: what the effect reads and may fill in."""

    process: "Process"
    obj: Any
    transition: "Transition"
    actor: Any
    unit: Any
    data: dict[str, Any]
    files: Sequence[File]
    now: datetime
    from_state: str
    result: Any = None  # what the service returns, when not the object itself
    record_object: Any = None  # the domain row evidence attaches to (a feedback step …)


@dataclass(frozen=True)
class Transition:
    name: str
    label: str | Promise
    sources: tuple[str, ...]
    target: str | None = None  # None: the state does not change (a record, a request)
    permission: str = "change"
    actor: Actor = Actor.ANY
    required: Mapping[str, str | Promise] = field(default_factory=dict)  # field -> message
    evidence: bool = False  # at least one file must come with it
    effect: Callable[[Firing], None] | None = None
    deadline: Callable[[Firing], datetime | None] | None = None
    notify: str = ""  # notification kind for the holder after the transition, if any
    when: Callable[[Any], bool] | None = None  # offered only when this holds (the effect checks)
    # Payload fields kept in the step record besides the reason. Free texts (agreement terms,
    # review opinions) stay in their domain rows and out of the generic record.
    recorded: tuple[str, ...] = ()
    # The refusal, on the state field, when the item's state does not allow the transition
    # (empty: the engine's wording, "<noun>当前状态为…，不能<label>").
    refused: str | Promise = ""
    # The refusal, on `unit`, when the acting unit does not hold the item (empty: the process's).
    not_holder: str | Promise = ""


@dataclass(frozen=True)
class Process:
    name: str
    label: str | Promise
    noun: str | Promise  # how messages name one item: "事项", "纠纷"
    model: str  # "app_label.model_name"
    transitions: tuple[Transition, ...]
    state_field: str = "status"
    holder_field: str | None = None  # FK to org.Unit of the unit working on the item now
    holders: Callable[[Any], set[int]] | None = None  # or: the ids of the units working on it
    holders_prefetch: tuple[str, ...] = ()  # what `holders` reads, prefetched for batches
    owner_field: str | None = None
    deadline_field: str | None = None
    closed_states: tuple[str, ...] = ()
    assigned: bool = False  # the item's guardian grants follow its assignees
    not_holder: str | Promise = ""  # refusal when the acting unit does not hold the item

    def transition(self, name: str) -> Transition | None:
        return next((t for t in self.transitions if t.name == name), None)

    def model_class(self) -> type[models.Model]:
        from django.apps import apps

        return apps.get_model(self.model)
