#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    # Production unless told otherwise: it refuses to start without SECRET_KEY, which is loud.
    # `make run` and the other make targets choose portal.settings.dev for a laptop.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
