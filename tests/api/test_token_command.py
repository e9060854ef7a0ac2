import pytest
from django.core.management import CommandError, call_command

from backend.accounts.models import ApiToken
from backend.accounts.tokens import token_authenticate

pytestmark = pytest.mark.django_db


def test_the_command_prints_the_secret_once_and_stores_only_its_digest(users, capsys):
    call_command("create_api_token", user="integrator", name="大屏", days=30, scope="130926000000")
    secret = capsys.readouterr().out.strip().splitlines()[-1]
    token = ApiToken.objects.get()
    assert secret not in (token.digest, token.prefix) and token_authenticate(secret) == token
    assert token.scope_id == 130926000000


def test_the_command_refuses_bad_input(users):
    with pytest.raises(CommandError, match="有效期须在 1 到 365 天之间"):
        call_command("create_api_token", user="integrator", name="大屏", days=999)
    with pytest.raises(CommandError, match="不存在"):
        call_command("create_api_token", user="nobody", name="大屏")
    with pytest.raises(CommandError, match="超出"):
        call_command("create_api_token", user="city_admin", name="大屏", creator="county_centre")
    assert not ApiToken.objects.exists()


def test_authentication_binds_each_secret_and_refuses_expired_revoked_and_disabled(users):
    from datetime import timedelta

    from django.utils import timezone

    from backend.accounts.tokens import token_create, token_revoke

    made = {
        name: token_create(creator=users[name], user=users[name], name="对接")
        for name in ("integrator", "county_centre")
    }
    for name, (_, secret) in made.items():  # one compiled statement, each its own secret
        assert token_authenticate(secret).user.username == name
    token, secret = made["integrator"]
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert token_authenticate(secret) is None
    other, other_secret = made["county_centre"]
    users["county_centre"].__class__.objects.filter(username="county_centre").update(
        is_active=False
    )
    assert token_authenticate(other_secret) is None
    assert token_authenticate(secret + "x") is None and token_authenticate("") is None
    token_revoke(token=other)
    assert token_authenticate(other_secret) is None
