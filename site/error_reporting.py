"""Server errors go to Sentry (or any Sentry-compatible tracker) when SENTRY_DSN is set.

Django's integration reports every unhandled exception; the request id (site/request_id.py)
is set as a tag so that the reference on the error page finds the report. No personal data
(cookies, user details, addresses) is sent, and no performance tracing."""

import os

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration


def start_error_tracker(dsn, **options):
    sentry_sdk.init(
        dsn=dsn,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE") or None,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        traces_sample_rate=0,
        **options,
    )
