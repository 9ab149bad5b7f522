"""Content built once and shared by every test of a module."""

import contextlib

from django.db import transaction


@contextlib.contextmanager
def rolled_back_afterwards(django_db_blocker):
    """Content built inside lasts until the block ends, then is rolled back.

    For module-scoped fixtures: each test's `db` transaction nests inside as a savepoint, so a
    test that changes the content leaves it as it was for the next test.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            yield
        finally:
            transaction.set_rollback(True)
