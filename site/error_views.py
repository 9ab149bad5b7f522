"""handler500: what a reader gets when a request fails on the server.

A database that does not answer is an outage, not a bug: 503 with Retry-After, so that readers,
crawlers and monitors come back later. Anything else is a 500. Both pages render from
error_base.html, which touches neither the database nor Wagtail, in the language of the URL's
prefix, and show the request id that the log and the error tracker carry. Under /api/ the
answer is JSON, as the rest of the API's errors are."""

import sys

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext

from citymakers.client_errors import is_api_request

RETRY_AFTER_SECONDS = 60


def database_unreachable(error):
    """True when the error, or one it was raised from, says the database cannot be used."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, OperationalError | InterfaceError):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def server_error(request, template_name=None):
    outage = database_unreachable(sys.exception())
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    request_id = getattr(request, "request_id", "")
    with translation.override(language):
        if is_api_request(request):
            response = _json_answer(outage, request_id)
        else:
            template = template_name or ("503.html" if outage else "500.html")
            body = loader.render_to_string(template, {"request_id": request_id})
            response = HttpResponse(body, status=503 if outage else 500)
    if outage:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def _json_answer(outage, request_id):
    if outage:
        message = gettext("The service is briefly unavailable. Please try again in a minute.")
    else:
        message = gettext("The server could not answer this request. We have been told.")
    return JsonResponse(
        {"message": message, "request_id": request_id}, status=503 if outage else 500
    )
