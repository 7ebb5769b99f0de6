"""One settings module, driven by environment variables with embedded defaults.

The same code paths run in development, tests and production: an integration (PostgreSQL,
Elasticsearch) is switched on by setting its variable, never by a separate settings file.
Production mode (``DEBUG=false``) refuses the development secret key.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEV_SECRET_KEY = "dev-only-insecure-key-change-me-in-production"  # noqa: S105

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEV_SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY: production mode refuses the development key.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

# One app per entry type (entrytypes/): each registers itself with catalogue.registry.
ENTRY_TYPE_APPS = [
    "entrytypes.dataset",
    "entrytypes.api",
    "entrytypes.ppp",
    "entrytypes.challenge",
    "entrytypes.reuse",
]

# People taking part (participation/): accounts and profiles, then one app per capability.
PARTICIPATION_APPS = [
    "participation",
    "participation.discussions",
    "participation.reports",
    "participation.data_requests",
    "participation.alerts",
    "participation.demand",
]

INSTALLED_APPS = [
    "portal",
    "catalogue",
    *ENTRY_TYPE_APPS,
    "search",
    "harvesters",
    "interop",
    "demo",
    *PARTICIPATION_APPS,
    "allauth",
    "allauth.account",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "catalogue.public_url.PublicUrlMiddleware",
    "portal.middleware.RefuseControlCharactersMiddleware",  # a NUL in a slug: 400, not 500
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "portal.context_processors.site_context",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'catalogue.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers (the site) run while a harvest writes; IMMEDIATE avoids lock upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA mmap_size=268435456;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",  # the Wagtail admin's username login
    "allauth.account.auth_backends.AuthenticationBackend",  # everyone else: e-mail
]

# Accounts (django-allauth): sign in with an e-mail address, verified before the first login.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_ADAPTER = "participation.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{os.environ.get('SITE_NAME', 'Open Innovation Catalogue')}] "
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "participation:profile"

# Mail: Django's e-mail framework. Without EMAIL_HOST, mail is written to files under
# var/mail (one .log file per message batch) so a newcomer can read what the site sent.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "10"))
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "") or (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "catalogue@localhost")
# A message that could not be delivered is tried again this many times, the wait doubling.
MAIL_MAX_RETRIES = int(os.environ.get("MAIL_MAX_RETRIES", "5"))
MAIL_RETRY_SECONDS = float(os.environ.get("MAIL_RETRY_SECONDS", "30"))

# Participation: posts per account and per address (comments, reports, requests, votes),
# e.g. "10/minute"; "off" disables it. A new account's posts wait for a moderator until this
# many of them were approved (or a moderator trusts the account).
PARTICIPATION_RATE_LIMIT = os.environ.get("PARTICIPATION_RATE_LIMIT", "10/minute")
PARTICIPATION_TRUST_AFTER_APPROVED = int(os.environ.get("PARTICIPATION_TRUST_AFTER_APPROVED", "3"))

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Tasks: django-tasks' database backend; `manage.py db_worker` runs them (any number of
# workers on any number of machines share the queue). Tests run tasks immediately.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.backend.DatabaseBackend"),
    }
}

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Open Innovation Catalogue")
# The public address every absolute URL is built on (catalogue/public_url.py); unset, each
# request's own address (manage.py check warns in production mode). Wagtail's admin needs one.
PUBLIC_BASE_URL = os.environ.get("BASE_URL", "").strip().rstrip("/")
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL or "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {
    # The public catalogue search has its own interface in search/ (docs/adr/0003); index
    # updates for entries go through it, not through per-save signals.
    # wagtail.search is modelsearch's app under Wagtail's name and tables (wagtailsearch_*);
    # installing modelsearch as well makes modelsearch refuse to run.
    "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt", "xlsx", "docx", "zip", "json"]
# The catalogue's own foaf:name as publisher of its DCAT-AP catalogue (default: the site name).
CATALOGUE_PUBLISHER_NAME = os.environ.get("CATALOGUE_PUBLISHER_NAME", "") or WAGTAIL_SITE_NAME

# Search backend of the public catalogue, as a dotted path to a search.backends.base.SearchBackend
# class (docs/adr/0019). Default: Elasticsearch (with the database as its fallback) when
# ELASTICSEARCH_URL is set, else the database backend.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "") or (
    "search.backends.elasticsearch.ElasticsearchBackend"
    if ELASTICSEARCH_URL
    else "search.backends.database.DatabaseBackend"
)
ELASTICSEARCH_API_KEY = os.environ.get("ELASTICSEARCH_API_KEY", "")
ELASTICSEARCH_USERNAME = os.environ.get("ELASTICSEARCH_USERNAME", "")
ELASTICSEARCH_PASSWORD = os.environ.get("ELASTICSEARCH_PASSWORD", "")
ELASTICSEARCH_CA_CERTS = os.environ.get("ELASTICSEARCH_CA_CERTS", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "catalogue")
# Facet counts of repeated searches from Elasticsearch's shard request cache (until a refresh).
ELASTICSEARCH_REQUEST_CACHE = env_bool("ELASTICSEARCH_REQUEST_CACHE", True)
# Refresh the index after every write (visible at once: tests); else the 1 s refresh interval.
SEARCH_ELASTICSEARCH_REFRESH = False
# Index inside the request instead of after commit (tests, whose transactions never commit).
SEARCH_SYNC_IMMEDIATELY = False
# SEARCH_SYNONYMS (optional, not set here): Elasticsearch synonym rules replacing
# search.es_analysis.DEFAULT_SYNONYMS; the settings cannot import that default.

# Harvesting: one HTTP policy for every outbound request.
HARVEST_ALLOW_PRIVATE_ADDRESSES = env_bool("HARVEST_ALLOW_PRIVATE_ADDRESSES", False)
HARVEST_TIMEOUT_SECONDS = float(os.environ.get("HARVEST_TIMEOUT_SECONDS", "30"))
HARVEST_MAX_RESPONSE_BYTES = int(os.environ.get("HARVEST_MAX_RESPONSE_BYTES", str(50 * 2**20)))
HARVEST_MAX_PAGES = int(os.environ.get("HARVEST_MAX_PAGES", "10000"))
# Retries of a failed request (timeouts, 429, 5xx), the first wait doubling at each one.
HARVEST_MAX_RETRIES = int(os.environ.get("HARVEST_MAX_RETRIES", "3"))
HARVEST_BACKOFF_SECONDS = float(os.environ.get("HARVEST_BACKOFF_SECONDS", "1.0"))
# A running job without progress for this long is closed as failed (the next run may start).
HARVEST_STUCK_MINUTES = float(os.environ.get("HARVEST_STUCK_MINUTES", "15"))
# A job closed that way (its worker killed) is queued again, at most this many times.
HARVEST_TASK_RETRIES = int(os.environ.get("HARVEST_TASK_RETRIES", "2"))

# JSON API: per-client (IP) token bucket, e.g. "120/minute"; "off" (or 0) disables it.
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "120/minute")
# Seconds a worker may reuse the catalogue's last-change time for Last-Modified headers.
API_LAST_MODIFIED_CACHE_SECONDS = int(os.environ.get("API_LAST_MODIFIED_CACHE_SECONDS", "5"))

# Security
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # The worker beside `make run` would otherwise log every task twice.
        "django_tasks": {"level": os.environ.get("TASKS_LOG_LEVEL", "WARNING")},
    },
}
