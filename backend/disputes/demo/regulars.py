"""Repeat parties (重复当事人) in the demo: each county has a few residents who come back with
new disputes, as real ones do, so the event graph's repeated-party links and early warnings have
something to show. Chosen without drawing from the plan's random stream, so every other demo
figure stays as it was: the applicant's own generated ID number decides whether a regular takes
their place (about one dispute in twelve)."""

import random
from functools import cache

from backend.areas.models import Area
from backend.demo import people
from backend.disputes.models import DisputeParty

PER_COUNTY = 4
EVERY = 12


@cache
def _regulars(county: int) -> tuple[dict, ...]:
    rng = random.Random(county * 31 + 7)  # the same residents on every run
    found = []
    for _ in range(PER_COUNTY):
        sex = people.sex_of(rng)
        found.append(
            {
                "name": people.person_name(rng),
                "sex": sex,
                "id_number": people.resident_id(rng, county * 10**6, sex=sex),
                "phone": people.mobile(rng),
            }
        )
    return tuple(found)


def maybe_regular(party: DisputeParty, village: Area) -> None:
    """Make the applicant one of the county's regulars for about one dispute in EVERY (name, sex,
    ID number and phone; the address stays the dispute's village)."""
    digits = int(party.id_number[6:17])
    if digits % EVERY:
        return
    regulars = _regulars(village.code // 10**6)
    for name, value in regulars[digits // EVERY % PER_COUNTY].items():
        setattr(party, name, value)
