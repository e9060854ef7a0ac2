"""The city administrator tunes the reminder and supervision thresholds and the peace-village
checklist in the portal: generic pages built from the resource description, errors on their
field in Chinese, the saved value in the database."""

from playwright.sync_api import expect

from tests.browser.conftest import login, screenshot


def test_the_city_admin_edits_a_supervision_threshold_and_a_bad_one_is_refused(page, demo):
    rule_id, yellow_days = demo.rows(
        "select id, yellow_after_days from workflow_escalationrule where process = 'dispute'"
    )[0]
    login(page, "city_admin")
    page.goto("/#/EscalationRule")
    page.get_by_text("矛盾纠纷调解").first.wait_for()
    screenshot(page, "escalation-rules-list")
    page.goto(f"/#/EscalationRule/{rule_id}")
    yellow = page.locator("input[name=yellowAfterDays]")
    expect(yellow).to_have_value(str(yellow_days))  # the record is in the form: edit it now
    yellow.fill("9")
    page.locator("input[name=redAfterDays]").fill("5")
    page.get_by_role("button", name="保存").click()
    page.locator(".ra-input-redAfterDays").get_by_text(
        "红牌督办的超期天数不能少于黄牌督办"
    ).wait_for()
    screenshot(page, "escalation-rule-refused")
    assert (
        demo.value("select red_after_days from workflow_escalationrule where id = ?", rule_id) == 7
    )
    page.locator("input[name=redAfterDays]").fill("12")
    page.get_by_role("button", name="保存").click()
    page.wait_for_url(lambda url: not url.endswith(f"/EscalationRule/{rule_id}"))
    saved = demo.rows(
        "select yellow_after_days, red_after_days from workflow_escalationrule where id = ?",
        rule_id,
    )
    assert saved == [(9, 12)]


def test_the_city_admin_deactivates_a_checklist_item(page, demo):
    item_id = demo.value("select id from peacevillage_checklistitem where code = 'WY05'")
    login(page, "city_admin")
    page.goto(f"/#/ChecklistItem/{item_id}")
    expect(page.locator("input[name=active]")).to_have_value("true")
    page.locator(".ra-input-active [role=combobox]").click()
    page.get_by_role("option", name="否").click()
    page.get_by_role("button", name="保存").click()
    page.wait_for_url(lambda url: not url.endswith(f"/ChecklistItem/{item_id}"))
    screenshot(page, "checklist-items-list")
    assert demo.value("select active from peacevillage_checklistitem where id = ?", item_id) == 0


def test_the_city_office_assigns_a_sponsor_unit_to_a_village(page, demo):
    village, name = demo.rows(
        "select code, name from areas_area a where level = 6 and code between 130926000000 and "
        "130926999999 and not exists (select 1 from peacevillage_villagesponsor s where "
        "s.area_id = a.code) and (select count(*) from areas_area b where b.name = a.name) = 1 "
        "order by code limit 1"
    )[0]
    unit, unit_name = demo.rows(
        "select id, name from org_unit where kind = 'member_unit' and is_active order by id limit 1"
    )[0]
    login(page, "city_admin")
    page.goto("/#/VillageSponsor/create")
    choose(page, "村（社区）", name)
    choose(page, "包联单位", unit_name)
    page.locator("input[name=startOn]").fill("2026-11-02")
    screenshot(page, "village-sponsor-create")
    page.get_by_role("button", name="保存").click()
    page.wait_for_url(lambda url: "/create" not in url)
    screenshot(page, "village-sponsor-created")
    saved = demo.rows(
        "select unit_id, start_on, end_on from peacevillage_villagesponsor where area_id = ?",
        village,
    )
    assert saved == [(unit, "2026-11-02", None)]


def choose(page, label: str, text: str) -> None:
    field = page.get_by_label(label, exact=False).first
    field.click()
    field.fill(text)
    page.get_by_role("option", name=text, exact=True).first.click()
