import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

from home.models import ContactPage

RETENTION_DAYS = 365


class Command(BaseCommand):
    help = (
        "Delete messages sent through contact forms once they are older than the retention period "
        f"({RETENTION_DAYS} days), as the forms promise. Run it every night."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=RETENTION_DAYS, help="Keep messages this many days.")

    def handle(self, *args, **options):
        cutoff = timezone.now() - datetime.timedelta(days=options["days"])
        deleted, _details = FormSubmission.objects.filter(
            page__in=ContactPage.objects.all(), submit_time__lt=cutoff
        ).delete()
        self.stdout.write(f"{deleted} contact message(s) older than {options['days']} days deleted.")
