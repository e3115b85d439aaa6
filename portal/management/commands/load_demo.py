from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import Page

from portal.apps import project_apps
from portal.demo import export_strings
from portal.locales import default_locale


def demo_modules():
    """The `demo` module of each of the project's apps that has one, in the order of INSTALLED_APPS."""
    modules = []
    for app in project_apps():
        name = f"{app.name}.demo"
        if find_spec(name) is not None:
            modules.append(import_module(name))
    return modules


def build_demo(stdout):
    """Every app's demo content: the one way the demo site is made (`make run`, tests, benchmark)."""
    for module in demo_modules():
        with transaction.atomic():
            module.load(stdout=stdout)
    call_command("update_index", verbosity=0)
    call_command("rebuild_references_index", verbosity=0)


class Command(BaseCommand):
    help = "Build the demo library network, in French with translations. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo even though DEBUG is off (a benchmark or a test). Never in production.",
        )
        parser.add_argument(
            "--export-strings",
            metavar="FILE",
            help="Write the French strings of the demo pages to FILE (JSON) for translators, then stop.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "The demo creates accounts with published passwords: it runs only with DEBUG on "
                "(make run), or with --force on a throw-away database."
            )
        build_demo(self.stdout)
        if options["export_strings"]:
            pages = Page.objects.filter(locale=default_locale(), depth__gt=1).specific()
            count = export_strings(pages, options["export_strings"])
            self.stdout.write(f"{count} strings written to {options['export_strings']}.")
            return
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
