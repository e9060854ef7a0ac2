"""What people do in the portal, in Chromium against the seeded demo (accounts in README, "Demo data")."""

import re
import struct
import zlib

from playwright.sync_api import expect

from tests.browser.conftest import login, screenshot

SUNING, XIANXIAN = 130926000000, 130929000000  # 肃宁县, 献县 (sibling counties)


def county_range(code: int) -> tuple[int, int]:
    return code, code + 999_999


def tiny_png() -> bytes:
    """A real 2×2 PNG (evidence is checked by content, not by name)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    pixels = zlib.compress(b"\x00\xff\x00\x00\xff\x00\x00" * 2)
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def unit_of(demo, username: str) -> int:
    return demo.value(
        "select m.unit_id from org_membership m join accounts_user u on u.id = m.user_id "
        "where u.username = ? and m.unit_id is not null",
        username,
    )


def tasks_of_unit(demo, unit: int) -> set[str]:
    rows = demo.rows(
        "select code from creation_creationtask t where t.lead_unit_id = ? or exists ("
        "select 1 from creation_taskcounit c where c.task_id = t.id and c.unit_id = ?)",
        unit,
        unit,
    )
    return {code for (code,) in rows}


def start_action(page, name: str, scope=None) -> None:
    """A workflow action: a button, or an item of the "办理" menu when a record has many."""
    scope = scope or page
    scope.locator(f"[data-actions-menu], [data-action={name}]").first.wait_for()
    menu = scope.locator("[data-actions-menu]")
    if menu.count():
        menu.first.click()
    page.locator(f"[data-action={name}]").click()


def logout(page) -> None:
    page.click("button[aria-label='个人设置']")
    page.click("text=退出登录")
    page.wait_for_selector("input[name=username]")


def test_a_member_unit_handler_sees_only_their_units_tasks(page, demo):
    expected = tasks_of_unit(demo, unit_of(demo, "unit_handler"))
    assert 0 < len(expected) < demo.value("select count(*) from creation_creationtask")

    login(page, "unit_handler")
    assert page.get_by_role("menuitem", name="创建任务").is_visible()
    assert page.get_by_role("menuitem", name="矛盾纠纷").count() == 0  # no dispute is theirs to see

    page.goto("/#/CreationTask?perPage=100&page=1")
    page.wait_for_selector("table tbody tr")
    page.wait_for_function(
        "n => document.querySelectorAll('table tbody tr').length === n", arg=len(expected)
    )
    shown = set(page.locator("table tbody tr td:first-child").all_inner_texts())
    screenshot(page, "unit-handler-tasks")
    assert shown == expected
    assert page.get_by_text(re.compile(rf"共 {len(expected)} 条")).is_visible()

    logout(page)
    screenshot(page, "login")
    assert page.get_by_role("button", name="登录").is_visible()


def test_a_member_unit_handler_reports_progress_with_an_evidence_file(page, demo, tmp_path):
    unit = unit_of(demo, "unit_handler")
    task, code, progress = demo.rows(
        "select id, code, progress from creation_creationtask where lead_unit_id = ? "
        "and status = 'in_progress' and progress <= 80 order by code limit 1",
        unit,
    )[0]
    photo = tmp_path / "现场照片.png"
    photo.write_bytes(tiny_png())

    login(page, "unit_handler")
    page.goto(f"/#/CreationTask/{task}/show")
    page.wait_for_selector(f"text={code}")
    start_action(page, "reportTaskProgress")
    dialog = page.get_by_role("dialog")
    dialog.get_by_label(re.compile("^完成进度")).fill(str(progress + 10))
    dialog.get_by_label(re.compile("^进展情况")).fill("已完成第二阶段工作，附现场照片。")
    dialog.locator("input[type=file]").set_input_files(str(photo))
    dialog.get_by_text("现场照片.png").wait_for()
    screenshot(page, "report-progress-dialog")
    dialog.get_by_role("button", name=re.compile("报送进度")).click()
    page.get_by_text("已完成：报送进度").wait_for()

    report = demo.rows(
        "select id, percent from creation_taskprogressreport where task_id = ? order by id desc limit 1",
        task,
    )[0]
    assert report[1] == progress + 10
    assert (
        demo.value(
            "select original_name from evidence_evidence where progress_report_id = ?", report[0]
        )
        == "现场照片.png"
    )
    page.get_by_role("tab", name=re.compile("进度报告")).click()
    page.get_by_text("已完成第二阶段工作，附现场照片。").wait_for()
    screenshot(page, "report-progress-done")
    logout(page)


def test_a_county_user_opening_another_countys_dispute_sees_not_found(page, demo):
    own_id, own_number = demo.rows(
        "select id, number from disputes_dispute where area_id between ? and ? order by id limit 1",
        *county_range(SUNING),
    )[0]
    other_id, other_number = demo.rows(
        "select id, number from disputes_dispute where area_id between ? and ? order by id limit 1",
        *county_range(XIANXIAN),
    )[0]

    login(page, "county_centre")
    page.goto(f"/#/Dispute/{own_id}/show")
    page.get_by_text(own_number).first.wait_for()

    page.goto(f"/#/Dispute/{other_id}/show")
    not_found = page.get_by_test_id("record-not-found")
    not_found.wait_for()
    screenshot(page, "county-other-county-dispute")
    assert "未找到" in not_found.inner_text()
    assert "不存在，或您无权查看" in not_found.inner_text()
    assert page.get_by_text(other_number).count() == 0


def test_the_dashboard_renders_non_empty_charts(page, demo):
    login(page, "leader")  # 沧州市: the whole city
    cards = page.locator("[data-chart-card]")
    page.wait_for_function(
        "() => document.querySelectorAll('[data-chart] canvas').length >= 6", timeout=60_000
    )
    page.wait_for_timeout(1_000)  # the charts' entry animation
    screenshot(page, "dashboard")
    totals = {
        card.get_attribute("data-chart-card"): card.get_attribute("data-total")
        for card in cards.all()
    }
    assert int(totals["dispute-status"]) == demo.value("select count(*) from disputes_dispute")
    assert int(totals["report-status"]) == demo.value("select count(*) from reports_report")
    assert all(int(total or 0) > 0 for total in totals.values()), totals
    drawn = page.evaluate(
        """() => [...document.querySelectorAll('[data-chart] canvas')].map(canvas => {
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            let inked = 0;
            for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) inked++;
            return inked;
        })"""
    )
    assert drawn and all(inked > 500 for inked in drawn), drawn


def test_english_is_one_click_away(page):
    login(page, "county_centre")
    page.get_by_role("button", name=re.compile("简体中文")).click()
    page.get_by_role("menuitem", name="English").click()
    page.get_by_text("My work").wait_for()
    screenshot(page, "english")
    page.get_by_role("button", name=re.compile("English")).click()
    page.get_by_role("menuitem", name="简体中文").click()
    page.get_by_text("我的待办").first.wait_for()


def test_a_server_validation_error_shows_on_its_field(page, demo):
    dispute_id, phone = demo.rows(
        "select id, responsible_phone from disputes_dispute where area_id between ? and ? "
        "and status in ('registered', 'assigned', 'mediating') order by id limit 1",
        *county_range(SUNING),
    )[0]

    login(page, "county_centre")
    page.goto(f"/#/Dispute/{dispute_id}")
    field = page.locator("input[name=responsiblePhone]")
    # the record (masked or not) is in the form: a fill now is not overwritten by its loading
    expect(field).to_have_value(re.compile(f"{phone[-4:]}$"))
    field.fill("12")
    page.get_by_role("button", name="保存").click()
    page.locator("input[name=responsiblePhone][aria-invalid=true]").wait_for()
    message = page.locator(".ra-input-responsiblePhone").get_by_text("电话号码格式不正确")
    assert message.is_visible()
    screenshot(page, "validation-error-on-field")
    assert page.url.endswith(f"/Dispute/{dispute_id}")  # still on the form, nothing saved
    assert page.locator("[aria-invalid=true]").count() == 1  # only that field
    assert (
        demo.value("select responsible_phone from disputes_dispute where id = ?", dispute_id)
        == phone
    )


def resident_id(prefix: str) -> str:
    """A valid 18-digit resident ID number (GB 11643 check digit) starting with 17 given digits."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(prefix, weights, strict=True))
    return prefix + "10X98765432"[total % 11]


def graphql(page, query: str, variables: dict) -> dict:
    """The public API with the page's session (setting up what a clerk would have registered)."""
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    response = page.request.post(
        "/graphql/",
        data={"query": query, "variables": variables},
        headers={"X-CSRFToken": token, "Content-Type": "application/json"},
    )
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


def pick(page, dialog, label: str, text: str) -> None:
    field = dialog.get_by_label(re.compile(f"^{label}"))
    field.click()
    field.fill(text)
    page.get_by_role("option", name=re.compile(text)).first.click()


def test_a_township_commissar_assigns_a_mediator_and_dispatches_a_report_that_the_department_signs(
    page, demo
):
    township, township_unit = 130926100000, unit_of(demo, "township_centre")
    mediator_id, mediator = demo.rows(
        "select id, name from teams_teammember where is_mediator = 1 and active = 1 "
        "and area_id between ? and ? order by id limit 1",
        township,
        township + 999,
    )[0]
    department = unit_of(demo, "mediator")  # 肃宁镇司法所, the department that will handle it
    department_name = demo.value("select name from org_unit where id = ?", department)
    category = demo.value(
        "select id from reports_reportcategory where parent_id is not null and active = 1 order by id limit 1"
    )

    login(page, "township_centre")  # registers a dispute and a report, as the centre does each day
    dispute = graphql(
        page,
        "mutation($data: DisputeCreateInput!) { createDispute(data: $data) {"
        " ... on Dispute { id number } ... on OperationInfo { messages { field message } } } }",
        {
            "data": {
                "title": "浏览器测试：宅基地界线纠纷",
                "occurredOn": "2026-10-20",
                "areaCode": str(township),
                "address": "肃宁镇东街 1 号",
                "scaleCode": "01",
                "typeCode": "0201",
                "peopleCount": 2,
                "summary": "两户因宅基地界线发生争执。",
                "source": "visit",
                "handlingUnitId": str(township_unit),
                "responsibleName": "王主任",
                "responsiblePhone": "13800000000",
                "parties": [
                    {
                        "role": "applicant",
                        "name": "张三",
                        "idType": "resident_id",
                        "idNumber": resident_id("13092619800101123"),
                        "sex": "male",
                        "phone": "13900000000",
                        "address": "肃宁镇东街 1 号",
                    }
                ],
            }
        },
    )["createDispute"]
    assert "id" in dispute, dispute
    report = graphql(
        page,
        "mutation($data: ReportCreateInput!) { createReport(data: $data) {"
        " ... on Report { id number } ... on OperationInfo { messages { field message } } } }",
        {
            "data": {
                "source": "grid_worker",
                "categoryId": str(category),
                "areaCode": str(township),
                "title": "浏览器测试：村口路灯不亮",
                "description": "村口三盏路灯已坏一周。",
            }
        },
    )["createReport"]
    assert "id" in report, report
    logout(page)

    login(page, "township_commissar")
    page.goto("/#/teams")
    page.locator("[data-team]").first.wait_for()
    assert page.locator("[data-team]").count() >= 4
    row = page.get_by_test_id("township-disputes").locator("tr", has_text=dispute["number"])
    row.wait_for()
    screenshot(page, "township-teams")
    start_action(page, "assignMediators", scope=row)  # from the coordination page itself
    dialog = page.get_by_role("dialog")
    pick(page, dialog, "调解员", mediator)
    dialog.get_by_role("button", name="指派调解员").click()
    page.get_by_text("已完成：指派调解员").wait_for()
    assert demo.rows(
        "select 1 from disputes_disputemediator where dispute_id = ? and member_id = ?",
        dispute["id"],
        mediator_id,
    )

    page.goto(f"/#/Report/{report['id']}/show")
    start_action(page, "dispatchReport")
    dialog = page.get_by_role("dialog")
    pick(page, dialog, "承办单位", department_name)
    screenshot(page, "dispatch-report")
    dialog.get_by_role("button", name=re.compile("派单")).click()
    page.get_by_text(re.compile("已完成：派单")).wait_for()
    assert demo.rows(
        "select status, current_unit_id from reports_report where id = ?", report["id"]
    ) == [("dispatched", department)]
    logout(page)

    login(page, "mediator")
    page.goto("/#/my-work")
    inbox = page.locator("[data-inbox=Report]")
    row = inbox.locator("tr", has_text=report["number"])
    row.wait_for()
    screenshot(page, "department-my-work")
    start_action(page, "signReport", scope=row)
    page.get_by_role("dialog").get_by_role("button", name=re.compile("签收")).click()
    page.get_by_text(re.compile("已完成：签收")).wait_for()
    assert demo.value("select status from reports_report where id = ?", report["id"]) == "signed"


def test_evidence_is_uploaded_by_drop_zone_and_downloaded_through_the_checked_view(
    page, demo, tmp_path
):
    dispute_id = demo.value(
        "select id from disputes_dispute where area_id between ? and ? order by id desc limit 1",
        *county_range(SUNING),
    )
    photo = tmp_path / "调解现场.png"
    photo.write_bytes(tiny_png())

    login(page, "county_centre")
    page.goto(f"/#/Dispute/{dispute_id}/show")
    page.get_by_role("tab", name=re.compile("佐证材料")).click()
    page.get_by_test_id("evidence-input").set_input_files(str(photo))
    link = page.get_by_test_id("evidence-list").get_by_role("link", name="调解现场.png")
    link.wait_for()
    screenshot(page, "evidence-uploaded")

    evidence_id = demo.value(
        "select id from evidence_evidence where dispute_id = ? and original_name = ?",
        dispute_id,
        "调解现场.png",
    )
    assert link.get_attribute("href") == f"/evidence/{evidence_id}/download"
    download = page.request.get(link.get_attribute("href"))
    assert download.status == 200 and download.body() == photo.read_bytes()
