"""Generating one demo dispute with its children (pure Python, no queries)."""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from decimal import Decimal

from backend.areas.models import Area
from backend.demo import people
from backend.disputes.demo import templates as t
from backend.disputes.demo.regulars import maybe_regular
from backend.disputes.models import (
    DisputeParty,
    DisputeReview,
    JudicialConfirmation,
    MediationAgreement,
    MediationRecord,
    Status,
)
from backend.disputes.models.dispute import Dispute
from backend.disputes.workflow.deadlines import mediation_deadline
from backend.org.models import Unit


@dataclass
class Refs:
    """What the generator needs from the database, loaded once per seeding run."""

    anchor: date
    tz: tzinfo | None
    type_ids: dict[str, int]
    scale_ids: dict[str, int]
    cause_ids: dict[str, int]
    mediators: dict[int, list[int]]  # township code → ids of active mediators
    units: dict[int, list[Unit]]  # township code → handling units (mediation committee first)
    courts: dict[int, Unit]  # county code → court unit
    counters: dict[str, int] = field(default_factory=dict)


@dataclass
class Plan:
    dispute: Dispute
    parties: list[DisputeParty]
    mediator_ids: list[int] = field(default_factory=list)
    records: list[tuple[MediationRecord, list[int]]] = field(default_factory=list)
    agreement: MediationAgreement | None = None
    confirmation: JudicialConfirmation | None = None
    review: DisputeReview | None = None
    cause_codes: tuple[str, ...] = ()


TYPE_CODES = list(t.TEMPLATES)
TYPE_WEIGHTS = [t.TEMPLATES[c][0] for c in TYPE_CODES]
SOURCES = (
    ("visit", 30),
    ("grid", 35),
    ("hotline", 10),
    ("petition", 5),
    ("transfer", 6),
    ("express", 8),
    ("court", 6),
)
RESOLVED_SHARE = 0.984  # DOMAIN.md: the city's reported 化解率
OVERDUE_SHARE = 0.03  # older disputes still open past their deadline


def place_name(village: Area) -> str:
    """东关村村民委员会 → 东关村; 城关社区居民委员会 → 城关社区."""
    for suffix in ("村民委员会", "居民委员会", "村委会", "居委会"):
        if village.name.endswith(suffix):
            return village.name.removesuffix(suffix)
    return village.name


def _pick(rng: random.Random, weighted: tuple) -> str:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def _number(refs: Refs, area_code: int, registered: date) -> str:
    prefix = f"JF-{str(area_code)[:6]}-{registered.year}-"
    refs.counters[prefix] = refs.counters.get(prefix, 0) + 1
    return f"{prefix}{refs.counters[prefix]:06d}"


def _fate(rng: random.Random, age: int, has_mediators: bool) -> tuple[str, bool | None]:
    if not has_mediators or age < 3:
        return (
            Status.ASSIGNED if has_mediators and rng.random() < 0.4 else Status.REGISTERED
        ), None
    if (age < 30 and rng.random() < 0.6) or (age >= 30 and rng.random() < OVERDUE_SHARE):
        return (Status.MEDIATING if rng.random() < 0.8 else Status.ASSIGNED), None
    if rng.random() >= RESOLVED_SHARE:
        return (Status.CLOSED if age > 45 else Status.FAILED), False
    if age > 45:
        return (Status.CLOSED if rng.random() < 0.85 else Status.PERFORMED), True
    return (Status.AGREED if rng.random() < 0.5 else Status.PERFORMED), True


def _fill(text: str, rng: random.Random, a: str, b: str, place: str) -> str:
    return text.format(
        a=a,
        b=b,
        place=place,
        n=rng.randint(2, 9),
        money=rng.randrange(5, 400) * 100,
        month=rng.randint(1, 12),
        fee=rng.randrange(2, 16) * 100,
    )


def plan_dispute(rng: random.Random, refs: Refs, village: Area) -> Plan:
    township = village.parent_id or 0
    age = rng.randrange(365)
    registered = refs.anchor - timedelta(days=age)
    type_code = rng.choices(TYPE_CODES, TYPE_WEIGHTS)[0]
    mediators = refs.mediators.get(township, [])
    status, success = _fate(rng, age, bool(mediators))
    parties = _parties(rng, village)
    maybe_regular(parties[0], village)
    a = parties[0].name[0] + "某"
    # with a single registered party the other side is still named in the narrative
    b = parties[1].name[0] + "某" if len(parties) > 1 else rng.choice(people.SURNAMES) + "某"
    place = place_name(village)
    dispute = _dispute(rng, refs, village, registered, type_code, status, success, len(parties))
    _, topic, summaries, _ = t.TEMPLATES[type_code]
    dispute.title = f"{place}{a}与{b}{topic}纠纷" if len(parties) > 1 else f"{place}{a}{topic}纠纷"
    dispute.summary = _fill(rng.choice(summaries), rng, a, b, place)
    plan = Plan(
        dispute=dispute,
        parties=parties,
        cause_codes=t.CAUSES_BY_TYPE[type_code][: rng.randint(1, len(t.CAUSES_BY_TYPE[type_code]))],
    )
    for party in parties:
        party.dispute = dispute
    if status != Status.REGISTERED:
        _mediate(rng, refs, plan, mediators, type_code, (a, b, place))
    return plan


def _dispute(
    rng: random.Random,
    refs: Refs,
    village: Area,
    registered: date,
    type_code: str,
    status: str,
    success: bool | None,
    party_count: int,
) -> Dispute:
    township = village.parent_id or 0
    roll = rng.random()
    scale, people_count = (
        ("01", max(party_count, rng.randint(1, 4)))
        if roll < 0.95
        else (("02", rng.randint(5, 40)) if roll < 0.995 else ("03", rng.randint(50, 200)))
    )
    units = refs.units[township]
    unit = units[0] if rng.random() < 0.6 or len(units) == 1 else rng.choice(units[1:])
    located = rng.random() < 0.7
    return Dispute(
        number=_number(refs, village.code, registered),
        area=village,
        registered_on=registered,
        occurred_on=registered - timedelta(days=rng.randrange(0, 10)),
        deadline=mediation_deadline(registered),
        address=people.street_address(rng, village.name),
        latitude=Decimal(f"{rng.uniform(37.45, 38.95):.6f}") if located else None,
        longitude=Decimal(f"{rng.uniform(115.7, 117.85):.6f}") if located else None,
        scale_id=refs.scale_ids[scale],
        type_id=refs.type_ids[type_code],
        people_count=people_count,
        source=_pick(rng, SOURCES),
        handling_unit=unit,
        status=status,
        success=success,
        method="people" if rng.random() < 0.85 else "joint",
        responsible_name=people.person_name(rng),
        responsible_phone=people.mobile(rng),
    )


def _parties(rng: random.Random, village: Area) -> list[DisputeParty]:
    roles = ["applicant"] + (["respondent"] if rng.random() < 0.92 else [])
    roles += ["third_party"] if rng.random() < 0.08 else []
    rows = []
    for index, role in enumerate(roles):
        sex = people.sex_of(rng)
        rows.append(
            DisputeParty(
                role=role,
                name=people.person_name(rng),
                sex=sex,
                is_main_party=index == 0,
                id_number=people.resident_id(rng, village.code, sex=sex),
                ethnicity=rng.choices(("汉族", "回族", "满族"), (93, 6, 1))[0],
                education=rng.choice(("primary", "junior", "junior", "senior", "college", "")),
                phone=people.mobile(rng),
                address=people.street_address(rng, village.name),
            )
        )
    return rows


def _at(refs: Refs, day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=refs.tz)


def _mediate(
    rng: random.Random,
    refs: Refs,
    plan: Plan,
    mediators: list[int],
    type_code: str,
    names: tuple[str, str, str],
) -> None:
    dispute = plan.dispute
    plan.mediator_ids = rng.sample(mediators, k=min(len(mediators), rng.randint(1, 2)))
    if dispute.status == Status.ASSIGNED:
        return
    span = max(1, min((refs.anchor - dispute.registered_on).days, 28))
    finished_on = dispute.registered_on + timedelta(days=rng.randint(1, span))
    for k in range(rng.randint(1, 3)):
        day = min(dispute.registered_on + timedelta(days=k * 3), finished_on, refs.anchor)
        record = MediationRecord(
            dispute=dispute,
            held_at=_at(refs, day, 9 + k),
            place=f"{names[2]}调解室",
            content=rng.choice(t.SESSION_NOTES),
            result=rng.choice(t.SESSION_RESULTS),
        )
        plan.records.append((record, plan.mediator_ids))
    if dispute.success is None:
        return
    dispute.resolved_on = finished_on
    if dispute.success:
        _agree(rng, refs, plan, type_code, names)
    else:
        dispute.outcome = rng.choice(t.FAILURE_REASONS)
        if dispute.status == Status.CLOSED:
            dispute.closed_on = min(finished_on + timedelta(days=rng.randint(1, 10)), refs.anchor)


def _agree(
    rng: random.Random, refs: Refs, plan: Plan, type_code: str, names: tuple[str, str, str]
) -> None:
    dispute, signed = plan.dispute, plan.dispute.resolved_on
    assert signed is not None  # _mediate sets resolved_on before agreeing
    terms = _fill(rng.choice(t.TEMPLATES[type_code][3]), rng, *names)
    dispute.outcome = terms
    written = len(plan.parties) > 1 and rng.random() < 0.7
    plan.agreement = MediationAgreement(
        dispute=dispute,
        form="written" if written else "oral",
        signed_on=signed,
        effective_on=signed,
        content="" if written else terms,
        **(
            {
                "facts": dispute.summary,
                "disputed_points": f"{names[0]}与{names[1]}的责任及处理方式",
                "responsibilities": f"{names[1]}对纠纷发生负主要责任"
                if rng.random() < 0.6
                else "双方均有一定责任",
                "terms": terms,
                "performance_manner": rng.choice(("当场履行", "分期履行", "村委会监督履行")),
                "performance_deadline": signed + timedelta(days=rng.choice((7, 15, 30))),
            }
            if written
            else {}
        ),
    )
    if written and rng.random() < 0.10:
        _confirm(rng, refs, plan)
    if dispute.status in (Status.PERFORMED, Status.CLOSED):
        visited = min(signed + timedelta(days=rng.randint(7, 20)), refs.anchor)
        opinion = rng.choice(t.VISIT_OPINIONS)
        plan.review = DisputeReview(
            dispute=dispute, visited_on=visited, performed=True, opinion=opinion
        )
        dispute.evaluated_on, dispute.evaluation = visited, opinion
        if dispute.status == Status.CLOSED:
            dispute.closed_on = min(visited + timedelta(days=rng.randint(1, 10)), refs.anchor)


def _confirm(rng: random.Random, refs: Refs, plan: Plan) -> None:
    dispute, agreement = plan.dispute, plan.agreement
    assert agreement is not None and agreement.effective_on is not None  # set by _agree
    county = dispute.area_id // 10**6 * 10**6
    applied = agreement.effective_on + timedelta(days=rng.randint(1, 20))
    accepted = applied + timedelta(days=rng.randint(0, 3))
    ruled = accepted + timedelta(days=rng.randint(1, 10))
    if (
        county not in refs.courts
        or applied > refs.anchor
        or (ruled > refs.anchor and dispute.status == Status.CLOSED)
    ):
        return
    refs.counters[f"court:{county}"] = serial = refs.counters.get(f"court:{county}", 0) + 1
    plan.confirmation = JudicialConfirmation(
        agreement=agreement,
        court=refs.courts[county],
        applied_on=applied,
        accepted_on=accepted if accepted <= refs.anchor else None,
        case_number=f"（{accepted.year}）冀{str(county)[2:6]}民特{serial}号"
        if accepted <= refs.anchor
        else "",
        ruling="valid" if ruled <= refs.anchor else "pending",
        ruled_on=ruled if ruled <= refs.anchor else None,
    )
