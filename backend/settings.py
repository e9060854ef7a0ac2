"""Django settings for Zhili. Every value that differs between machines comes from the environment."""

from django.utils.translation import gettext_lazy as _

from backend import config

BASE_DIR = config.BASE_DIR
SECRET_KEY = config.secret_key()
DEBUG = config.env_flag("DEBUG")
ALLOWED_HOSTS = config.env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = config.env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "guardian",
    "django_tasks",
    "backend.common",
    "backend.accounts",
    "backend.areas",
    "backend.codes",
    "backend.org",
    "backend.teams",
    "backend.disputes",
    "backend.reports",
    "backend.enterprise",
    "backend.creation",
    "backend.assistance",
    "backend.evidence",
    "backend.worktime",
    "backend.notifications",
    "backend.workflow",
    "backend.audit",
    "backend.legal",
    "backend.eventgraph",
    "backend.peacevillage",
    "backend.demo",
    "schema",  # for its export_schema command; nothing imports schema
    "permissions",  # last: its post_migrate syncs role permissions after all others exist
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "backend.accounts.middleware.ApiTokenMiddleware",
    "backend.audit.middleware.RequestContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "schema.urls"  # the transport layer owns the URL map
WSGI_APPLICATION = "backend.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": config.database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Covering indexes (INCLUDE) serve PostgreSQL's index-only scans; on SQLite they are plain indexes,
# which is what the warning says and what is intended.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
# Without this guardian creates an AnonymousUser row, and an anonymous request passes IsAuthenticated.
ANONYMOUS_USER_NAME = None
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "backend" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = config.VAR_DIR / "static"
MEDIA_ROOT = config.env("ZHILI_MEDIA_ROOT", str(config.VAR_DIR / "media"))
MEDIA_URL = "/media-not-served/"  # evidence is downloaded only through a permission-checked view
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
ZHILI_EVIDENCE_MAX_BYTES = int(config.env("ZHILI_EVIDENCE_MAX_BYTES", str(20 * 2**20)))
WHITENOISE_ROOT = BASE_DIR / "frontend_build" / "dist"
WHITENOISE_INDEX_FILE = True
WHITENOISE_IMMUTABLE_FILE_TEST = r"^/(assets/.+-[\w-]{8}|static/.+\.[0-9a-f]{12})\.\w+$"


def _portal_index_not_cached(headers: dict, path: str, url: str) -> None:
    """The portal's index.html names the current build's assets: revalidated on every visit."""
    if path == str(WHITENOISE_ROOT / "index.html"):
        headers["Cache-Control"] = "no-cache"


WHITENOISE_ADD_HEADERS_FUNCTION = _portal_index_not_cached

STRAWBERRY_DJANGO = {
    "DEFAULT_PK_FIELD_NAME": "id",
    "MUTATIONS_DEFAULT_HANDLE_ERRORS": True,
    "PAGINATION_DEFAULT_LIMIT": 20,
    "PAGINATION_MAX_LIMIT": 100,  # documented in the README ("API limits")
}

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = config.is_production()
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": config.env("LOG_LEVEL", "INFO")},
}
