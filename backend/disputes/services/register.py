"""Registering a dispute with its parties, editing it, and managing its parties."""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Field
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.audit.bulk import audit_created, audited_update
from backend.common.assignment import assignment_refresh
from backend.common.numbering import next_number as numbered
from backend.common.services import model_update
from backend.disputes.models import Cause, Dispute, DisputeParty, Status
from backend.disputes.models.choices import OPEN_STATUSES
from backend.disputes.services.guards import lock, require_status
from backend.disputes.workflow.deadlines import mediation_deadline

DISPUTE_EDITABLE = (
    "title",
    "occurred_on",
    "area",
    "address",
    "latitude",
    "longitude",
    "scale",
    "type",
    "people_count",
    "summary",
    "source",
    "handling_unit",
    "deadline",
    "method",
    "responsible_name",
    "responsible_phone",
)
PARTY_EDITABLE = (
    "role",
    "name",
    "id_type",
    "id_number",
    "sex",
    "ethnicity",
    "education",
    "phone",
    "address",
    "is_main_party",
)


def next_number(area_code: int, year: int) -> str:
    """JF-<county>-<year>-<sequence>: the next number of the county and year."""
    return numbered(Dispute, f"JF-{str(area_code)[:6]}-{year}-", 6)


def _build_parties(parties: Sequence[Mapping[str, Any]]) -> list[DisputeParty]:
    """Validate every party before anything is written; errors name the party by position only."""
    if not parties:
        raise ValidationError({"parties": _("请至少登记一名当事人")})
    rows, errors = [DisputeParty(**dict(p)) for p in parties], []
    if sum(row.is_main_party for row in rows) > 1:
        raise ValidationError({"parties": _("只能有一名主要当事人")})
    if not any(row.is_main_party for row in rows):
        rows[0].is_main_party = True
    for index, row in enumerate(rows, start=1):
        try:
            row.full_clean(exclude=["dispute"], validate_constraints=False)
        except ValidationError as error:
            errors += [
                _("第 %(n)d 名当事人：%(field)s：%(message)s")
                % {"n": index, "field": _field_label(field), "message": message}
                for field, messages in error.message_dict.items()
                for message in messages
            ]
    if errors:
        raise ValidationError({"parties": errors})
    return rows


def _field_label(name: str) -> str:
    if name == "__all__":
        return ""
    field = DisputeParty._meta.get_field(name)
    assert isinstance(field, Field)  # full_clean() keys its errors by the model's own fields
    return str(field.verbose_name)


@transaction.atomic
def dispute_register(
    *,
    parties: Sequence[Mapping[str, Any]],
    causes: Iterable[Cause] = (),
    registered_on: date | None = None,
    deadline: date | None = None,
    actor: User | None = None,
    **fields: Any,
) -> Dispute:
    """Register a dispute (受理登记). `fields` are the record items of DISPUTE_EDITABLE; the
    deadline defaults to the mediation time limit after registration (worktime
    "dispute.mediation", 30 days as shipped)."""
    unknown = set(fields) - set(DISPUTE_EDITABLE)
    if unknown:
        raise ValidationError(_("不可填写的字段：%(f)s") % {"f": "、".join(sorted(unknown))})
    registered_on = registered_on or timezone.localdate()
    dispute = Dispute(
        registered_on=registered_on,
        registered_by=actor,
        deadline=deadline or mediation_deadline(registered_on),
        **fields,
    )
    dispute.number = next_number(dispute.area_id or 0, registered_on.year)
    dispute.full_clean()
    rows = _build_parties(parties)
    dispute.save()
    for row in rows:
        row.dispute = dispute
    audit_created(DisputeParty.objects.bulk_create(rows))
    dispute.causes.set(list(causes))
    assignment_refresh(obj=dispute)
    return dispute


@transaction.atomic
def dispute_update(
    *, dispute: Dispute, data: Mapping[str, Any], actor: User | None = None
) -> Dispute:
    """Correct the record items; `causes` replaces the cause tags. Not after closing."""
    data = dict(data)
    causes = data.pop("causes", None)
    dispute = lock(dispute)
    require_status(dispute, [s for s in Status if s != Status.CLOSED], _("修改"))
    model_update(instance=dispute, fields=DISPUTE_EDITABLE, data=data)
    if "handling_unit" in data:
        assignment_refresh(obj=dispute)
    if causes is not None:
        dispute.causes.set(list(causes))
    return dispute


def _require_party_changes_allowed(dispute: Dispute) -> Dispute:
    dispute = lock(dispute)
    require_status(dispute, OPEN_STATUSES, _("变更当事人"))
    return dispute


def _save_party(party: DisputeParty) -> DisputeParty:
    if party.is_main_party:  # the new main party replaces the old one
        others = party.dispute.parties.filter(is_main_party=True).exclude(pk=party.pk)
        audited_update(others, is_main_party=False)
    party.save()
    return party


@transaction.atomic
def party_add(*, dispute: Dispute, actor: User | None = None, **fields: Any) -> DisputeParty:
    dispute = _require_party_changes_allowed(dispute)
    party = DisputeParty(dispute=dispute, **fields)
    party.full_clean(validate_constraints=False)
    return _save_party(party)


@transaction.atomic
def party_update(
    *, party: DisputeParty, data: Mapping[str, Any], actor: User | None = None
) -> DisputeParty:
    _require_party_changes_allowed(party.dispute)
    party = DisputeParty.objects.select_for_update().get(pk=party.pk)
    if party.is_main_party and data.get("is_main_party") is False:
        raise ValidationError({"is_main_party": _("请将其他当事人设为主要当事人")})
    unknown = set(data) - set(PARTY_EDITABLE)
    if unknown:
        raise ValidationError(_("不可修改的字段：%(f)s") % {"f": "、".join(sorted(unknown))})
    for name, value in data.items():
        setattr(party, name, value)
    party.full_clean(validate_constraints=False)
    return _save_party(party)


@transaction.atomic
def party_remove(*, party: DisputeParty, actor: User | None = None) -> None:
    dispute = _require_party_changes_allowed(party.dispute)
    if party.is_main_party:
        raise ValidationError(_("不能删除主要当事人，请先将其他当事人设为主要当事人"))
    if dispute.parties.count() <= 1:
        raise ValidationError(_("纠纷至少须有一名当事人"))
    party.delete()


@transaction.atomic
def dispute_delete(*, dispute: Dispute, actor: User | None = None) -> None:
    """Remove a registration made in error: only before any mediator was assigned."""
    dispute = lock(dispute)
    require_status(dispute, (Status.REGISTERED,), _("删除"))
    if dispute.records.exists():
        raise ValidationError(_("已有调解记录的纠纷不能删除"), code="has_records")
    dispute.delete()
