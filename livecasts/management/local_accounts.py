"""Development accounts that `make run` sets up: made once, then left as they are.

A second run must not lock people out, so an existing account keeps its password unless a
reset is asked for; the command then says how to get a new one."""

import secrets

from django.contrib.auth import get_user_model


def ensure_account(username, reset=False, **flags):
    """(user, created, password): the account with `flags` set (is_staff, ...). `password` is a
    new random one when the account is new or `reset` is true, else None (left unchanged)."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@localhost"}
    )
    for name, value in flags.items():
        setattr(user, name, value)
    password = None
    if created or reset:
        password = secrets.token_urlsafe(12)
        user.set_password(password)
    user.save()
    return user, created, password


def login_line(label, username, created, password, reset_hint):
    """What the command prints about one account, e.g. "Created local admin (...): username
    admin  password ..."; the password comes last so it is easy to copy."""
    if password is None:
        heading = label[:1].upper() + label[1:]
        return (
            f"{heading}: username {username} exists; its password is unchanged "
            f"(for a new one: {reset_hint}, or manage.py changepassword {username})"
        )
    verb = "Created" if created else "Reset"
    return f"{verb} {label}: username {username}  password {password}"
