"""How each database engine is dumped to one file and loaded back from it."""

import os
import sqlite3
import subprocess

from django.core.management.base import CommandError


class PostgreSQL:
    """pg_dump's custom format, loaded by pg_restore in one transaction."""

    vendor = "postgresql"
    member = "database.pgdump"

    def dump(self, connection, path):
        self._run(connection, "pg_dump", "--format=custom", f"--file={path}")

    def load(self, connection, path):
        connection.close()  # pg_restore brings its own connection; ours must hold no locks
        self._run(connection, "pg_restore", "--exit-on-error", "--single-transaction", str(path))

    def _run(self, connection, program, *arguments):
        settings_dict = connection.settings_dict
        # Django's own dbshell client knows the password, service and SSL variables.
        _args, env = connection.client.settings_to_cmd_args_env(settings_dict, [])
        env = {**os.environ, **(env or {})}
        for variable, key in [("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER")]:
            if settings_dict.get(key):
                env[variable] = str(settings_dict[key])
        command = [
            program,
            "--no-owner",
            "--no-privileges",
            f"--dbname={settings_dict['NAME']}",
            *arguments,
        ]
        try:
            result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        except FileNotFoundError:
            raise CommandError(
                f"{program} is not installed; it comes with PostgreSQL's client tools."
            ) from None
        if result.returncode != 0:
            raise CommandError(f"{program} failed: {result.stderr.strip()[-2000:]}")


class SQLite:
    """A copy of the database file made with SQLite's online backup API."""

    vendor = "sqlite"
    member = "database.sqlite3"

    def dump(self, connection, path):
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()

    def load(self, connection, path):
        source = sqlite3.connect(path)
        try:
            if source.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise CommandError("The archive's SQLite database is damaged.")
            connection.ensure_connection()
            source.backup(connection.connection)
        except sqlite3.DatabaseError as error:
            raise CommandError(f"The archive's SQLite database cannot be read: {error}") from error
        finally:
            source.close()


ENGINES = {engine.vendor: engine for engine in (PostgreSQL(), SQLite())}


def engine_for(connection):
    try:
        return ENGINES[connection.vendor]
    except KeyError:
        raise CommandError(
            f"Backups support PostgreSQL and SQLite, not {connection.vendor}."
        ) from None
