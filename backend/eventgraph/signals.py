"""Receivers: a saved report or dispute, or a saved or removed party, is (re)indexed after the
transaction commits; a deleted item loses its keys and links in the deleting transaction."""

from typing import Any

from django.db.models.signals import post_delete, post_save

from backend.disputes.models import Dispute, DisputeParty
from backend.eventgraph.linking import item_forget
from backend.eventgraph.models import DISPUTE, REPORT
from backend.eventgraph.tasks import index_after_commit
from backend.reports.models import Report

# Saves that touch none of these fields (a status change, say) cannot change keys or links.
MATCHED_FIELDS = {
    Dispute: {"area", "registered_on", "type", "scale", "latitude", "longitude"},
    Report: {"area", "registered_at", "category", "latitude", "longitude", "reporter_phone"},
    DisputeParty: {"dispute", "id_type", "id_number", "phone"},
}


def _relevant(sender: Any, update_fields: Any) -> bool:
    return update_fields is None or bool(set(update_fields) & MATCHED_FIELDS[sender])


def _item_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw and _relevant(sender, kwargs.get("update_fields")):
        index_after_commit(DISPUTE if sender is Dispute else REPORT, instance.pk)


def _party_changed(sender: Any, instance: DisputeParty, raw: bool = False, **kwargs: Any) -> None:
    if not raw and _relevant(sender, kwargs.get("update_fields")):
        index_after_commit(DISPUTE, instance.dispute_id)


def _item_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    item_forget(object_type=DISPUTE if sender is Dispute else REPORT, object_id=instance.pk)


def connect() -> None:
    for model in (Dispute, Report):
        uid = f"zhili-eventgraph-{model._meta.label_lower}"
        post_save.connect(_item_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(_item_deleted, sender=model, dispatch_uid=uid)
    post_save.connect(_party_changed, sender=DisputeParty, dispatch_uid="zhili-eventgraph-party")
    post_delete.connect(_party_changed, sender=DisputeParty, dispatch_uid="zhili-eventgraph-party")
