"""Security headers beyond Django's own: which Content-Security-Policy each kind of response
gets (django-csp writes it), and the Permissions-Policy and Cross-Origin-Resource-Policy
headers.

The public pages' policy is settings.CONTENT_SECURITY_POLICY. Error pages and responses that
are not HTML get stricter ones; Wagtail's admin gets the one it needs (see ADMIN_DIRECTIVES).
"""

import base64
import hashlib
import re
from functools import cache

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.template.loader import get_template

ADMIN_PREFIX = "/admin/"
# The sign-in page runs none of the admin's inline scripts: anyone can reach it, so it keeps
# the public pages' policy.
ADMIN_SIGN_IN = "/admin/login/"
PLAIN_DIRECTIVES = {
    "default-src": [NONE],
    "base-uri": [NONE],
    "form-action": [NONE],
    "frame-ancestors": [NONE],
}
# What Wagtail 8's admin needs on top of the public policy, found by running the editor's and
# translator's journeys (tests/browser) under stricter policies:
# - script-src 'unsafe-inline': its widgets and panels write inline <script> elements without
#   a nonce (date and time choosers, inline panels such as the speakers, listings' bulk
#   actions), and jQuery runs the inline scripts of the HTML it inserts; a nonce would mean
#   copying Wagtail's templates. It needs no 'unsafe-eval'.
# - style-src-elem 'unsafe-inline': its scripts (vendor.js) insert <style> elements. Style
#   attributes stay refused: it sets styles through the DOM, which CSP allows.
# - img-src blob:: the multiple image uploader previews the chosen files as blob: URLs.
# - frame-src 'self' and frame-ancestors 'self': the live preview (the page editor's and
#   wagtail-localize's) is an admin page inside an iframe of the admin. No embeds: the rich
#   text has no embed feature, so no third-party frame is ever shown.
ADMIN_CHANGES = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src-elem": [SELF, UNSAFE_INLINE],
    "img-src": ["blob:"],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
}


def public_directives():
    return settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]


def admin_directives():
    public = public_directives()
    changes = {**ADMIN_CHANGES, "img-src": [*public["img-src"], *ADMIN_CHANGES["img-src"]]}
    return {**public, **changes}


def preview_directives():
    """A public page rendered for the admin's preview panel, inside an admin page."""
    return {**public_directives(), "frame-ancestors": [SELF]}


def not_found_directives():
    """What base.html needs: this site's script, stylesheet, icon and search form."""
    return {
        **PLAIN_DIRECTIVES,
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "form-action": [SELF],
    }


@cache
def server_error_directives():
    """The 500 and 503 pages stand alone (they must render when little else works): only the
    inline <style> of error_base.html, allowed by hash, so the hash follows the template."""
    source = get_template("error_base.html").template.source
    styles = re.findall(r"<style>(.*?)</style>", source, flags=re.S)
    hashes = [
        f"'sha256-{base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()}'"
        for style in styles
    ]
    return {**PLAIN_DIRECTIVES, "style-src": hashes or [NONE]}


def directives_for(request, response):
    """The policy for this response, or None for the public pages' policy."""
    is_html = response.get("Content-Type", "").startswith("text/html")
    if getattr(request, "is_dummy", False):  # Wagtail's flag for its preview requests
        return preview_directives()
    if response.status_code >= 500 and is_html:
        return server_error_directives()
    if response.status_code == 404 and is_html:
        return not_found_directives()
    if request.path_info.startswith(ADMIN_PREFIX) and request.path_info != ADMIN_SIGN_IN:
        return admin_directives()
    if not is_html:
        return PLAIN_DIRECTIVES
    return None


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the policy by the kind of response through its
    documented seam; a view's own @csp decorator still wins."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None:
            parts.config = directives_for(request, response)
        return parts


def permissions_policy(features):
    """{"camera": [], "fullscreen": ["self", "https://a.example"]} -> the header's value."""
    return ", ".join(
        "{}=({})".format(
            feature, " ".join(item if item == "self" else f'"{item}"' for item in allowed)
        )
        for feature, allowed in features.items()
    )


class PermissionsPolicyMiddleware:
    """Permissions-Policy (settings.PERMISSIONS_POLICY) and Cross-Origin-Resource-Policy
    (settings.CROSS_ORIGIN_RESOURCE_POLICY), which Django does not set itself."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions = permissions_policy(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.permissions)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY
        )
        return response
