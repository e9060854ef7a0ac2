"""Reading the environment: every setting has a safe default for a laptop, none for production."""

import os
import secrets
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("ZHILI_VAR_DIR", BASE_DIR / "var"))
TRUTHY = {"1", "true", "yes", "on"}


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in TRUTHY


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def is_production() -> bool:
    return env("ZHILI_ENV", "development") == "production"


def secret_key() -> str:
    """The SECRET_KEY: from the environment, or (outside production) generated once into var/."""
    if value := env("SECRET_KEY"):
        return value
    if is_production():
        raise ImproperlyConfigured("SECRET_KEY must be set when ZHILI_ENV=production")
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def database() -> dict[str, Any]:
    """DATABASE_URL (postgres://… or sqlite:///…); default: a SQLite file under var/ in WAL mode."""
    import dj_database_url

    url = env("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'zhili.sqlite3'}"
    config: dict[str, Any] = dict(
        dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            # WAL lets readers go on while one writer writes; IMMEDIATE takes the write lock at
            # BEGIN so two writers queue instead of failing with "database is locked" mid-transaction.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    return config
