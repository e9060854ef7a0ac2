"""Demo enterprises (valid credit codes) and ~ctx.scale.enterprise_problems problems, most solved."""

import random
from datetime import timedelta

from django.utils import timezone

from backend.codes.models import Code, Table
from backend.common.validators import credit_code_check_char
from backend.demo import people
from backend.demo.context import DemoContext, insert_missing
from backend.enterprise.demo import texts
from backend.enterprise.demo.lifecycle import Life
from backend.enterprise.models import Enterprise, EnterpriseProblem, ProblemAssignment

CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
# enterprise category code → (weight, credit code prefix: registration authority + kind)
CATEGORY_MIX = {
    "01": (75, "91"),
    "02": (5, "91"),
    "03": (10, "92"),
    "04": (7, "93"),
    "99": (3, "91"),
}
PROBLEM_MIX = {
    "land": 14,
    "finance": 22,
    "ip": 6,
    "legal": 10,
    "approval": 18,
    "labour": 12,
    "environment": 10,
    "other": 8,
}


def seed(ctx: DemoContext) -> dict[str, int]:
    enterprises, inserted = _enterprises(ctx)
    counts = {"enterprise": inserted, "enterprise_problem": 0, "enterprise_assignment": 0}
    size = ctx.scale.batch_size
    for batch, start in enumerate(range(0, ctx.scale.enterprise_problems, size)):
        rng = ctx.rng(f"enterprise:problems:{batch}")
        end = min(start + size, ctx.scale.enterprise_problems)
        lives = [_life(ctx, rng, enterprises, index) for index in range(start, end)]
        fresh = {
            id(p)
            for p in insert_missing(
                EnterpriseProblem, [life.problem for life in lives], key="number", batch_size=size
            )
        }
        rows = ProblemAssignment.objects.bulk_create(
            [a for life in lives if id(life.problem) in fresh for a in life.assignments]
        )
        counts["enterprise_problem"] += len(fresh)
        counts["enterprise_assignment"] += len(rows)
    return counts


def enterprise_count(ctx: DemoContext) -> int:
    return max(120, min(3000, ctx.scale.enterprise_problems // 2 + 100))


def _enterprises(ctx: DemoContext) -> tuple[list[Enterprise], int]:
    rng = ctx.rng("enterprise:enterprises")
    codes = {c.code: c for c in Code.objects.filter(table__key=Table.ENTERPRISE_CATEGORY)}
    rows = [_enterprise(ctx, rng, codes) for _ in range(enterprise_count(ctx))]
    unique = list({row.credit_code: row for row in rows}.values())
    inserted = insert_missing(
        Enterprise, unique, key="credit_code", batch_size=ctx.scale.batch_size
    )
    saved = Enterprise.objects.filter(credit_code__in=[r.credit_code for r in unique])
    return list(saved.order_by("credit_code")), len(inserted)


def _enterprise(ctx: DemoContext, rng: random.Random, codes: dict[str, Code]) -> Enterprise:
    township = rng.choice(ctx.townships)
    county = township.parent
    assert county is not None  # a township always sits under a county
    category = rng.choices(list(CATEGORY_MIX), [w for w, _ in CATEGORY_MIX.values()])[0]
    first17 = (
        CATEGORY_MIX[category][1]
        + county.short_code[:6]
        + "".join(rng.choice(CREDIT_CHARS) for _ in range(9))
    )
    place = county.name.removesuffix("县").removesuffix("市").removesuffix("区")
    industry = rng.choice(texts.INDUSTRIES)
    suffix = "专业合作社" if category == "04" else rng.choice(texts.SUFFIXES)
    return Enterprise(
        name=f"{place}{rng.choice(texts.BRANDS)}{industry}{suffix}",
        credit_code=first17 + credit_code_check_char(first17),
        category=codes[category],
        area=township,
        legal_representative=people.person_name(rng),
        contact_name=people.person_name(rng),
        contact_phone=people.mobile(rng),
        address=f"{township.name}{rng.choice(texts.ROADS)}{rng.randint(1, 300)}号",
    )


def _life(ctx: DemoContext, rng: random.Random, enterprises: list[Enterprise], index: int) -> Life:
    enterprise = rng.choice(enterprises)
    category = rng.choices(list(PROBLEM_MIX), list(PROBLEM_MIX.values()))[0]
    title, description = rng.choice(texts.PROBLEMS[category])
    submitted = ctx.anchor - timedelta(days=365) * rng.random()
    problem = EnterpriseProblem(
        number=f"QY-{timezone.localtime(submitted).year}-{index + 1:06d}",
        enterprise=enterprise,
        area_id=enterprise.area_id,
        category=category,
        title=title,
        description=description.format(n=rng.randint(2, 30)),
        submitted_at=submitted,
    )
    life = Life(
        problem=problem,
        rng=rng,
        anchor=ctx.anchor,
        leader=ctx.users.get("leader"),
        units=_units(ctx, rng, category),
    )
    life.run()
    return life


def _units(ctx: DemoContext, rng: random.Random, category: str) -> list:
    by_name = {unit.name: unit for unit in ctx.member_units}
    units = [by_name[name] for name in texts.UNITS[category] if name in by_name]
    return units or [rng.choice(ctx.member_units)]
