"""The admin door over the shared permission world: demo users signed in to /admin/."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client

from tests.permissions.conftest import users, world  # noqa: F401

SUNING, XIANXIAN = 130926, 130929  # county code prefixes: area codes are 12-digit statistical codes


def county(area_id: int) -> int:
    return area_id // 1_000_000


@pytest.fixture
def signed_in(users):  # noqa: F811
    """`signed_in("county_centre")`: a fresh test client (no cookies yet) as that demo user."""

    def sign_in(username: str) -> Client:
        client = Client()
        client.force_login(users[username])
        return client

    return sign_in


def outcome(response) -> tuple[int, str | None, list[str]]:
    """What a user can observe of a response that redirects: status, target and messages."""
    notes = [str(message) for message in get_messages(response.wsgi_request)]
    return response.status_code, response.get("Location"), notes
