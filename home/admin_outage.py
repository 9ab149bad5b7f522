"""Wagtail's admin while the database is down: a 503 the editor can act on, never the public
500 page, and a way for the editor's script to ask before it sends a form.

`AdminDatabaseOutageMiddleware` answers an admin request whose view lost the database with a
plain admin-styled page (or JSON for Wagtail's autosave and other script requests) that needs
no database and no session, in the language Django chose from the cookie or Accept-Language.
`database_check` answers /admin/database-check/ without signing anyone in; the page editor's
script (home/static/home/js/editor-database-check.js) asks it before sending the form.
"""

from csp.constants import NONE, SELF
from csp.decorators import csp
from django.contrib.auth.models import AnonymousUser
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from citymakers.error_views import database_unreachable
from citymakers.views import database_answers

ADMIN_PREFIX = "/admin/"
RETRY_AFTER_SECONDS = 30
UNAVAILABLE_MESSAGE = _(
    "The database is not answering, so nothing was saved. Everything you typed is still in "
    "the editor: keep this page open and save again in a minute."
)
# The page links the admin's own stylesheet and nothing else.
PAGE_POLICY = {
    "default-src": [NONE],
    "style-src": [SELF],
    "base-uri": [NONE],
    "form-action": [NONE],
    "frame-ancestors": [NONE],
}


def _forget_user(request):
    """Nothing after this may ask the database who is signed in (the page cache middleware
    looks at request.user on the way out)."""
    request.user = AnonymousUser()


def _not_stored(response):
    # No max-age: the page cache middleware would ask the database how long one may last.
    patch_cache_control(response, no_store=True, private=True)
    return response


def _unavailable(response):
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return _not_stored(response)


def wants_json(request):
    """Wagtail's autosave asks for JSON (Accept: application/json); so do its other scripts."""
    return (
        not request.accepts("text/html")
        or request.headers.get("X-Requested-With") == "XMLHttpRequest"
    )


@csp(PAGE_POLICY)
def database_unavailable(request):
    _forget_user(request)
    if wants_json(request):
        body = {
            "success": False,
            "error_code": "database_unavailable",
            "error_message": str(UNAVAILABLE_MESSAGE),
        }
        return _unavailable(JsonResponse(body, status=503))
    return _unavailable(render(request, "home/admin_database_unavailable.html", status=503))


class AdminDatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.path_info.startswith(ADMIN_PREFIX) and database_unreachable(exception):
            return database_unavailable(request)
        return None


@require_GET
def database_check(request):
    """200 when the database answers, 503 when it does not; says nothing else."""
    if not database_answers():
        _forget_user(request)
        return _unavailable(JsonResponse({"database": "unavailable"}, status=503))
    return _not_stored(JsonResponse({"database": "ok"}))
