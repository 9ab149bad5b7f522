"""Translators' workflow: roles, per-locale status, the status report, PO files and guards.

Everything here builds on Wagtail's permissions and wagtail-localize's public models and views;
nothing in either is patched.
"""
