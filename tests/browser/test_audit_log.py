"""The audit log in the portal: the auditor reads the entries of the city, newest first, and one
entry with its field-level changes; a county centre without the audit permission has no such page."""

from tests.browser.conftest import login, screenshot


def test_the_auditor_reads_the_log_and_one_entry(page, demo):
    newest = demo.rows(
        "select id, object_type from audit_auditentry where area_id is not null "
        "order by created_at desc, id desc limit 1"
    )
    login(page, "auditor")
    page.goto("/#/AuditEntry")
    page.locator("table tbody tr").first.wait_for()
    screenshot(page, "audit-log-list")
    if newest:
        entry, object_type = newest[0]
        page.goto(f"/#/AuditEntry/{entry}/show")
        page.get_by_text(object_type).first.wait_for()
        screenshot(page, "audit-log-entry")
        assert "[object Object]" not in page.content()  # the changes are shown as data


def test_a_county_centre_has_no_audit_log_page(page, demo):
    login(page, "county_centre")
    assert page.get_by_role("menuitem", name="审计日志").count() == 0
