from contextlib import contextmanager
from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page
from wagtail.search import index
from wagtail.search import signal_handlers as search_signals
from wagtail.signal_handlers import disable_reference_index_auto_update

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


@contextmanager
def search_index_paused():
    """Saves leave the search index alone: Wagtail's signal handlers are disconnected meanwhile."""
    models = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(search_signals.post_save_signal_handler, sender=model)
        post_delete.disconnect(search_signals.post_delete_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(search_signals.post_save_signal_handler, sender=model)
            post_delete.connect(search_signals.post_delete_signal_handler, sender=model)


def build_demo(stdout):
    """Every app's demo content: the one way the demo site is made (`make run`, tests, benchmark)."""
    # A demo page is saved several times (created, translated, revised, published), and each
    # save indexed it again for search and references: a third of the build. Both indexes are
    # built once, at the end, instead.
    with search_index_paused(), disable_reference_index_auto_update():
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
