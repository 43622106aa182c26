"""Settings for Pro Bono Academy.

One module for every environment: everything that differs between a laptop, CI and
production comes from environment variables (or a `.env` file beside manage.py).
Embedded defaults need no server: SQLite, tasks run eagerly, email to the console.
With DEBUG off, the secrets below have no default and the process stops with a
sentence naming the missing variable.
"""

import sys
from datetime import timedelta
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)


class MissingSetting(SystemExit):
    """Stops the process with a readable sentence instead of a traceback."""


def required(name: str, *, dev_default: str, purpose: str) -> str:
    value = env.str(name, default="")
    if value:
        return value
    if DEBUG:
        return dev_default
    sys.stderr.write(
        f"Configuration error: the environment variable {name} is not set. "
        f"It is required when DEBUG is off ({purpose}). "
        f"See .env.example for an example value.\n"
    )
    raise MissingSetting(78)


DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = required(
    "SECRET_KEY",
    dev_default="insecure-development-key-only-for-debug-mode",
    purpose="it signs sessions and tokens",
)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    sys.stderr.write(
        "Configuration error: the environment variable ALLOWED_HOSTS is not set. "
        "It is required when DEBUG is off: a comma-separated list of the site's host names.\n"
    )
    raise MissingSetting(78)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Fernet keys for notes encrypted at rest, newest first; older keys still decrypt,
# which is how a key is rotated (see README).
FIELD_ENCRYPTION_KEYS = required(
    "FIELD_ENCRYPTION_KEYS",
    dev_default="dGhpcy1pcy1hLWRldmVsb3BtZW50LW9ubHkta2V5ISE=",
    purpose="comma-separated Fernet keys that encrypt confidential notes",
).split(",")
# Fernet key for database backups (`manage.py backup_database`); kept apart from the backups.
BACKUP_ENCRYPTION_KEY = env.str("BACKUP_ENCRYPTION_KEY", default="")
# Keyed hash for exact-match lookups on encrypted values (never a plaintext index). A secret
# of its own: conflicts keep only the hash of an adverse party, so it is never rotated with
# FIELD_ENCRYPTION_KEYS (a new hash key would make every recorded conflict stop matching).
FIELD_HASH_KEY = required(
    "FIELD_HASH_KEY",
    dev_default="development-only-hash-key-for-conflict-lookups",
    purpose="it keys the hashes that match conflicts; set it once and never change it",
)

SITE_NAME = "Pro Bono Academy"
WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILADMIN_BASE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
SITE_URL = WAGTAILADMIN_BASE_URL

# Where the quick-exit control sends someone who needs to leave at once.
QUICK_EXIT_URL = env.str("QUICK_EXIT_URL", default="https://www.weather.gov/")

INSTALLED_APPS = [
    "accounts",
    "home",
    "courses",
    "courses.certificates",
    "mentorship",
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
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Django's widget templates, for the site's form renderer (lms/form_rendering.py).
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_celery_beat",
    "csp",
]


MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "accounts.middleware.AuditRequestMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "home.page_cache.PublicPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.SessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.MfaRequiredMiddleware",
    "accounts.middleware.AdminAccessMiddleware",
    "accounts.middleware.PrivateCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "accounts.context_processors.site_chrome",
            ],
        },
    },
]

# Every form draws the error summary and its fields with the site's templates.
FORM_RENDERER = "lms.form_rendering.SiteFormRenderer"

DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Two people acting at once is normal: wait for the write lock instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds rate limits and the one-time codes already used: every worker process must
# see the same one. REDIS_URL, else CACHE_URL (a django-environ cache URL; dbcache://table is
# the database's own cache table, created by migrate); local memory only with DEBUG on.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
elif env.str("CACHE_URL", default=""):
    CACHES = {"default": env.cache_url("CACHE_URL")}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Shared by every process and atomic in add() (which makes a code single use): not local
# memory or dummy (per process), nor the file cache (its add() is a check, then a write).
SHARED_CACHE_BACKENDS = {
    "django.core.cache.backends.redis.RedisCache",
    "django.core.cache.backends.db.DatabaseCache",
    "django.core.cache.backends.memcached.PyMemcacheCache",
    "django.core.cache.backends.memcached.PyLibMCCache",
}
if not DEBUG and CACHES["default"]["BACKEND"] not in SHARED_CACHE_BACKENDS:
    sys.stderr.write(
        "Configuration error: the environment variable REDIS_URL (or CACHE_URL) is not set to a shared cache. "
        "It is required when DEBUG is off: rate limits and used one-time codes must be seen by every worker "
        "process. Set REDIS_URL=redis://host:6379/1, or CACHE_URL=dbcache://pba_cache for a table in the "
        "database; a local-memory, dummy or file cache is refused.\n"
    )
    raise MissingSetting(78)

# Public pages (home, catalog, course overview, certificate verification) are kept whole for
# visitors who are not signed in, for this many seconds at most; publishing or editing content
# clears them at once (home/page_cache.py). 0 turns the page cache off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# Certificate verifications one address may make in ten minutes (failed lookups have a lower,
# fixed limit). Raise it for a checker that verifies many certificates from one address.
CERTIFICATE_VERIFY_LOOKUPS_PER_WINDOW = env.int("CERTIFICATE_VERIFY_LOOKUPS_PER_WINDOW", default=60)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.validators.MaximumLengthValidator", "OPTIONS": {"max_length": 128}},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"
# A new attorney lands on their first steps once the address is confirmed (accounts/selectors.py).
ACCOUNT_SIGNUP_REDIRECT_URL = "account_onboarding"
LOGOUT_REDIRECT_URL = "/"

# django-allauth: email is the login; verification is mandatory.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_RATE_LIMITS = {
    # Sign-in failures are counted by accounts/signin.py (SIGNIN_RATE_LIMITS below); allauth
    # still applies this one to authenticator codes of signed-in users (re-authentication, set-up).
    "login_failed": env.str("RATE_LIMIT_LOGIN_FAILED", default="10/m/ip,5/5m/key"),
    "login": "30/m/ip",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
}
# Failed sign-ins, per factor: per address, per account from one address, and a per-account
# ceiling from everywhere (NIST SP 800-63B: at most 100 failures). The owner elsewhere is never
# refused below the ceiling, and past it still signs in by a code sent to the verified email.
SIGNIN_RATE_LIMITS = {
    factor: {"per_address": "10/m/ip", "per_account_and_address": "5/5m/key", "per_account": "100/d/key"}
    for factor in ("password", "mfa")
}
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
MFA_FORMS = {"authenticate": "accounts.signin.AuthenticateForm"}
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
# Adding, removing or making an address primary needs a password confirmed in the last
# ACCOUNT_REAUTHENTICATION_TIMEOUT seconds (accounts/reauthentication.py adds the password pages).
ACCOUNT_REAUTHENTICATION_REQUIRED = True
# Tell the owner of email and password changes: the old address hears of a new primary one.
ACCOUNT_EMAIL_NOTIFICATIONS = True
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME
MFA_REAUTHENTICATION_REQUIRED = env.bool("MFA_REAUTHENTICATION_REQUIRED", default=True)
# Roles whose members must have an authenticator before they reach case data or the
# Wagtail admin; whoever can enter the admin (superusers too) needs one as well.
MFA_REQUIRED_ROLES = ["mentor", "program_staff", "content_editor"]
MFA_REQUIRED_PATH_PREFIXES = ["/mentorship/", "/staff/", "/cms/"]

# Sessions: idle and absolute timeouts (documented in the README).
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_SECONDS", default=60 * 60)
# The idle timeout moves on with activity, but a signed-in request writes the session (and
# with it a commit to disk) only when its last write is this old: a write on every request
# was most of a signed-in page's cost on SQLite. The idle timeout is thus kept to within a
# minute (accounts.middleware.SessionTimeoutMiddleware).
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = 60
SESSION_ABSOLUTE_SECONDS = env.int("SESSION_ABSOLUTE_SECONDS", default=12 * 60 * 60)

# Days after a case closes before what identifies the client is purged (7 years, the longest
# file-retention rule among the states the program works in; set it to the program's policy).
CASE_RETENTION_DAYS = env.int("CASE_RETENTION_DAYS", default=7 * 365 + 2)
# Case documents (docs/documents.md): the largest file accepted, and whether Word files (.docx)
# are accepted besides PDF, JPEG, PNG and HEIC. Off by default: a .docx keeps its author and revision
# history, which the site does not remove as it removes the metadata of photos.
CASE_DOCUMENT_MAX_BYTES = env.int("CASE_DOCUMENT_MAX_BYTES", default=10 * 1024 * 1024)
CASE_DOCUMENT_ALLOW_OFFICE = env.bool("CASE_DOCUMENT_ALLOW_OFFICE", default=False)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Transport and browser security; production values unless DEBUG is on.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SAMESITE = "Lax"
if SESSION_COOKIE_SECURE:
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    LANGUAGE_COOKIE_NAME = "__Host-django_language"
# Messages ("Successfully signed in as <name>") stay on the server, never in a cookie.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    # The Wagtail admin relies on inline styles and scripts of its own; it is served
    # to content editors only and never shows case data.
    "EXCLUDE_URL_PREFIXES": ["/cms/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "frame-src": ["'self'"],
    },
}

LANGUAGE_CODE = "en"
# DATE_FORMAT and DATETIME_FORMAT for every page, one module per language (lms/formats/).
FORMAT_MODULE_PATH = ["lms.formats"]
# Each language is named in itself: a reader who needs the switcher may not read the
# language the page is in.
LANGUAGES = [("en", "English"), ("es", "Español")]
# One catalog for the whole interface (README, "Architecture"); Django's and allauth's
# own catalogs still apply after it.
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Certificates and case documents are never under MEDIA_ROOT: they are served only
# through views that check who is asking.
PRIVATE_STORAGE_ROOT = Path(env.str("PRIVATE_STORAGE_ROOT", default=str(BASE_DIR / "private")))
# The file system (MEDIA_ROOT, PRIVATE_STORAGE_ROOT) unless STORAGE_BACKEND=s3: then two buckets of
# S3-compatible object storage, so web processes keep no files (lms/storage_settings.py, README "Storage").
from lms.storage_settings import StorageSettingError, storages_from_env  # noqa: E402  (kept in this block)

try:
    _file_storages = storages_from_env(env, required=required, private_root=PRIVATE_STORAGE_ROOT)
except StorageSettingError as error:
    sys.stderr.write(f"Configuration error: {error}\n")
    raise MissingSetting(78) from None
STORAGES = {
    **_file_storages,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or env.bool("PLAIN_STATIC", default=False)
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Lower case: not a setting, so the URL's password is never shown with the settings.
_email_url = required(
    "EMAIL_URL",
    dev_default="consolemail://",
    purpose="how mail is sent, e.g. smtp+tls://user:password@smtp.example.org:587",
)
if not DEBUG and _email_url.startswith("consolemail:"):
    # The console is the server's log: password-reset and sign-in links would be kept there.
    sys.stderr.write(
        "Configuration error: the environment variable EMAIL_URL is consolemail://, which writes every email, "
        "password-reset links included, to the server's log. It is refused when DEBUG is off: "
        "set an SMTP URL such as smtp+tls://user:password@smtp.example.org:587.\n"
    )
    raise MissingSetting(78)
EMAIL_CONFIG = env.email_url_config(_email_url)
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Pro Bono Academy <no-reply@probono.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: with no broker, tasks run in-process at once (embedded default).
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL or None)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# The periodic schedule lives in code (lms/celery.py) and is loaded into the
# database scheduler at beat start-up.

# Wagtail
WAGTAILADMIN_LOGIN_URL = "account_login"
# Private pages and documents send visitors to allauth's sign-in, not Wagtail's own one.
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_FINDERS = []
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Documents are always downloads, of allowed kinds checked by their bytes (courses/documents.py).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_DOCUMENT_FORM_BASE = "courses.documents.DocumentForm"
WAGTAILDOCS_EXTENSIONS = "pdf txt png jpg jpeg gif webp docx xlsx pptx odt mp4 webm vtt".split()
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_I18N_ENABLED = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Request logs would carry URLs and bodies; keep them out.
        "django.request": {"level": "ERROR", "handlers": ["console"], "propagate": False},
        # Wagtail's in-process search/reference-index tasks log every run at INFO.
        "django_tasks": {"level": "WARNING"},
    },
}

SESSION_IDLE_TIMEOUT = timedelta(seconds=SESSION_COOKIE_AGE)
