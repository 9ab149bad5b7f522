"""Backups of the database and the uploaded media together, in one tar archive.

`manage.py backup` writes one; `manage.py restore` brings one back into an empty database and
an empty media folder. archive.py owns the archive's layout and its checks, databases.py how
each database engine is dumped and loaded."""
