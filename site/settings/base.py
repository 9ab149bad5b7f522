"""Settings shared by every environment; everything that varies comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

from citymakers.error_reporting import start_error_tracker

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "citymakers.views.csrf_failure"

INSTALLED_APPS = [
    "home",
    "livecasts",
    "translation_workflow",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "citymakers.request_id.RequestIdMiddleware",  # first: every later log line carries the id
    # The content generation is read once per request (citymakers/content_generation.py).
    "citymakers.content_generation.RequestGenerationMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware, but API answers are never redirected to a language prefix.
    "citymakers.api.ApiAwareLocaleMiddleware",
    # Control characters in a path or query parameter: a 400 before any view reads them.
    "citymakers.query_parameters.RefuseControlCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "citymakers.page_cache.AnonymousPageCacheMiddleware",
    # Inside the page cache, so that a cached page is stored compressed once.
    "django.middleware.gzip.GZipMiddleware",
    # The admin's answer when the database is down (home/admin_outage.py).
    "home.admin_outage.AdminDatabaseOutageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Page addresses resolved once per content change (citymakers/routing.py).
    "citymakers.routing.RememberedRoutesMiddleware",
]

ROOT_URLCONF = "citymakers.urls"
WSGI_APPLICATION = "citymakers.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "citymakers.content_generation.for_templates",
                "citymakers.cache_lifetimes.for_templates",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        conn_health_checks=True,  # a connection lost in an outage is replaced, no restart
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def redis_cache(url):
    """Redis down means no cache, not no site (citymakers/resilient_cache.py): short timeouts,
    then no attempt for CACHE_RETRY_SECONDS."""
    return {
        "BACKEND": "citymakers.resilient_cache.ResilientRedisCache",
        "LOCATION": url,
        # Several sites (or a benchmark) can share one Redis database under prefixes of their own.
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "citymakers"),
        "OPTIONS": {
            "socket_connect_timeout": 0.5,
            "socket_timeout": 0.5,
            "OUTAGE_RETRY_SECONDS": float(os.environ.get("CACHE_RETRY_SECONDS", "15")),
        },
    }


if os.environ.get("REDIS_URL"):
    CACHES = {"default": redis_cache(os.environ["REDIS_URL"])}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# What is kept under the content generation, fragments of templates included: in memory first,
# then the default cache (citymakers/content_cache.py). Both aliases share one memory.
CACHES["content"] = CACHES["template_fragments"] = {
    "BACKEND": "citymakers.content_cache.LocalFirstCache",
    "LOCATION": "citymakers-content",
    "OPTIONS": {"SHARED": "default", "LOCAL_ENTRIES": 5000},
}

# Anonymous page responses are cached this long (seconds) and emptied on every publish.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))

# `make bench` only: serves /bench/ceiling, a trivial view to measure pages against.
BENCH = env_bool("BENCH")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source; every page URL carries its language prefix.
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", "English"),
    ("nl", "Nederlands"),
    ("fr", "Français"),
    ("el", "Ελληνικά"),
    ("pl", "Polski"),
    ("es", "Español"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# A language chosen in the switcher is remembered for a year (citymakers/views.py).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
FORMAT_MODULE_PATH = ["citymakers.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"
WAGTAIL_I18N_ENABLED = True
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# The app itself serves uploaded images (citymakers/media.py) when no web server in front does.
SERVE_MEDIA = env_bool("SERVE_MEDIA")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # S3-compatible media storage (django-storages). boto3 reads AWS_ACCESS_KEY_ID and
    # AWS_SECRET_ACCESS_KEY from the environment itself; the rest is passed on here.
    _s3_options = {
        "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
        "file_overwrite": False,  # a second upload of "photo.jpg" gets a name of its own
        **{
            option: os.environ[variable]
            for option, variable in [
                ("endpoint_url", "AWS_S3_ENDPOINT_URL"),
                ("region_name", "AWS_S3_REGION_NAME"),
                ("custom_domain", "AWS_S3_CUSTOM_DOMAIN"),
            ]
            if os.environ.get(variable)
        },
    }
    if "AWS_QUERYSTRING_AUTH" in os.environ:
        _s3_options["querystring_auth"] = env_bool("AWS_QUERYSTRING_AUTH")
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _s3_options}

WAGTAIL_SITE_NAME = "City Makers"
# The admin contacts no third party: no release check, no Gravatar avatars.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The public address; `manage.py configure_site` writes it into Wagtail's Site (addresses.py).
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
WAGTAILADMIN_BASE_URL = (
    os.environ.get("WAGTAILADMIN_BASE_URL") or SITE_URL or "http://127.0.0.1:8000"
)
# Pages index their words folded and stemmed per language in Python (search/folding.py), so
# PostgreSQL matches whole words as SQLite does instead of stemming everything as English.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}
WAGTAILDOCS_EXTENSIONS = [
    *("csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "vtt", "xlsx", "zip"),
]
# Caption files (.vtt) are checked as they are uploaded (livecasts/document_forms.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "livecasts.document_forms.CaptionCheckingDocumentForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "bmp": "webp", "webp": "webp"}
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["default"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }

REST_FRAMEWORK = {"DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"]}

# Every log line carries the id of the request it was written for (citymakers/request_id.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "citymakers.request_id.RequestIdLogFilter"}},
    "formatters": {
        "with_request_id": {"format": "%(levelname)s %(name)s [request %(request_id)s] %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "with_request_id",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
# Server errors also go to an error tracker when SENTRY_DSN is set (off by default).
if os.environ.get("SENTRY_DSN"):
    start_error_tracker(os.environ["SENTRY_DSN"])

# Machine translation in wagtail-localize's editor (docs/translation.md): off unless a key is set.
# DeepL needs DEEPL_API_KEY (a free-plan key ends in ':fx'); Google Cloud Translation needs
# GOOGLE_TRANSLATE_PROJECT_ID, the google-cloud-translate package and Google's usual
# GOOGLE_APPLICATION_CREDENTIALS. Without either, the editor shows no machine-translation button.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"], "TIMEOUT": 30},
    }
elif os.environ.get("GOOGLE_TRANSLATE_PROJECT_ID"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
        "OPTIONS": {"PROJECT_ID": os.environ["GOOGLE_TRANSLATE_PROJECT_ID"]},
    }

# --- Sign-in throttling (django-axes; home/login_throttling.py, docs/deploy.md) -------------
# Failed sign-ins are counted in the database (shared by every instance). A username is locked
# after AXES_FAILURE_LIMIT failures from anywhere, an address after
# LOGIN_FAILURE_LIMIT_PER_ADDRESS failures with any usernames, each for AXES_COOLOFF_TIME after
# the last failure. The client address is REMOTE_ADDR unless TRUSTED_PROXY_COUNT proxies
# (nginx, a load balancer) each append to X-Forwarded-For.
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]  # last, as axes asks
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses locked-out sign-ins
    "django.contrib.auth.backends.ModelBackend",
]
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # in this order (UsernameAndAddressLimits)
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT_PER_USERNAME", "5"))
LOGIN_FAILURE_LIMIT_PER_ADDRESS = int(os.environ.get("LOGIN_FAILURE_LIMIT_PER_ADDRESS", "20"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_HANDLER = "home.login_throttling.UsernameAndAddressLimits"
AXES_CLIENT_IP_CALLABLE = "home.login_throttling.client_address"
AXES_LOCKOUT_CALLABLE = "home.login_throttling.lockout_response"
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# --- end of sign-in throttling ---------------------------------------------------------------

# --- Security headers (citymakers/security.py) ------------------------------------------------
# Content-Security-Policy by django-csp: this is the public pages' policy; the middleware gives
# error pages and non-HTML responses stricter ones and Wagtail's admin the one it needs.
# Media may come from an S3 bucket (AWS_STORAGE_BUCKET_NAME, django-storages' AWS_* names).
INSTALLED_APPS += ["csp"]
_after_whitenoise = MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1
MIDDLEWARE[_after_whitenoise:_after_whitenoise] = [
    "citymakers.security.ContentSecurityPolicyMiddleware",
    "citymakers.security.PermissionsPolicyMiddleware",
]
VIDEO_PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]


def media_origins():
    """Where uploaded images are served from besides this site: the S3 bucket, if any."""
    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return []
    if os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
        return [f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}"]
    if os.environ.get("AWS_S3_ENDPOINT_URL"):
        endpoint = urlsplit(os.environ["AWS_S3_ENDPOINT_URL"])
        return [f"{endpoint.scheme}://{endpoint.netloc}"]
    region = os.environ.get("AWS_S3_REGION_NAME")
    hosts = [f"{bucket}.s3.amazonaws.com"] + (
        [f"{bucket}.s3.{region}.amazonaws.com"] if region else []
    )
    return [f"https://{host}" for host in hosts]


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", *media_origins()],
        "frame-src": VIDEO_PLAYER_ORIGINS,  # the click-to-play player (static/js/site.js)
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Every powerful feature off, except what the video players use once the reader presses play.
PERMISSIONS_POLICY = {
    **dict.fromkeys(
        "accelerometer bluetooth browsing-topics camera display-capture geolocation gyroscope hid"
        " idle-detection magnetometer microphone midi payment publickey-credentials-get"
        " screen-wake-lock serial usb xr-spatial-tracking".split(),
        [],
    ),
    **dict.fromkeys(
        ["autoplay", "encrypted-media", "fullscreen", "picture-in-picture"],
        ["self", *VIDEO_PLAYER_ORIGINS],
    ),
}
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# --- end of security headers ------------------------------------------------------------------
