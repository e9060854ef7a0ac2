"""Bulk-inserting the children of freshly inserted demo disputes (a few statements per batch)."""

from datetime import datetime, time

from backend.disputes.demo.plan import Plan, Refs
from backend.disputes.models import (
    Dispute,
    DisputeMediator,
    DisputeParty,
    DisputeReview,
    JudicialConfirmation,
    MediationAgreement,
    MediationRecord,
)


def write_children(plans: list[Plan], refs: Refs) -> dict[str, int]:
    if not plans:
        return {}
    counts = {
        "dispute_party": len(
            DisputeParty.objects.bulk_create([p for x in plans for p in x.parties])
        ),
        "dispute_cause": _causes(plans, refs),
        "dispute_mediator": len(
            DisputeMediator.objects.bulk_create(
                [
                    DisputeMediator(
                        dispute=x.dispute, member_id=m, assigned_at=_assigned_at(x, refs)
                    )
                    for x in plans
                    for m in x.mediator_ids
                ]
            )
        ),
    }
    counts.update(_records(plans))
    agreements = MediationAgreement.objects.bulk_create([x.agreement for x in plans if x.agreement])
    counts["mediation_agreement"] = len(agreements)
    counts["judicial_confirmation"] = len(
        JudicialConfirmation.objects.bulk_create([x.confirmation for x in plans if x.confirmation])
    )
    counts["dispute_review"] = len(
        DisputeReview.objects.bulk_create([x.review for x in plans if x.review])
    )
    return counts


def _assigned_at(plan: Plan, refs: Refs) -> datetime:
    return datetime.combine(plan.dispute.registered_on, time(16, 0), tzinfo=refs.tz)


def _causes(plans: list[Plan], refs: Refs) -> int:
    through = Dispute.causes.through
    rows = [
        through(dispute_id=x.dispute.pk, cause_id=refs.cause_ids[c])
        for x in plans
        for c in x.cause_codes
        if c in refs.cause_ids
    ]
    return len(through.objects.bulk_create(rows))


def _records(plans: list[Plan]) -> dict[str, int]:
    pairs = [pair for x in plans for pair in x.records]
    records = MediationRecord.objects.bulk_create([record for record, _ in pairs])
    through = MediationRecord.mediators.through
    links = through.objects.bulk_create(
        [
            through(mediationrecord_id=record.pk, teammember_id=member)
            for record, members in pairs
            for member in members
        ]
    )
    return {"mediation_record": len(records), "mediation_record_mediator": len(links)}
