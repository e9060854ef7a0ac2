"""The portal in a real browser: Debian's Chromium driven by Playwright against gunicorn serving the
static build and the API over a seeded demo database (DESIGN.md, "Browser tests").

The database is migrated and seeded once per run (pytest-xdist workers share it through a lock);
each worker starts its own gunicorn on a free port. Screenshots go to var/screenshots/.
"""

import fcntl
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "frontend_build" / "dist" / "index.html"
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "var" / "screenshots"
PASSWORD = "Zhili-demo-2026"  # every demo account's (README, "Demo data")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def _unavailable() -> str | None:
    if not DIST.exists():
        return "the portal is not built: run `make frontend`"
    if not CHROMIUM.exists():
        return "Debian's chromium is not installed: apt-get install -y chromium fonts-wqy-zenhei"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed"
    return None


@pytest.fixture(scope="session")
def _requirements() -> None:
    missing = _unavailable()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)


class Demo:
    """The seeded demo database, read directly with SQLite: the oracle the browser is checked against."""

    def __init__(self, path: Path, env: dict[str, str]) -> None:
        self.path, self.env = path, env

    def rows(self, sql: str, *params: object) -> list[tuple]:
        with sqlite3.connect(self.path) as connection:
            return connection.execute(sql, params).fetchall()

    def value(self, sql: str, *params: object) -> object:
        return self.rows(sql, *params)[0][0]


@pytest.fixture(scope="session")
def demo(_requirements, tmp_path_factory) -> Demo:
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # one per run
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{shared / 'portal.sqlite3'}",
        "ZHILI_VAR_DIR": str(shared / "portal-var"),
        "ZHILI_MEDIA_ROOT": str(shared / "portal-media"),
        "ZHILI_ENV": "development",
        "DEBUG": "",
    }
    with open(shared / "portal.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (shared / "portal.seeded").exists():
            # the periodic check raises the overdue notices and supervision proposals people act on
            for command in (
                ["migrate", "--noinput", "-v0"],
                ["seed_demo", "--scale", "small"],
                ["workflow_check"],
            ):
                subprocess.run(
                    [sys.executable, "manage.py", *command],
                    cwd=ROOT,
                    env=env,
                    check=True,
                    capture_output=True,
                    timeout=600,
                )
            (shared / "portal.seeded").touch()
    return Demo(shared / "portal.sqlite3", env)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def portal(demo: Demo) -> Iterator[str]:
    """gunicorn serving this checkout (API and static build) on a free loopback port."""
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "backend.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        cwd=ROOT,
        env=demo.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2):
                    break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not answer /healthz")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture(scope="session")
def browser(_requirements):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.failed_call = report.failed
    return report


@pytest.fixture
def page(browser, portal, request):
    context = browser.new_context(
        base_url=portal, locale="zh-CN", viewport={"width": 1400, "height": 900}
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    traffic: list[str] = []  # what went wrong on the wire, reported when the test fails
    page.on("response", lambda r: r.status >= 400 and traffic.append(f"{r.status} {r.url}"))
    page.on("requestfailed", lambda r: traffic.append(f"failed {r.url}: {r.failure}"))
    page.on("framenavigated", lambda frame: traffic.append(f"at {frame.url}"))
    yield page
    if getattr(request.node, "failed_call", False):
        screenshot(page, f"failed-{request.node.name}")
        print("browser traffic of the failed test:", *traffic, sep="\n  ")
    context.close()
    assert not errors, errors


def login(page, username: str) -> None:
    page.goto("/#/login")
    # the login form renders again once the app has checked the (absent) session: fill it after that
    page.wait_for_load_state("networkidle")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    assert page.input_value("input[name=username]") == username
    page.click("button[type=submit]")
    page.wait_for_selector("[data-testid=dashboard]")


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
