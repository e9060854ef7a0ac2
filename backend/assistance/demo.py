"""Demo social-assistance cases: ctx.scale.subsidy_cases cases over all villages, batch by batch,
with household members and the review chain each status implies. Idempotent by case number."""

import random
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Model

from backend.areas.models import Area
from backend.assistance import demo_content as content
from backend.assistance.demo_history import FUNDED, History, history
from backend.assistance.models import (
    HouseholdMember,
    Relation,
    SubsidyCase,
    SubsidyKind,
    SubsidyReview,
)
from backend.assistance.services.applications import KIND_PREFIX
from backend.demo import people
from backend.demo.context import DemoContext, insert_missing
from backend.org.models import UnitKind

K = SubsidyKind
ZONE = ZoneInfo("Asia/Shanghai")
CENTRE = UnitKind.CIVIL_AFFAIRS.value  # township 民政所 reviews, county 民政局 approves
# Years from the applicant's birth to the member's.
GENERATION_SPANS: dict[str, tuple[int, int]] = {
    Relation.SPOUSE: (-5, 5),
    Relation.CHILD: (22, 35),
    Relation.GRANDCHILD: (45, 58),
    Relation.PARENT: (-35, -22),
    Relation.GRANDPARENT: (-60, -45),
    Relation.SIBLING: (-6, 6),
}
CHILD_MODELS: list[tuple[type[Model], str]] = [
    (HouseholdMember, "household_member"),
    (SubsidyReview, "subsidy_review"),
]
SAME_SURNAME = (Relation.CHILD, Relation.GRANDCHILD, Relation.SIBLING)


def seed(ctx: DemoContext) -> dict[str, int]:
    total, size = ctx.scale.subsidy_cases, ctx.scale.batch_size
    names = {area.code: area.name for area in [*ctx.counties, *ctx.townships]}
    seen: set[tuple[str, str]] = set()  # (ID number, kind): one open case per person and kind
    counts = {"subsidy_case": 0, "household_member": 0, "subsidy_review": 0}
    for start in range(0, total, size):
        rng = ctx.rng(f"assistance:cases:{start // size}")
        built = [
            _case(ctx, rng, index, names, seen) for index in range(start, min(total, start + size))
        ]
        counts["subsidy_case"] += len(
            insert_missing(SubsidyCase, [case for case, _ in built], key="number", batch_size=size)
        )
        children: list[Any] = [
            child for case, rows in built if case.pk is not None for child in rows
        ]
        for model, key in CHILD_MODELS:
            rows = [child for child in children if isinstance(child, model)]
            counts[key] += len(model._default_manager.bulk_create(rows, batch_size=size))
    return counts


def _case(
    ctx: DemoContext,
    rng: random.Random,
    index: int,
    names: dict[int, str],
    seen: set[tuple[str, str]],
) -> tuple[SubsidyCase, list]:
    kind = _weighted(rng, content.KIND_WEIGHTS)
    status = _weighted(rng, content.STATUS_WEIGHTS)
    village = rng.choice(ctx.villages)
    county, township = village.code // 10**6 * 10**6, village.code // 1000 * 1000
    past = history(rng, kind, status, ctx.anchor.date())
    case = SubsidyCase(
        number=f"{KIND_PREFIX[kind]}-{str(county)[:6]}-{past.applied_on.year}-{index + 1:06d}",
        kind=kind,
        status=status,
        area=village,
        applied_on=past.applied_on,
        applicant_phone=people.mobile(rng),
        applicant_address=names[county] + names[township] + _street(rng, village),
    )
    born = _applicant(rng, case, village, seen, ctx.anchor.date())
    if kind == K.STUDENT:
        _school(case, born, names[county], names[township], ctx.anchor.date())
    _household(rng, case)
    if status in FUNDED:
        case.monthly_amount, case.approved_on, case.recheck_on = (
            _amount(rng, case),
            past.approved_on,
            past.recheck_on,
        )
    return case, [*_members(rng, case, born, village), *_reviews(ctx, rng, case, village, past)]


def _street(rng: random.Random, village: Area) -> str:
    """ "崔称砣村民委员会" → "崔称砣村12排3号"; "建北社区居民委员会" → "建北社区5排8号"."""
    place = village.name
    for suffix, keep in (
        ("社区居民委员会", "社区"),
        ("居民委员会", "社区"),
        ("居委会", "社区"),
        ("村民委员会", "村"),
        ("村委会", "村"),
    ):
        if place.endswith(suffix):
            place = place.removesuffix(suffix)
            place += "" if place.endswith(keep) else keep
            break
    return f"{place}{rng.randrange(1, 40)}排{rng.randrange(1, 30)}号"


def _weighted(rng: random.Random, weights: dict) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _applicant(rng: random.Random, case: SubsidyCase, village: Area, seen: set, today: date) -> int:
    """Name and a unique ID number of the applicant's county; returns the year of birth."""
    years: dict[str, tuple[int, int]] = {K.DIBAO: (1940, 1990), K.TEKUN: (1935, 1960)}
    born = years.get(case.kind)
    if born is None:  # a student of 7–18 (the grade follows from the age)
        year = today.year - rng.randint(7, 18)
        born = (year, year + 1)
    while True:
        number = people.resident_id(rng, village.code, born_from=born[0], born_to=born[1])
        if (number, case.kind) not in seen:
            seen.add((number, case.kind))
            break
    case.applicant_name, case.applicant_id_number = people.person_name(rng), number
    return int(number[6:10])


def _school(case: SubsidyCase, born: int, county: str, township: str, today: date) -> None:
    age = min(max(today.year - born, 7), 18)
    grades, first_age, _amount, pattern = next(
        stage for stage in reversed(content.SCHOOL_STAGES) if age >= stage[1]
    )
    case.grade = grades[min(age - first_age, len(grades) - 1)]
    case.school_name = pattern.format(county=county, township=township)


def _household(rng: random.Random, case: SubsidyCase) -> None:
    if case.kind == K.TEKUN:
        size, income = 1, rng.randrange(0, 200, 10)
    elif case.kind == K.STUDENT:
        size, income = rng.randint(3, 5), rng.randrange(600, 3000, 50)
    else:
        size = int(_weighted(rng, content.HOUSEHOLD_SIZES))
        income = int(content.DIBAO_STANDARD * size * Decimal(rng.uniform(0, 0.6))) // 10 * 10
    case.household_size, case.household_monthly_income = size, Decimal(income)


def _amount(rng: random.Random, case: SubsidyCase) -> Decimal:
    if case.kind == K.TEKUN:
        return content.TEKUN_SUPPORT + rng.choice((0, 0, 100, 300))  # plus care for the infirm
    if case.kind == K.STUDENT:
        return next(stage[2] for stage in content.SCHOOL_STAGES if case.grade in stage[0])
    gap = content.DIBAO_STANDARD * case.household_size - case.household_monthly_income
    return max(gap // 10 * 10, Decimal(100))


def _members(rng: random.Random, case: SubsidyCase, born: int, village: Area) -> list:
    relations = content.STUDENT_FAMILY if case.kind == K.STUDENT else content.SPOUSE_AND_CHILDREN
    surname, family = case.applicant_name[0], set()
    members = []
    for relation in relations[: case.household_size - 1]:
        year = min(max(born + _generation(rng, relation), 1925), 2023)
        name = people.person_name(rng)
        # Children, siblings and the first-listed parent carry the applicant's surname.
        if relation in SAME_SURNAME or (relation == Relation.PARENT and relation not in family):
            name = surname + name[1:]
        family.add(relation)
        members.append(
            HouseholdMember(
                case=case,
                name=name,
                relation=relation,
                id_number=people.resident_id(rng, village.code, born_from=year, born_to=year + 1),
            )
        )
    return members


def _generation(rng: random.Random, relation: str) -> int:
    low, high = GENERATION_SPANS[relation]
    return rng.randint(low, high)


def _reviews(
    ctx: DemoContext, rng: random.Random, case: SubsidyCase, village: Area, past: History
) -> list[SubsidyReview]:
    county = village.code // 10**6 * 10**6
    township_unit = ctx.township_units[(village.code // 1000 * 1000, CENTRE)]
    county_unit = ctx.county_units[(county, CENTRE)]
    rows = []
    for number, (stage, decision, day, opinion) in enumerate(past.steps):
        at_county = stage == "county_approval"
        rows.append(
            SubsidyReview(
                case=case,
                stage=stage,
                decision=decision,
                opinion=rng.choice(content.OPINIONS[opinion]),
                reviewer=ctx.users["county_centre" if at_county else "township_centre"],
                unit=county_unit if at_county else township_unit,
                reviewed_at=datetime.combine(
                    day, time(9 + min(number, 7), rng.choice((0, 30))), ZONE
                ),
            )
        )
    return rows
