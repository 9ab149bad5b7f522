#!/usr/bin/env python
"""Django's command-line utility for City Makers."""

import os
import sys

from django.core.exceptions import ImproperlyConfigured


def main():
    # The project package lives in site/ but imports as `citymakers` (stdlib owns `site`).
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citymakers.settings.dev")
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:
        sys.exit(f"Configuration error: {error}")


if __name__ == "__main__":
    main()
