"""The dispute type (GB/T 31000 事件类型, 0902 宅基地使用) as a prior: provisions of the chapters a
mediator reaches for first in that kind of dispute get their BM25 score raised by a fixed factor.

The mapping is domain knowledge, written before any evaluation: a second-level code (four digits)
has its own entry when its subject is narrower than its first-level group, otherwise the group's
entry applies. Topics match a provision's "law_code/chapter" by prefix ("land_admin/" is the whole
土地管理法)."""

from functools import cache

from backend.codes.services import DATA_FILE, parse_code_tables
from backend.legal.corpus import Provision

TYPE_PRIOR = 1.5  # multiplier of the BM25 score for a provision within the type's topics

_FAMILY = "civil_code/婚姻家庭编"
_NEIGHBOURS = "civil_code/物权编·相邻关系"
_TORT = "civil_code/侵权责任编"
TYPE_TOPICS: dict[str, tuple[str, ...]] = {
    "01": (_FAMILY, "civil_code/继承编"),
    "0101": (_FAMILY,),
    "0102": (_FAMILY, "civil_code/总则编·监护"),
    "0103": ("civil_code/继承编", "civil_code/物权编·共有"),
    "02": (_NEIGHBOURS,),
    "0203": (_NEIGHBOURS, "civil_code/侵权责任编·环境污染"),
    "0299": (_NEIGHBOURS, _TORT),
    "03": ("civil_code/人格权编", "civil_code/侵权责任编·损害赔偿"),
    "04": ("civil_code/物权编",),
    "0402": ("civil_code/合同编·物业服务合同", "civil_code/物权编·业主的建筑物区分所有权"),
    "05": (_TORT,),
    "0503": (_TORT, "road_traffic/"),
    "06": ("civil_code/合同编",),
    "0601": ("consumer/", "civil_code/合同编·买卖合同", "civil_code/侵权责任编·产品责任"),
    "0602": ("civil_code/合同编·租赁合同", "civil_code/合同编·买卖合同"),
    "07": ("labor_contract/", "labor_arbitration/"),
    "08": (
        "civil_code/合同编·借款合同",
        "civil_code/合同编·保证合同",
        "civil_code/总则编·诉讼时效",
    ),
    "09": ("land_contract/", "land_admin/", "civil_code/物权编·土地承包经营权"),
    "0901": ("land_contract/", "civil_code/物权编·土地承包经营权"),
    "0902": ("civil_code/物权编·宅基地使用权", "land_admin/", _NEIGHBOURS),
    "1006": ("civil_code/合同编·准合同", "civil_code/总则编·民事权利"),
    "11": ("land_admin/", "civil_code/物权编·所有权"),
    "12": ("civil_code/物权编·所有权",),
}


def topics_for(type_code: str | None) -> tuple[str, ...]:
    code = (type_code or "").strip()
    return TYPE_TOPICS.get(code[:4]) or TYPE_TOPICS.get(code[:2]) or ()


def prior(provision: Provision, topics: tuple[str, ...]) -> float:
    return TYPE_PRIOR if topics and provision.topic_path.startswith(topics) else 1.0


@cache
def type_names() -> dict[str, str]:
    """事件类型 code → name without the group prefix (0902 → 宅基地使用), read from the shipped
    GB/T 31000 tables so that recommendations need no database."""
    tables = parse_code_tables(DATA_FILE.read_text(encoding="utf-8"))
    items = next(items for (key, _), items in tables.items() if key == "EventType")
    return {code: name.split("-", 1)[-1] for code, name in items}
