from django.db.models import Q

from backend.areas.models import Area


def within(area: Area, field: str = "area") -> Q:
    """A predicate for rows whose `field` (an Area FK) lies in `area`'s subtree: one range on the FK."""
    low, high = area.subtree_range()
    return Q(**{f"{field}__gte": low, f"{field}__lte": high})


def ancestors(area: Area) -> list[Area]:
    codes = [int(part.ljust(12, "0")) for part in area.path.strip("/").split("/")]
    return list(Area.objects.filter(code__in=codes).order_by("level"))
