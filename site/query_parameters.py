"""Query parameters carry text, never control characters.

A NUL byte in a query string reaches the database through search, the API's filters or the
recorded search query, and the databases refuse it with an error (a 500). No reader types a
control character, so a request that carries one in its path or in any query parameter is
refused as a bad request (handler400 answers: JSON under /api/, a page elsewhere). Tab and
line breaks are whitespace a pasted query may hold: they pass. Campaign tags added by other
sites (`utm_*`, `fbclid`, ...) are read by no view: whatever they hold, the page is served.
"""

import re

from django.core.exceptions import BadRequest

UNREAD_PREFIXES = ("utm_",)
UNREAD_NAMES = frozenset(
    {"fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid"}
)

# C0 controls but tab, line feed and carriage return; DEL; the C1 controls.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def has_control_characters(text):
    return bool(CONTROL_CHARACTERS.search(text))


def is_campaign_tag(name):
    """True for a parameter other sites add to links to us for their statistics."""
    return name in UNREAD_NAMES or name.startswith(UNREAD_PREFIXES)


def refuse_control_characters(request):
    """Raise BadRequest if the path or a query parameter a view may read (name or value) has a
    control character."""
    texts = [request.path_info]
    for name, values in request.GET.lists():
        if not is_campaign_tag(name):
            texts += [name, *values]
    if any(has_control_characters(text) for text in texts):
        raise BadRequest("control characters in the request")


class RefuseControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refuse_control_characters(request)
        return self.get_response(request)
