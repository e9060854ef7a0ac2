"""Loading the division tree from the statistical code files shipped in backend/areas/data/."""

import csv
from collections.abc import Iterator
from pathlib import Path

from django.db import transaction

from backend.areas.models import Area, Kind, Level

DATA_DIR = Path(__file__).resolve().parent / "data"
CITY_CODE, CITY_NAME = 130900000000, "沧州市"


def county_kind(code6: str, name: str) -> Kind:
    if code6[4] == "7":  # 7x: functional zones, statistical codes only, not in GB/T 2260
        return Kind.FUNCTIONAL_ZONE
    return {"区": Kind.DISTRICT, "市": Kind.COUNTY_CITY}.get(name[-1], Kind.COUNTY)


def township_kind(code9: str) -> Kind:
    segment = int(code9[6:9])
    if segment < 100:
        return Kind.STREET
    if segment < 200:
        return Kind.TOWN
    return Kind.TOWNSHIP if segment < 400 else Kind.QUASI_TOWNSHIP


def village_kind(code12: str, name: str) -> Kind:
    if "居民委员会" in name or "居委会" in name:
        return Kind.COMMUNITY
    if "村民委员会" in name or "村委会" in name:
        return Kind.VILLAGE
    return Kind.QUASI_VILLAGE


def _rows(file_name: str) -> Iterator[dict[str, str]]:
    with (DATA_DIR / file_name).open(encoding="utf-8") as handle:
        yield from csv.DictReader(handle)


def cangzhou_areas() -> list[Area]:
    """The city, its 19 county-level units, 209 township-level units and 6,094 villages, parents first."""
    city = Area(code=CITY_CODE, name=CITY_NAME, level=Level.CITY, kind=Kind.CITY, path="130900/")
    areas, by_code = [city], {"1309": city}
    for file_name, level, parent_key, kind_of in (
        ("cangzhou_counties.csv", Level.COUNTY, "city_code", lambda c, n: county_kind(c, n)),
        ("cangzhou_townships.csv", Level.TOWNSHIP, "parent_code", lambda c, n: township_kind(c)),
        ("cangzhou_villages.csv", Level.VILLAGE, "township_code", village_kind),
    ):
        for row in _rows(file_name):
            parent = by_code[row[parent_key]]
            code = row["code"].ljust(12, "0")
            area = Area(
                code=int(code),
                name=row["name"],
                level=level,
                kind=kind_of(row["code"], row["name"]),
                parent=parent,
                path=f"{parent.path}{row['code']}/",
            )
            areas.append(area)
            by_code[row["code"]] = area
    return areas


@transaction.atomic
def areas_load_cangzhou() -> int:
    """Insert or refresh every 沧州 division; running it twice leaves the same rows. Returns the count."""
    areas = cangzhou_areas()
    Area.objects.bulk_create(
        areas,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "level", "kind", "parent", "path"],
    )
    return len(areas)
