"""The portal's static build served by Django through whitenoise: index.html is revalidated on every
visit (a new build must reach users at once), Vite's hashed assets are cached for ever."""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings

DIST = Path(settings.WHITENOISE_ROOT)
FOREVER = "max-age=315360000, public, immutable"


@pytest.fixture(scope="module")
def built() -> Path:
    if not (DIST / "index.html").exists():
        message = "the portal is not built: run `make frontend` (cd frontend_build && npm ci && npm run build)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return DIST


def test_index_is_served_at_the_root_and_never_cached(client, built):
    response = client.get("/")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert b'<div id="root">' in body and b'lang="zh-CN"' in body
    assert response.headers["Cache-Control"] == "no-cache"


@pytest.mark.parametrize(
    ("path", "no_cache"),
    [
        (DIST / "index.html", True),
        (DIST / "assets" / "index.html", False),
        (DIST / "assets" / "index-39l9jULz.js", False),
        (Path(settings.STATIC_ROOT) / "admin" / "index.html", False),
    ],
)
def test_only_the_portals_index_is_marked_no_cache(path, no_cache):
    headers = {"Cache-Control": "max-age=60, public"}
    settings.WHITENOISE_ADD_HEADERS_FUNCTION(headers, str(path), "/")
    assert (headers["Cache-Control"] == "no-cache") is no_cache


def test_hashed_assets_are_immutable(client, built):
    assets = sorted((built / "assets").iterdir())
    assert assets, "the build has no assets"
    for asset in assets:
        response = client.get(f"/assets/{asset.name}")
        assert response.status_code == 200, asset.name
        assert response.headers["Cache-Control"] == FOREVER, asset.name


def test_index_references_only_hashed_assets(client, built):
    html = (built / "index.html").read_text(encoding="utf-8")
    referenced = re.findall(r'(?:src|href)="(/assets/[^"]+)"', html)
    assert referenced
    test = re.compile(settings.WHITENOISE_IMMUTABLE_FILE_TEST)
    assert all(test.search(url) for url in referenced), referenced


@pytest.mark.parametrize(
    ("url", "immutable"),
    [
        ("/assets/index-39l9jULz.js", True),
        ("/assets/vendor-a_b-C1d2.css", True),
        ("/static/admin/css/base.4e2f6a1b9c3d.css", True),
        ("/assets/logo.svg", False),
        ("/index.html", False),
        ("/", False),
        ("/static/admin/css/base.css", False),
    ],
)
def test_the_immutable_file_rule(url, immutable):
    assert bool(re.search(settings.WHITENOISE_IMMUTABLE_FILE_TEST, url)) is immutable
