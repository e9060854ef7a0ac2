"""Shared fixtures: the real 沧州 division tree and code tables are loaded once per test database."""

import pytest

from backend.areas.models import Area
from backend.areas.services import areas_load_cangzhou
from backend.codes.models import Code
from backend.codes.services import codes_load_gbt31000


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        if not Area.objects.exists():
            areas_load_cangzhou()
        if not Code.objects.exists():
            codes_load_gbt31000()


@pytest.fixture
def city(db) -> Area:
    return Area.objects.get(code=130900000000)


@pytest.fixture
def suning(db) -> Area:
    """肃宁县"""
    return Area.objects.get(code=130926000000)


@pytest.fixture
def xianxian(db) -> Area:
    """献县, a sibling county of 肃宁县"""
    return Area.objects.get(code=130929000000)


@pytest.fixture
def suning_town(db) -> Area:
    """肃宁镇"""
    return Area.objects.get(code=130926100000)


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # MD5 for speed; PBKDF2 still verifies users created by session-wide fixtures.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Lockout counters and other cached state never leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _session_media(tmp_path_factory):
    """Files written by session- and package-wide fixtures stay out of var/media."""
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture(autouse=True)
def _test_storages(settings, tmp_path):
    """Static files without a manifest (no collectstatic in tests); media in a per-test folder."""
    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    settings.STORAGES = {**settings.STORAGES, "staticfiles": plain}
    settings.MEDIA_ROOT = str(tmp_path / "media")
