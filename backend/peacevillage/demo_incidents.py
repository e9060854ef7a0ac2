"""Demo 案（事）件登记: about one village in six recorded an incident in the demo year — mostly
general accidents and minor criminal cases, a few graded 重大 or 特别重大 — so that the automatic
check 无重大刑事案件 fails for some villages and passes for the rest. Idempotent: a village
that has incidents gets no more."""

from datetime import timedelta
from random import Random

from backend.areas.models import Area
from backend.codes.models import Code, Table
from backend.demo.context import DemoContext
from backend.peacevillage.incident import Incident

SHARE = 1 / 6
TYPES = {  # 案件类型 → weight, titles
    "01": (30, ("农用车侧翻事故", "民房失火", "电动车充电起火")),
    "02": (8, ("村民聚集讨要工程款", "土地征收补偿聚集事件")),
    "03": (7, ("宴席集体食物中毒",)),
    "04": (45, ("入室盗窃案", "电信网络诈骗案", "故意伤害案", "盗窃电动车案")),
    "99": (10, ("其他治安案件",)),
}
GRADES = (("04", 70), ("03", 20), ("02", 8), ("01", 2))  # 一般, 较大, 重大, 特别重大


def seed(ctx: DemoContext) -> dict[str, int]:
    rng, codes = ctx.rng("peacevillage:incidents"), _codes()
    planned = [  # drawn for every village first, so a second run draws the same
        _incident(rng, ctx, village, codes) for village in ctx.villages if rng.random() < SHARE
    ]
    recorded = set(Incident.objects.values_list("area_id", flat=True).distinct())
    rows = [row for row in planned if row.area_id not in recorded]
    Incident.objects.bulk_create(rows, batch_size=ctx.scale.batch_size)
    return {"peacevillage.incident": len(rows)}


def _codes() -> dict[tuple[str, str], int]:
    tables = (Table.CASE_TYPE, Table.CASE_GRADE)
    found = Code.objects.filter(table__key__in=tables).values_list("table__key", "code", "pk")
    return {(table, code): pk for table, code, pk in found}


def _incident(rng: Random, ctx: DemoContext, village: Area, codes: dict) -> Incident:
    kind = rng.choices(list(TYPES), [weight for weight, _ in TYPES.values()])[0]
    grade = rng.choices([g for g, _ in GRADES], [w for _, w in GRADES])[0]
    title = rng.choice(TYPES[kind][1])
    return Incident(
        area=village,
        case_type_id=codes[(Table.CASE_TYPE, kind)],
        grade_id=codes[(Table.CASE_GRADE, grade)],
        title=f"{village.name.removesuffix('村民委员会').removesuffix('居民委员会')}{title}",
        occurred_on=ctx.anchor.date() - timedelta(days=rng.randrange(300)),
        summary="已立案，正在处置" if kind == "04" else "已处置完毕",
    )
