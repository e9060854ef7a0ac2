"""The workflow in the portal: only the actions the server lists for this user on this record, the
流程记录 timeline, the notification bell and page, 督办 proposals and legal recommendations
(accounts in README, "Demo data").

Each test works on its own unit's notifications and supervisions, so the tests may run in parallel."""

import re

from tests.browser.conftest import login, screenshot
from tests.browser.test_portal import SUNING, county_range, graphql, logout, pick, unit_of

TOWNSHIP = 130926100000  # 肃宁镇


def dispatched_report(page, demo, unit: int, title: str) -> dict:
    """A report the township centre registers and dispatches to `unit`, as it does each day."""
    category = demo.value(
        "select id from reports_reportcategory where parent_id is not null and active = 1 order by id limit 1"
    )
    login(page, "township_centre")
    report = graphql(
        page,
        "mutation($data: ReportCreateInput!) { createReport(data: $data) { ... on Report { id number } } }",
        {
            "data": {
                "source": "grid_worker",
                "categoryId": str(category),
                "areaCode": str(TOWNSHIP),
                "title": title,
                "description": "东街路面塌陷约两平方米。",
            }
        },
    )["createReport"]
    graphql(
        page,
        "mutation($data: DispatchReportInput!) { dispatchReport(data: $data) { ... on Report { id } } }",
        {"data": {"id": report["id"], "unitId": str(unit)}},
    )
    logout(page)
    return report


def unread(demo, username: str) -> int:
    return demo.value(
        "select count(*) from notifications_notification n where n.read_at is null and ("
        "n.unit_id in (select unit_id from org_membership m join accounts_user u on u.id = m.user_id"
        " where u.username = ?) or n.user_id = (select id from accounts_user where username = ?))",
        username,
        username,
    )


def offered(page) -> set[str]:
    """The transitions offered as buttons in the record's toolbar."""
    buttons = page.locator("[data-transition]")
    buttons.first.wait_for()
    return {b.get_attribute("data-transition") for b in buttons.all()}


def test_a_unit_handler_signs_a_dispatched_report_with_only_its_actions_and_sees_the_steps(
    page, demo
):
    unit = unit_of(demo, "unit_handler")  # 市司法局
    report = dispatched_report(page, demo, unit, "浏览器测试：路面塌陷")
    expected_unread = unread(demo, "unit_handler")
    assert expected_unread > 0  # the dispatch, and the periodic check's overdue notices

    login(page, "unit_handler")
    bell = page.get_by_test_id("notification-bell")
    bell.locator(".MuiBadge-badge", has_text=str(expected_unread)).wait_for()
    assert bell.get_attribute("data-unread") == str(expected_unread)
    screenshot(page, "notification-bell")

    bell.click()
    row = page.locator("[data-notification][data-unread=true]", has_text=report["number"])
    row.wait_for()
    screenshot(page, "notifications")
    row.get_by_role("link").click()  # opens the report and marks the notice read
    page.wait_for_url(re.compile(rf"/Report/{report['id']}/show"))
    bell.locator(".MuiBadge-badge", has_text=str(expected_unread - 1)).wait_for()

    assert offered(page) == {"sign", "return", "transfer"}
    assert page.locator("[data-actions-menu]").count() == 0
    screenshot(page, "report-actions-dispatched")

    # a blank reason is refused by the server, on the reason field, in Chinese; nothing changes
    page.locator("[data-transition=transfer]").click()
    dialog = page.get_by_role("dialog")
    pick(
        page,
        dialog,
        "转至单位",
        demo.value("select name from org_unit where id = ?", unit_of(demo, "mediator")),
    )
    dialog.locator("[name=reason]").fill("   ")
    dialog.get_by_role("button", name="转派").click()
    dialog.locator(".ra-input-reason").get_by_text("转派必须填写理由").wait_for()
    assert dialog.locator("[aria-invalid=true]").count() == 1
    screenshot(page, "report-transfer-refused")
    dialog.get_by_role("button", name="取消").click()
    dialog.wait_for(state="detached")
    assert (
        demo.value("select status from reports_report where id = ?", report["id"]) == "dispatched"
    )

    page.locator("[data-transition=sign]").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_text("确定要“签收”吗？").wait_for()
    dialog.get_by_role("button", name="签收").click()
    page.get_by_text("已完成：签收").wait_for()
    assert demo.value("select status from reports_report where id = ?", report["id"]) == "signed"
    page.locator("[data-transition=feedback]").wait_for()  # the record and its actions refreshed
    assert "sign" not in offered(page)

    page.get_by_role("tab", name="流程记录").click()
    steps = page.get_by_test_id("timeline").locator("[data-moment=step]")
    steps.nth(1).wait_for()
    assert [s.get_attribute("data-step") for s in steps.all()] == ["sign", "dispatch"]
    assert steps.first.locator("[data-states]").inner_text().split() == ["已派单", "已签收"]
    assert "演示用户（成员单位经办人）" in steps.first.inner_text()
    screenshot(page, "report-timeline")

    page.goto("/#/notifications")
    page.get_by_test_id("mark-all-read").click()
    page.locator("[data-notification][data-unread=true]").first.wait_for(state="detached")
    bell.locator(".MuiBadge-invisible").wait_for(state="attached")
    assert unread(demo, "unit_handler") == 0


def proposals_in(demo, low: int, high: int) -> list[tuple]:
    return demo.rows(
        "select id, level from workflow_supervision where status = 'proposed' "
        "and area_id between ? and ? order by created_at desc, id desc",
        low,
        high,
    )


def may_decide_supervision(demo, role: str) -> bool:
    """Whether the role's permissions (as synced from permissions/roles.py) let it decide 督办."""
    return bool(
        demo.value(
            "select count(*) from auth_group_permissions gp join auth_group g on g.id = gp.group_id"
            " join auth_permission p on p.id = gp.permission_id"
            " where g.name = ? and p.codename = 'change_supervision'",
            f"role:{role}",
        )
    )


def test_a_county_centre_issues_a_supervision_proposal_that_a_township_centre_sees(page, demo):
    township = proposals_in(demo, TOWNSHIP, TOWNSHIP + 999)  # its villages
    assert township, "the periodic check proposes supervision of the township's overdue items"

    login(page, "township_centre")  # sees its township's supervisions; decides them if it may
    page.goto("/#/supervisions")
    rows = page.locator("[data-supervision]")
    rows.first.wait_for()
    shown = {int(r.get_attribute("data-supervision")) for r in rows.all()}
    assert {pk for pk, _ in township[:20]} == shown
    buttons = page.locator("[data-decide=issue]").count()
    assert buttons == (len(shown) if may_decide_supervision(demo, "township_centre") else 0)
    screenshot(page, "supervisions-township")
    logout(page)

    assert may_decide_supervision(demo, "county_centre")
    proposal, level = proposals_in(demo, *county_range(SUNING))[0]
    login(page, "county_centre")
    page.goto("/#/supervisions")
    row = page.locator(f"[data-supervision='{proposal}']")
    row.wait_for()
    level_name = {"ordinary": "一般督办", "yellow": "黄牌督办", "red": "红牌督办"}[level]
    assert level_name in row.inner_text()
    row.locator("[data-decide=issue]").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("政策种类").click()
    page.get_by_role("option", name="05 挂牌督办").click()
    screenshot(page, "supervision-issue-dialog")
    dialog.get_by_role("button", name="下达督办").click()
    page.get_by_text("已完成：下达督办").wait_for()
    row.wait_for(state="detached")  # no longer a proposal
    assert demo.rows("select status, measure from workflow_supervision where id = ?", proposal) == [
        ("issued", "05")
    ]

    page.get_by_test_id("filter-status").get_by_role("combobox").click()
    page.get_by_role("option", name="已下达").click()
    issued = page.locator(f"[data-supervision='{proposal}'][data-status=issued]")
    issued.wait_for()
    assert "挂牌督办" in issued.inner_text() and "演示用户（县级综治中心）" in issued.inner_text()
    screenshot(page, "supervisions-issued")


def test_legal_recommendations_show_provisions_and_similar_disputes_and_take_a_mark(page, demo):
    dispute = demo.value(
        "select id from disputes_dispute where area_id between ? and ? order by id limit 1",
        *county_range(SUNING),
    )
    login(page, "county_centre")
    page.goto(f"/#/Dispute/{dispute}/show")
    page.get_by_role("tab", name="法律推荐").click()
    panel = page.get_by_test_id("legal-panel")
    panel.wait_for(timeout=60_000)  # the first recommendation builds the search index
    provision = panel.locator("[data-provision]").first
    key = provision.get_attribute("data-provision")
    assert re.search(r"第.+条", provision.inner_text())
    assert panel.get_by_text("相似的已化解纠纷").is_visible()
    provision.locator("[data-mark=useful]").click()
    page.get_by_text("已记录，后续推荐会参考您的标记").wait_for()
    screenshot(page, "legal-recommendations")
    assert demo.rows(
        "select f.useful from legal_recommendationfeedback f join accounts_user u on u.id = f.user_id "
        "where f.dispute_id = ? and f.provision_key = ? and u.username = 'county_centre'",
        dispute,
        key,
    ) == [(1,)]
