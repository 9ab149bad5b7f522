"""Every request gets an id: the one a trusted front end sent in X-Request-ID if it looks sane,
otherwise a fresh one. It goes back in the response's X-Request-ID header, into every log line
written while the request is handled (RequestIdLogFilter), onto the error pages and, when an
error tracker is configured, onto its reports, so a reader's reference finds the traceback."""

import contextvars
import logging
import re
import uuid

import sentry_sdk

HEADER = "X-Request-ID"
SANE_ID = re.compile(r"[A-Za-z0-9._:-]{8,128}")
current_request_id = contextvars.ContextVar("request_id", default="-")


def request_id_for(request):
    incoming = request.headers.get(HEADER, "")
    return incoming if SANE_ID.fullmatch(incoming) else uuid.uuid4().hex


class RequestIdMiddleware:
    """First in MIDDLEWARE, so that whatever fails later is logged with the id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_for(request)
        token = current_request_id.set(request.request_id)
        sentry_sdk.set_tag("request_id", request.request_id)  # a no-op without SENTRY_DSN
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response[HEADER] = request.request_id
        return response


class RequestIdLogFilter(logging.Filter):
    """Adds `request_id` to each record ("-" outside a request) for the formatter to show."""

    def filter(self, record):
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "request_id", None) or current_request_id.get()
        return True
