"""Recording incidents (案（事）件登记) in a village; the peace-village check 无重大刑事案件 reads
them the next time an assessment of the village is created or submitted."""

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from backend.accounts.models import User
from backend.common.services import create_validated, delete_validated, model_update
from backend.peacevillage.incident import Incident

INCIDENT_FIELDS = ("area", "case_type", "grade", "title", "occurred_on", "summary")


@transaction.atomic
def incident_record(*, actor: User | None = None, **values: Any) -> Incident:
    return create_validated(Incident, recorded_by=actor, **values)


@transaction.atomic
def incident_update(*, incident: Incident, data: Mapping[str, Any]) -> Incident:
    return model_update(instance=incident, fields=INCIDENT_FIELDS, data=data)[0]


def incident_delete(*, incident: Incident) -> None:
    delete_validated(incident)
