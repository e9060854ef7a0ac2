"""API 令牌 in the portal: an administrator gives an integrator a token limited to 肃宁县, the secret
is shown once, the integrator's system calls the API with it until the token is revoked."""

import hashlib
import json

from tests.browser.conftest import login, screenshot
from tests.browser.test_portal import SUNING, county_range

DISPUTES = "{ me { username } disputes(pagination: {offset: 0, limit: 100}) { totalCount results { number area { code } } } }"


def open_tokens(page) -> None:
    page.get_by_role("menuitem", name="API 令牌").click()
    page.wait_for_selector("[data-testid=api-tokens]")


def fill_new_token(page, *, name: str, username: str = "", days: str = "90") -> None:
    page.click("[data-testid=create-token]")
    dialog = page.locator("[data-dialog=createApiToken]")
    dialog.locator("input[name=name]").fill(name)
    dialog.locator("input[name=days]").fill(days)
    dialog.locator("input[name=username]").fill(username)
    dialog.get_by_test_id("area-picker").fill("肃宁县")
    page.get_by_role("option", name="肃宁县（130926000000）").click()
    assert dialog.locator(f"[data-scope-code='{SUNING}']").is_visible()


def submit_new_token(page) -> None:
    page.locator("[data-dialog=createApiToken]").get_by_role("button", name="新建令牌").click()


def take_secret(page) -> str:
    """The secret, read from its dialog (and copied), which is then closed."""
    dialog = page.locator("[data-dialog=apiTokenSecret]")
    secret = dialog.get_by_test_id("token-secret").input_value()
    assert secret.startswith("zl_")
    warning = "令牌只显示这一次，请立即复制保存；关闭后无法再次查看"
    assert warning in dialog.get_by_test_id("secret-warning").inner_text()
    assert (
        dialog.get_by_test_id("secret-header").inner_text().strip()
        == f"Authorization: Bearer {secret}"
    )
    dialog.get_by_test_id("copy-secret").click()
    page.get_by_text("已复制到剪贴板").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == secret
    return secret


def assert_forgotten(page, secret: str) -> None:
    """Closed, the secret is nowhere the page keeps things: not shown, stored or in the URL."""
    page.get_by_test_id("secret-done").click()
    page.locator("[data-dialog=apiTokenSecret]").wait_for(state="detached")
    stored = page.evaluate(
        "JSON.stringify([{...localStorage}, {...sessionStorage}, document.cookie])"
    )
    assert secret not in stored and secret not in page.url
    assert secret not in page.content()


def call_api(page, secret: str):
    return page.request.post(
        "/graphql/",
        data=json.dumps({"query": DISPUTES}),
        headers={"Authorization": f"Bearer {secret}", "Content-Type": "application/json"},
    )


def test_city_admin_is_told_why_a_token_is_refused_and_creates_one_for_themselves(page, demo):
    login(page, "city_admin")
    open_tokens(page)
    fill_new_token(page, name="大屏展示", username="admin", days="400")
    submit_new_token(page)
    dialog = page.locator("[data-dialog=createApiToken]")
    days_error = dialog.locator("div:has(> div > input[name=days])").get_by_text(
        "有效期须在 1 到 365 天之间"
    )
    days_error.wait_for()

    # the superuser's rights are in no grant of city_admin: the token would be wider than its creator
    dialog.locator("input[name=days]").fill("90")
    submit_new_token(page)
    refused = dialog.get_by_test_id("server-error")
    refused.wait_for()
    assert "令牌的权限不能超出创建人自己的授权范围" in refused.inner_text()
    screenshot(page, "api-token-refused")
    assert not demo.rows("select 1 from accounts_apitoken where name = '大屏展示'")

    dialog.locator("input[name=username]").fill("")
    submit_new_token(page)
    page.locator("[data-dialog=apiTokenSecret]").wait_for()
    secret = page.locator("[data-testid=token-secret]").input_value()
    assert_forgotten(page, secret)

    prefix = secret.split("_")[1]
    row = page.locator(f"tr[data-token='{prefix}']")
    assert row.get_attribute("data-status") == "active"
    assert row.locator("td").nth(2).inner_text() == "city_admin"
    row.get_by_text("肃宁县").wait_for()  # the area's name beside its code
    owner, scope, digest = demo.rows(
        "select u.username, t.scope_id, t.digest from accounts_apitoken t "
        "join accounts_user u on u.id = t.user_id where t.prefix = ?",
        prefix,
    )[0]
    assert (owner, scope) == ("city_admin", SUNING)
    assert digest == hashlib.sha256(secret.encode()).hexdigest()


def test_an_integrator_token_lists_disputes_of_its_area_until_revoked(page, demo):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    login(page, "city_admin")
    open_tokens(page)
    fill_new_token(page, name="法院系统对接", username="integrator")
    submit_new_token(page)
    page.locator("[data-dialog=apiTokenSecret]").wait_for()
    secret = take_secret(page)
    screenshot(page, "api-token-secret")
    assert_forgotten(page, secret)
    prefix = secret.split("_")[1]
    owner, creator, scope = demo.rows(
        "select u.username, c.username, t.scope_id from accounts_apitoken t "
        "join accounts_user u on u.id = t.user_id join accounts_user c on c.id = t.created_by_id "
        "where t.prefix = ? and t.revoked_at is null",
        prefix,
    )[0]
    assert (owner, creator, scope) == ("integrator", "city_admin", SUNING)

    answer = call_api(page, secret)
    assert answer.status == 200, answer.text()
    data = answer.json()["data"]
    low, high = county_range(SUNING)
    count = "select count(*) from disputes_dispute where area_id between ? and ?"
    in_suning, everywhere = demo.value(count, low, high), demo.value(count, 0, 10**12)
    assert data["me"]["username"] == "integrator"
    assert 0 < data["disputes"]["totalCount"] == in_suning < everywhere
    assert all(low <= int(d["area"]["code"]) <= high for d in data["disputes"]["results"])

    page.reload()
    row = page.locator(f"tr[data-token='{prefix}']")
    last_used = row.locator("td[data-last-used]")  # the call was recorded
    assert last_used.get_attribute("data-last-used") and last_used.inner_text() != "从未使用"
    screenshot(page, "api-tokens-list")
    row.locator(f"[data-revoke='{prefix}']").click()
    confirm = page.get_by_role("dialog")
    assert "法院系统对接" in confirm.inner_text() and prefix in confirm.inner_text()
    confirm.get_by_role("button", name="吊销").click()
    page.locator(f"tr[data-token='{prefix}'][data-status=revoked]").get_by_text("已吊销").wait_for()
    assert row.locator("[data-revoke]").count() == 0
    assert row.locator(".MuiChip-colorError").inner_text() == "已吊销"
    page.wait_for_timeout(500)  # the chip's colour transition, for the screenshot
    screenshot(page, "api-token-revoked")

    refused = call_api(page, secret)
    assert refused.status == 401
    assert refused.json()["errors"][0]["message"] == "API 令牌无效、已过期或已吊销"
    revoked, used = demo.rows(
        "select revoked_at, last_used_at from accounts_apitoken where prefix = ?", prefix
    )[0]
    assert revoked and used


def test_everyone_manages_their_own_tokens_and_sees_no_one_elses(page, demo):
    mine = "select count(*) from accounts_apitoken t join accounts_user u on u.id = t.user_id where u.username = ?"
    assert demo.value(mine, "grid_worker") == 0
    login(page, "grid_worker")
    open_tokens(page)
    empty = page.get_by_test_id("empty-list")
    empty.wait_for()
    assert "新建令牌" in empty.inner_text()
    assert page.locator("tbody tr").count() == 0
    screenshot(page, "api-tokens-empty")
