"""Who handles what in the demo: member units by category, township bodies for public order and
disputes; the same choices are written into the dispatch catalogue."""

import random
from dataclasses import dataclass

from backend.accounts.models import User
from backend.demo.context import DemoContext
from backend.org.models import Unit, UnitKind
from backend.reports.models import DispatchRule, ReportCategory, ReportSource

# category code (leaf, else its top level) → member unit name
MEMBER_UNIT_OF = {
    "0101": "市水务局",
    "0102": "国网沧州供电公司",
    "0103": "市住房和城乡建设局",
    "0104": "市住房和城乡建设局",
    "0105": "国网沧州供电公司",
    "02": "市交通运输局",
    "03": "市城市管理综合行政执法局",
    "0305": "市生态环境局",
    "0304": "市生态环境局",
    "04": "市生态环境局",
    "05": "市自然资源和规划局",
    "06": "市住房和城乡建设局",
    "07": "市人力资源和社会保障局",
    "10": "市应急管理局",
    "11": "市市场监督管理局",
    "1201": "市教育局",
    "1202": "市卫生健康委员会",
    "1203": "市医疗保障局",
    "13": "市民政局",
    "99": "市数据和政务服务局",
}
# top-level category → township body kind (handled where it happens)
TOWNSHIP_BODY_OF = {"08": UnitKind.POLICE_STATION, "09": UnitKind.JUDICIAL_OFFICE}


@dataclass
class Routing:
    ctx: DemoContext
    by_name: dict[str, Unit]

    @classmethod
    def build(cls, ctx: DemoContext) -> "Routing":
        return cls(ctx=ctx, by_name={unit.name: unit for unit in ctx.member_units})

    def member_unit(self, code: str) -> Unit:
        name = MEMBER_UNIT_OF.get(code) or MEMBER_UNIT_OF.get(code[:2], "")
        if name in self.by_name:
            return self.by_name[name]
        units = self.ctx.member_units  # a trimmed-down demo may lack the named unit
        return units[sum(map(ord, code)) % len(units)]

    def township_body(self, code: str, township: int) -> Unit | None:
        kind = TOWNSHIP_BODY_OF.get(code[:2])
        return self.ctx.township_units.get((township, kind.value)) if kind else None

    def target(self, category: ReportCategory, township: int) -> Unit:
        return self.township_body(category.code, township) or self.member_unit(category.code)

    def other(self, rng: random.Random, unit: Unit) -> Unit:
        units = self.ctx.member_units
        choice = rng.choice(units)
        return choice if choice.pk != unit.pk or len(units) == 1 else self.other(rng, unit)

    def centre(self, township: int) -> Unit | None:
        return self.ctx.township_units.get((township, UnitKind.GOVERNANCE_CENTRE.value))

    def reporter(self, source: str) -> User | None:
        role: dict[str, str] = {
            ReportSource.GRID_WORKER: "grid_worker",
            ReportSource.RESIDENT: "resident",
        }
        return self.ctx.users.get(role.get(source, ""))


def seed_rules(ctx: DemoContext, routing: Routing) -> int:
    """City-wide rules to member units plus per-township rules to township bodies."""
    city = None
    if ctx.townships:
        county = ctx.townships[0].parent
        assert county is not None  # a township always sits under a county
        city = county.parent
    if city is None:
        return 0
    rules = []
    for category in ReportCategory.objects.filter(children__isnull=True).order_by("code"):
        if category.code[:2] in TOWNSHIP_BODY_OF:
            rules += [
                DispatchRule(category=category, area=township, unit=body)
                for township in ctx.townships
                if (body := routing.township_body(category.code, township.code))
            ]
        else:
            rules.append(
                DispatchRule(category=category, area=city, unit=routing.member_unit(category.code))
            )
    before = DispatchRule.objects.count()
    DispatchRule.objects.bulk_create(rules, batch_size=2000, ignore_conflicts=True)
    return DispatchRule.objects.count() - before
