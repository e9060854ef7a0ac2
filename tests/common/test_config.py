import pytest
from django.core.exceptions import ImproperlyConfigured

from backend import config


def test_secret_key_is_generated_once_into_var(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "VAR_DIR", tmp_path)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("ZHILI_ENV", raising=False)
    first = config.secret_key()
    assert len(first) >= 50
    assert config.secret_key() == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_production_requires_a_secret_key(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "VAR_DIR", tmp_path)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("ZHILI_ENV", "production")
    with pytest.raises(ImproperlyConfigured):
        config.secret_key()
    assert not (tmp_path / "secret_key").exists()


def test_default_database_is_sqlite_in_wal_mode(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "VAR_DIR", tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    db = config.database()
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert db["NAME"] == str(tmp_path / "zhili.sqlite3")
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]


def test_postgres_url_is_parsed(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://zhili:pw@db.internal:5432/zhili")
    db = config.database()
    assert (db["ENGINE"], db["HOST"], db["NAME"]) == (
        "django.db.backends.postgresql",
        "db.internal",
        "zhili",
    )


def test_flags_and_lists(monkeypatch):
    monkeypatch.setenv("DEBUG", "yes")
    monkeypatch.setenv("ALLOWED_HOSTS", "a.example, b.example,")
    assert config.env_flag("DEBUG") is True
    assert config.env_list("ALLOWED_HOSTS", "") == ["a.example", "b.example"]
    monkeypatch.setenv("DEBUG", "0")
    assert config.env_flag("DEBUG") is False


@pytest.mark.django_db
def test_healthz_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
