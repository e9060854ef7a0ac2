"""Decision support in the portal: the 平安村庄 checklist, its review and ranking, the 事件图谱 of an
item and 排查预警 — in Chromium against the seeded demo, checked against the demo database.

The assessment workflow works on the first draft assessment of 肃宁县; the other tests only read
(the township test skips assessments submitted during this run), so they may run in parallel."""

import re
from datetime import date, timedelta
from decimal import Decimal

from tests.browser.conftest import Demo, login, screenshot
from tests.browser.test_portal import SUNING, county_range, graphql

DEMO_CLOCK = date(2026, 11, 1)  # the demo data's fixed clock (README, "Demo data")
SEEDED_BEFORE = "2026-11-02"  # submissions of the demo loader happen on the demo clock
MAX_NODES = 60  # the API's cap on a neighbourhood (backend/eventgraph/selectors)


def user_id(demo: Demo, username: str) -> int:
    return int(str(demo.value("select id from accounts_user where username = ?", username)))


def scope_of(demo: Demo, username: str) -> int:
    return int(
        str(
            demo.value(
                "select m.scope_id from org_membership m join accounts_user u on u.id = m.user_id "
                "where u.username = ?",
                username,
            )
        )
    )


def results(demo: Demo, assessment: int) -> list[tuple]:
    """(code, auto, passed, note) of an assessment's items, by code."""
    return demo.rows(
        "select c.code, r.auto, r.passed, r.note from peacevillage_assessmentitem r "
        "join peacevillage_checklistitem c on c.id = r.item_id where r.assessment_id = ? order by c.code",
        assessment,
    )


def assessment(demo: Demo, pk: int) -> tuple:
    return demo.rows(
        "select status, score, remark, approved_by_id from peacevillage_assessment where id = ?", pk
    )[0]


def wait_for(check, page, timeout_ms: int = 10_000):
    """Poll until `check()` holds: the browser and the database change asynchronously."""
    for _ in range(timeout_ms // 100):
        found = check()
        if found:
            return found
        page.wait_for_timeout(100)
    raise AssertionError("the expected state was never reached")


def confirm(page, action: str) -> None:
    dialog = page.locator(f"[data-dialog={action}]")
    dialog.locator("button[type=submit]").click()
    dialog.wait_for(state="detached")


def test_a_county_centre_assesses_submits_returns_and_approves_a_village(page, demo):
    pk = demo.value(
        "select id from peacevillage_assessment where status = 'draft' and area_id between ? and ? "
        "order by id limit 1",
        *county_range(SUNING),
    )
    items = results(demo, pk)
    login(page, "county_centre")
    page.goto(f"/#/PeaceVillageAssessment/{pk}/show/checklist")
    checklist = page.get_by_test_id("assessment-checklist")
    checklist.wait_for()
    assert checklist.locator("[data-item]").count() == len(items)
    for code, auto, passed, note in items:
        row = checklist.locator(f"[data-item={code}]")
        assert row.get_attribute("data-auto") == ("true" if auto else "false")
        assert row.locator("[data-result]").get_attribute("data-result") == (
            "pending" if passed is None else "passed" if passed else "failed"
        )
        if auto:  # 自动核验, with the reason the data gives, and no editor
            assert "自动核验" in row.inner_text() and note in row.inner_text()
            assert row.locator("[data-save]").count() == 0
    assert page.locator("[data-action=approvePeaceVillageAssessment]").count() == 0
    screenshot(page, "peace-village-draft")

    manual = [item for item in items if not item[1]]
    code, _, passed, _ = manual[0]
    row = checklist.locator(f"[data-item={code}]")
    row.locator(f"[data-set={'failed' if passed else 'passed'}]").click()
    row.locator(f"[data-note={code}]").fill("浏览器测试：现场复核")
    row.locator(f"[data-save={code}]").click()
    wait_for(lambda: results(demo, pk)[items.index(manual[0])][2] == (not passed), page)
    assert results(demo, pk)[items.index(manual[0])][3] == "浏览器测试：现场复核"
    score = assessment(demo, pk)[1]
    page.get_by_test_id("assessment-summary").filter(
        has_text=f"得分 {Decimal(str(score)):.1f}"
    ).wait_for()

    # submitted meanwhile in another tab: a change from this one is refused, in Chinese
    other = page.context.new_page()
    other.goto(f"/#/PeaceVillageAssessment/{pk}/show/checklist")
    other.locator("[data-action=submitPeaceVillageAssessment]").click()
    confirm(other, "submitPeaceVillageAssessment")
    wait_for(lambda: assessment(demo, pk)[0] == "submitted", page)
    other.close()
    code = manual[1][0]
    row = checklist.locator(f"[data-item={code}]")
    row.locator(f"[data-note={code}]").fill("浏览器测试：再次修改")
    row.locator(f"[data-save={code}]").click()
    row.get_by_test_id("item-error").filter(
        has_text="考评当前状态为「已提交」，不能修改考评结果"
    ).wait_for()
    screenshot(page, "peace-village-refused")

    page.reload()
    page.locator("[data-action=returnPeaceVillageAssessment]").click()
    dialog = page.locator("[data-dialog=returnPeaceVillageAssessment]")
    dialog.locator("button[type=submit]").click()
    dialog.get_by_text("必填").wait_for()  # a return needs its reason
    dialog.get_by_label(re.compile("^审定意见")).fill("请补充治安巡防台账照片")
    confirm(page, "returnPeaceVillageAssessment")
    wait_for(lambda: assessment(demo, pk)[0] == "draft", page)
    assert assessment(demo, pk)[2] == "请补充治安巡防台账照片"

    page.locator("[data-action=submitPeaceVillageAssessment]").click()
    confirm(page, "submitPeaceVillageAssessment")
    wait_for(lambda: assessment(demo, pk)[0] == "submitted", page)
    page.locator("[data-action=approvePeaceVillageAssessment]").click()
    confirm(page, "approvePeaceVillageAssessment")
    wait_for(lambda: assessment(demo, pk)[0] == "approved", page)
    assert assessment(demo, pk)[3] == user_id(demo, "county_centre")
    page.get_by_text("考评状态为“已审定”").wait_for()
    assert page.locator("[data-action]").count() == 0
    screenshot(page, "peace-village-approved")


def test_a_township_centre_reads_a_submitted_assessment_but_may_not_review_it(page, demo):
    township = scope_of(demo, "township_centre")
    found = demo.rows(
        "select id from peacevillage_assessment where status = 'submitted' and submitted_at < ? "
        "and area_id between ? and ? order by id limit 1",
        SEEDED_BEFORE,
        township,
        township + 999,
    )
    login(page, "township_centre")
    if found:
        pk = found[0][0]
    else:  # the township submits one of its drafts, as it would
        pk = demo.value(
            "select id from peacevillage_assessment where status = 'draft' and area_id between ? and ? "
            "order by id desc limit 1",
            township,
            township + 999,
        )
        graphql(
            page,
            "mutation($data: IdInput!) { submitPeaceVillageAssessment(data: $data) { __typename } }",
            {"data": {"id": str(pk)}},
        )
    page.goto(f"/#/PeaceVillageAssessment/{pk}/show/checklist")
    page.get_by_test_id("assessment-checklist").get_by_text("考评状态为“已提交”").wait_for()
    assert page.locator("[data-save]").count() == 0
    assert page.locator("[data-action]").count() == 0  # reviewing is for the county
    screenshot(page, "peace-village-township")


def ranking_rows(demo: Demo, low: int, high: int, width: int, period: str, statuses: tuple) -> list:
    """The ranking as backend/peacevillage/selectors.py defines it, computed from the rows."""
    marks = ",".join("?" * len(statuses))
    rows = demo.rows(
        f"select (area_id / ?) * ?, count(*), sum(qualified), avg(score) from peacevillage_assessment "
        f"where period = ? and status in ({marks}) and area_id between ? and ? group by 1",
        width,
        width,
        period,
        *statuses,
        low,
        high,
    )
    rows.sort(key=lambda r: (-Decimal(r[3]), -r[2], r[0]))
    names = dict(
        demo.rows("select code, name from areas_area where code between ? and ?", low, high)
    )
    return [
        [str(rank), names[code], f"{Decimal(avg).quantize(Decimal('0.1'))}", str(n), str(ok)]
        for rank, (code, n, ok, avg) in enumerate(rows, start=1)
    ]


def shown_ranking(page) -> list:
    table = page.get_by_test_id("ranking-table")
    table.wait_for()
    cells = [row.locator("td").all_inner_texts() for row in table.locator("tbody tr").all()]
    return [[c[0], c[1], c[2], c[3], c[6]] for c in cells]


def period_label(period: str) -> str:
    year, _, part = period.partition("-")
    if not part:
        return f"{year} 年度"
    if part.startswith("H"):
        return f"{year} 年{'上' if part == 'H1' else '下'}半年"
    return f"{year} 年第{part[1]}季度"


def latest_approved(demo: Demo, low: int, high: int) -> str:
    return str(
        demo.value(
            "select max(period) from peacevillage_assessment where status = 'approved' "
            "and area_id between ? and ?",
            low,
            high,
        )
    )


def test_the_ranking_ranks_townships_then_villages_by_average_score(page, demo):
    low, high = county_range(SUNING)
    before = latest_approved(demo, low, high)
    period = "2026-H1"  # every demo village has an approved first-half assessment
    login(page, "county_centre")
    page.goto("/#/peace-village/ranking")
    trail = page.get_by_test_id("ranking-trail")
    trail.get_by_text("肃宁县").wait_for()  # the reader's own county to start with
    page.get_by_test_id("period").filter(has_text="年").wait_for()
    # the latest period with approved assessments (the workflow test may approve one meanwhile)
    starts = {period_label(before), period_label(latest_approved(demo, low, high))}
    assert page.get_by_test_id("period").inner_text() in starts
    page.get_by_test_id("period").click()
    page.get_by_role("option", name=period_label(period)).click()
    expected = ranking_rows(demo, low, high, 1000, period, ("approved",))
    assert expected, "the demo has approved assessments in 肃宁县"
    wait_for(lambda: shown_ranking(page) == expected, page)
    assert page.locator("[data-chart=peace-village-ranking] canvas").count() == 1
    screenshot(page, "peace-village-ranking")

    page.get_by_role("switch").check()  # 含已提交
    with_submitted = ranking_rows(demo, low, high, 1000, period, ("approved", "submitted"))
    wait_for(lambda: shown_ranking(page) == with_submitted, page)
    page.get_by_role("switch").uncheck()
    wait_for(lambda: shown_ranking(page) == expected, page)

    township_name = expected[0][1]
    township = demo.value(
        "select code from areas_area where name = ? and code between ? and ?",
        township_name,
        low,
        high,
    )
    page.get_by_test_id("ranking-table").get_by_role(
        "button", name=township_name, exact=True
    ).click()
    trail.get_by_text(township_name).wait_for()
    villages = ranking_rows(demo, township, township + 999, 1, period, ("approved",))
    wait_for(lambda: shown_ranking(page) == villages, page)
    screenshot(page, "peace-village-ranking-villages")

    page.get_by_test_id("ranking-table").locator("tbody tr").first.get_by_text("查看考评").click()
    page.wait_for_url(re.compile(r"/PeaceVillageAssessment\?filter="))
    page.locator(".RaDatagrid-tbody tr").first.wait_for()
    assert page.locator(".RaDatagrid-tbody tr").count() == 1  # that village, that period


def links_of(demo: Demo) -> dict:
    """Adjacency of the event graph over the items of 肃宁县 (the county centre sees them all)."""
    low, high = county_range(SUNING)
    areas = {}
    for table, kind in (
        ("disputes_dispute", "disputes.dispute"),
        ("reports_report", "reports.report"),
    ):
        for pk, area in demo.rows(
            f"select id, area_id from {table} where area_id between ? and ?", low, high
        ):
            areas[f"{kind}:{pk}"] = area
    adjacency: dict = {}
    for a_type, a_id, b_type, b_id in demo.rows(
        "select a_type, a_id, b_type, b_id from eventgraph_eventlink"
    ):
        a, b = f"{a_type}:{a_id}", f"{b_type}:{b_id}"
        if a in areas and b in areas:
            adjacency.setdefault(a, set()).add(b)
            adjacency.setdefault(b, set()).add(a)
    return adjacency


def reach(adjacency: dict, root: str, depth: int) -> set:
    found, frontier = {root}, {root}
    for _ in range(depth):
        frontier = {n for f in frontier for n in adjacency.get(f, ())} - found
        found |= frontier
    return found


def shown_nodes(page) -> set:
    table = page.get_by_test_id("event-graph-items")
    table.wait_for()
    return {row.get_attribute("data-node") for row in table.locator("tbody tr").all()}


def test_the_event_graph_of_an_item_shows_its_linked_items_and_opens_them(page, demo):
    adjacency = links_of(demo)
    reached = {key: len(reach(adjacency, key, 2)) for key in sorted(adjacency)}
    root = max(reached, key=lambda key: reached[key] if reached[key] <= MAX_NODES else 0)
    one, two = reach(adjacency, root, 1), reach(adjacency, root, 2)
    resource = "Report" if root.startswith("reports.") else "Dispute"
    pk = root.split(":")[1]
    login(page, "county_centre")
    page.goto(f"/#/{resource}/{pk}/show/graph")
    chart = page.locator("[data-chart=event-graph]")
    chart.locator("canvas").wait_for()
    assert len(one) > 1 and len(two) <= MAX_NODES
    assert shown_nodes(page) == one
    assert chart.get_attribute("data-nodes") == str(len(one))
    page.locator("[data-depth='2']").click()
    page.locator(f"[data-chart=event-graph][data-nodes='{len(two)}']").wait_for()
    assert shown_nodes(page) == two
    page.wait_for_timeout(1500)  # the force layout settles
    screenshot(page, "event-graph")

    box = chart.bounding_box()  # the item itself is held in the middle: clicking it opens it
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(re.compile(rf"/{resource}/{pk}/show$"))

    page.goto(f"/#/{resource}/{pk}/show/graph")
    neighbour = sorted(one - {root})[0]
    kind, other = neighbour.split(":")
    page.get_by_test_id("event-graph-items").locator(f"[data-node='{neighbour}'] a").click()
    target = "Report" if kind == "reports.report" else "Dispute"
    page.wait_for_url(re.compile(rf"/{target}/{other}/show"))


def village_items(demo: Demo, low: int, high: int, first: date, last: date) -> dict:
    """Items per village registered from `first` to `last` (reports by their local day)."""
    counts: dict = {}
    disputes = demo.rows(
        "select d.area_id, d.number from disputes_dispute d join areas_area a on a.code = d.area_id "
        "where a.level = 6 and d.area_id between ? and ? and d.registered_on between ? and ?",
        low,
        high,
        first.isoformat(),
        last.isoformat(),
    )
    reports = demo.rows(
        "select r.area_id, r.number from reports_report r join areas_area a on a.code = r.area_id "
        "where a.level = 6 and r.area_id between ? and ? "
        "and date(r.registered_at, '+8 hours') between ? and ?",
        low,
        high,
        first.isoformat(),
        last.isoformat(),
    )
    for area, number in disputes + reports:
        counts.setdefault(area, []).append(number)
    return counts


def test_early_warnings_list_villages_with_linked_items_and_open_their_graph(page, demo):
    low, high = county_range(SUNING)
    days, min_items = 90, 2
    first = DEMO_CLOCK - timedelta(days=days - 1)
    items = village_items(demo, low, high, first, DEMO_CLOCK)
    hot = {area: numbers for area, numbers in items.items() if len(numbers) >= min_items}
    login(page, "county_centre")
    page.goto("/#/early-warnings")
    page.get_by_test_id("early-warnings").wait_for()
    page.get_by_test_id("as-of").fill(DEMO_CLOCK.isoformat())
    page.get_by_test_id("days").click()
    page.locator(f"[data-days='{days}']").click()
    page.get_by_test_id("min-items").fill(str(min_items))
    if not hot:
        page.get_by_test_id("warnings-empty").wait_for()
        return
    table = page.get_by_test_id("warning-table")
    table.locator(f"tr[data-area='{max(hot)}']").wait_for()

    def shown() -> dict:
        return {
            int(row.get_attribute("data-area")): int(row.locator("[data-items]").inner_text())
            for row in table.locator("tbody tr").all()
        }

    expected = {area: len(numbers) for area, numbers in hot.items()}
    wait_for(lambda: shown() == expected, page)  # the last of the inputs changed has answered
    screenshot(page, "early-warnings")

    village = int(table.locator("tbody tr").first.get_attribute("data-area"))
    table.locator("tbody tr").first.click()
    dialog = page.locator("[data-dialog=place-graph]")
    dialog.locator("[data-chart=event-graph] canvas").wait_for()
    rows = dialog.get_by_test_id("event-graph-items").inner_text()
    assert all(number in rows for number in hot[village])
    screenshot(page, "early-warning-graph")
    dialog.get_by_role("button", name="关闭").click()

    disputes = demo.value(
        "select count(*) from disputes_dispute where area_id = ? and registered_on between ? and ?",
        village,
        first.isoformat(),
        DEMO_CLOCK.isoformat(),
    )
    if disputes:
        table.locator(f"tr[data-area='{village}'] [data-open=disputes]").click()
        page.wait_for_url(re.compile(r"/Dispute\?filter="))
        page.locator(".RaDatagrid-tbody tr").nth(disputes - 1).wait_for()
        assert page.locator(".RaDatagrid-tbody tr").count() == disputes


def test_repeated_parties_are_listed_masked(page, demo):
    low, high = county_range(SUNING)
    repeated = demo.rows(
        "select max(label), count(*) from eventgraph_partykey where area_id between ? and ? "
        "group by digest, kind having count(*) >= 2 order by count(*) desc",
        low,
        high,
    )
    login(page, "county_centre")
    page.goto("/#/early-warnings")
    page.locator("[data-tab=repeated]").click()
    if not repeated:
        page.get_by_test_id("repeated-empty").wait_for()
        screenshot(page, "repeated-parties-empty")
        return
    table = page.get_by_test_id("repeated-table")
    table.wait_for()
    labels = {row.get_attribute("data-party") for row in table.locator("tbody tr").all()}
    if len(repeated) <= 50:  # the API lists at most 50
        assert labels == {label for label, _ in repeated}
    assert len(labels) == min(len(repeated), 50)
    assert all("*" in label for label in labels)  # masked, as the API gives them
    screenshot(page, "repeated-parties")
