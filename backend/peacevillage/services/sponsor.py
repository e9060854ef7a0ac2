"""Sponsorship (包联) of villages by member units."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.areas.models import Area
from backend.org.models import Unit
from backend.peacevillage.models import VillageSponsor


def _current(village: Area, on: date) -> Q:
    return Q(area=village, start_on__lte=on) & (Q(end_on__isnull=True) | Q(end_on__gte=on))


def sponsor_on(village: Area, on: date) -> Unit | None:
    """The unit sponsoring `village` on day `on` (the latest to start, if several)."""
    found = VillageSponsor.objects.filter(_current(village, on)).order_by("-start_on", "-pk")
    sponsorship = found.select_related("unit").first()
    return sponsorship.unit if sponsorship else None


@transaction.atomic
def sponsor_assign(
    *, village: Area, unit: Unit, start_on: date, end_on: date | None = None,
    actor: User | None = None,
) -> VillageSponsor:  # fmt: skip
    sponsorship = VillageSponsor(area=village, unit=unit, start_on=start_on, end_on=end_on)
    sponsorship.full_clean()
    overlapping = VillageSponsor.objects.filter(area=village, unit=unit).filter(
        Q(end_on__isnull=True) | Q(end_on__gte=start_on)
    )
    if end_on is not None:
        overlapping = overlapping.filter(start_on__lte=end_on)
    if overlapping.exists():
        raise ValidationError({"unit": _("该单位在这段时间已包联该村（社区）")})
    sponsorship.save()
    return sponsorship


@transaction.atomic
def sponsor_end(
    *, sponsorship: VillageSponsor, end_on: date, actor: User | None = None
) -> VillageSponsor:
    sponsorship = VillageSponsor.objects.select_for_update().get(pk=sponsorship.pk)
    sponsorship.end_on = end_on
    sponsorship.full_clean()
    sponsorship.save(update_fields=["end_on", "updated_at"])
    return sponsorship
