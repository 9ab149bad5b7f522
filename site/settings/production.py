"""Production: fails fast on a missing secret, serves hashed static files, HTTPS only."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY is not set; production needs a secret key.")
if env_bool("DEBUG"):
    raise ImproperlyConfigured("DEBUG is on; production refuses to run with DEBUG enabled.")
DEBUG = False

# Persistent database connections: a new connection for every request costs about a quarter
# of the throughput. Health checks (base settings) replace a connection lost in an outage.
DATABASES = {  # a new dict: base's stays as it was
    "default": {**DATABASES["default"], "CONN_MAX_AGE": int(os.environ.get("CONN_MAX_AGE", "60"))}  # noqa: F405
}

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# SECURE_SSL_REDIRECT=false switches off the HTTPS redirect and secure cookies for a local look.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = SECURE_SSL_REDIRECT
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_HSTS_SECONDS = 31536000 if SECURE_SSL_REDIRECT else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = SECURE_SSL_REDIRECT
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
