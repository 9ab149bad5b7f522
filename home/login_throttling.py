"""The project's pieces of django-axes' sign-in throttling (settings: "Sign-in throttling").

Failed sign-ins are counted in the database, so every app instance sees the same counts.
A username is locked after a few failures from anywhere, an address after more failures
with any usernames; a locked-out person gets a page in their language saying when to retry."""

import ipaddress
from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import ngettext


def _valid_address(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_address(request):
    """The address the outermost trusted proxy saw (AXES_CLIENT_IP_CALLABLE).

    Each of the TRUSTED_PROXY_COUNT proxies appends the address it was reached from to
    X-Forwarded-For; anything further left was written by the client and is ignored."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if not trusted:
        return _valid_address(remote)
    forwarded = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop]
    hops = [*forwarded, remote]
    return _valid_address(hops[max(len(hops) - 1 - trusted, 0)]) or _valid_address(remote)


class UsernameAndAddressLimits(AxesDatabaseHandler):
    """Axes' database handler with a failure limit per username (AXES_FAILURE_LIMIT) and a
    separate one per client address (LOGIN_FAILURE_LIMIT_PER_ADDRESS).

    Axes compares one number with one limit, so an address that reached its own limit
    reports the username limit."""

    def get_failures(self, request, credentials=None):
        by_username, by_address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if by_address >= settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS:
            return max(by_username, settings.AXES_FAILURE_LIMIT)
        return by_username


def readable_wait(wait):
    """'15 minutes', '2 hours': whole hours when they are whole, else minutes rounded up."""
    minutes = max(1, -(-int(wait.total_seconds()) // 60))
    if minutes % 60 == 0:
        hours = minutes // 60
        return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: a 429 page in the sign-in page's language saying when to retry.

    A failure during the lockout restarts the cool-off, so it ends one cool-off from now."""
    cool_off = get_cool_off(request) or timedelta(0)
    context = {"wait": readable_wait(cool_off), "retry_at": request.axes_attempt_time + cool_off}
    response = render(request, "home/login_locked_out.html", context, status=429)
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    add_never_cache_headers(response)
    return response
