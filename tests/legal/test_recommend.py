"""Provision ranking on clear cases, the dispute-type prior, limits and speed (no database)."""

import time

from backend.legal.corpus import provisions, provisions_by_key
from backend.legal.recommend import MAX_LIMIT, recommend_provisions


def top(text: str, type_code: str | None = None, limit: int = 5) -> list[str]:
    return [
        s.provision.key for s in recommend_provisions(text=text, type_code=type_code, limit=limit)
    ]


def test_the_corpus_is_complete_and_keyed_by_law_and_article():
    corpus = provisions()
    assert len(corpus) >= 150 and len(provisions_by_key()) == len(corpus)
    divorce = provisions_by_key()["civil_code:1079"]
    assert (divorce.short, divorce.label, divorce.number) == ("民法典", "第一千零七十九条", 1079)
    assert divorce.text.startswith("夫妻一方要求离婚的，可以由有关组织进行调解")
    assert {p.law_code for p in corpus} >= {"civil_code", "mediation_law", "land_contract"}


def test_a_homestead_dispute_gets_the_homestead_and_neighbour_provisions():
    found = top(
        "王某翻建房屋时新砌院墙，李某认为院墙越过两家原有界石约40厘米，双方多次争吵。", "0902"
    )
    assert "land_admin:62" in found
    homestead = {f"civil_code:{n}" for n in range(362, 366)} | {
        f"civil_code:{n}" for n in range(288, 297)
    }
    assert homestead & set(found)


def test_clear_cases_rank_the_provision_a_mediator_cites():
    assert "civil_code:1245" in top("陶某家的狗把路过的姜某咬伤，姜某要求赔偿医药费。", "0299")
    assert top("丁某向戊某借款两万元并出具借条，到期后拒不还款。", "0804")[0].startswith(
        "civil_code:6"
    )
    assert "civil_code:944" in top("业主以服务差为由拒交物业费，物业公司要求补缴。", "0402")
    assert "mediation_law:31" in top("经调解达成调解协议后一方反悔，拒不履行调解协议。")


def test_the_dispute_type_raises_its_chapters():
    text = "双方因赔偿数额协商不成，要求对方承担责任。"
    labour = top(text, "0701")
    assert all(key.startswith(("labor_contract:", "labor_arbitration:")) for key in labour)
    assert labour != top(text, "0503")


def test_limits_are_clamped_and_the_ranking_is_stable():
    text = "邻居在胡同里堆放柴草，妨碍通行。"
    assert len(top(text, limit=500)) == MAX_LIMIT
    assert len(top(text, limit=0)) == 1
    assert top(text, "0201") == top(text, "0201")
    assert top("") == []
    # with no description the type's name alone (用水排水通行通风采光) still points somewhere
    assert all(key in {f"civil_code:{n}" for n in range(288, 297)} for key in top("", "0201"))


def test_one_query_takes_well_under_50_ms_once_the_index_is_built():
    text = "申请人与被申请人两家宅基地相邻，因滴水檐和排水沟归属各执一词，被申请人阻挠施工。" * 3
    recommend_provisions(text=text, type_code="0902")
    timings = []
    for _ in range(20):
        start = time.perf_counter()
        recommend_provisions(text=text, type_code="0902")
        timings.append(time.perf_counter() - start)
    assert sorted(timings)[10] < 0.05
