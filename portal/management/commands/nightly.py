"""Every retention and maintenance job, in one command for the night's cron line.

Each job can run any number of times: running the command twice changes nothing more.
"""

import datetime

from allauth.account.models import EmailAddress
from mailer.models import Message

from django.contrib.auth import get_user_model
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand
from django.db.models import Exists, OuterRef
from django.utils import timezone

from portal.registry import NightlyJob, nightly_jobs

UNVERIFIED_SIGN_UP_DAYS = 7
MAIL_LOG_DAYS = 7
# Mail still unsent after this many days of retries (a mailbox that refuses it, a server that
# stays down) is given up: it names a visitor, and its links (confirmation, reset) have expired.
MAIL_QUEUE_DAYS = 3

# Run in this order, the apps' own jobs ("bibo_nightly_jobs") after publishing and before the
# mail they may queue; a command whose app is not installed is skipped.
BEFORE_APPS = [
    NightlyJob("publish_scheduled", [], "publish and unpublish the pages and snippets scheduled by editors"),
]
AFTER_APPS = [
    NightlyJob("clearsessions", [], "delete expired sessions"),
    NightlyJob("retry_deferred", [], "put mail that could not be sent back in the queue"),
    NightlyJob("send_mail", [], "send the queued mail"),
    NightlyJob(
        "purge_mail_log",
        [str(MAIL_LOG_DAYS), "--result", "all"],
        f"forget the log of mail sent over {MAIL_LOG_DAYS} days ago",
    ),
]


def jobs():
    return [*BEFORE_APPS, *nightly_jobs(), *AFTER_APPS]


def purge_unverified_sign_ups(days=UNVERIFIED_SIGN_UP_DAYS):
    """Delete accounts signed up more than `days` ago whose address was never confirmed.

    Only accounts made by the sign-up form (they have an unconfirmed address and no confirmed
    one); staff and accounts made by a librarian or a command are never touched.
    """
    cutoff = timezone.now() - datetime.timedelta(days=days)
    addresses = EmailAddress.objects.filter(user=OuterRef("pk"))
    users = get_user_model().objects.filter(
        Exists(addresses.filter(verified=False)),
        ~Exists(addresses.filter(verified=True)),
        date_joined__lt=cutoff,
        last_login__isnull=True,
        is_staff=False,
        is_superuser=False,
    )
    deleted = users.count()
    users.delete()
    return deleted


def give_up_undeliverable_mail(days=MAIL_QUEUE_DAYS):
    """Delete queued messages added more than `days` ago; they could not be sent since."""
    cutoff = timezone.now() - datetime.timedelta(days=days)
    deleted, _ = Message.objects.filter(when_added__lt=cutoff).delete()
    return deleted


class Command(BaseCommand):
    help = (
        "Run every retention and maintenance job once (publish scheduled pages, delete old contact "
        f"messages, unconfirmed sign-ups after {UNVERIFIED_SIGN_UP_DAYS} days and expired sessions, "
        f"retry and send queued mail, give up mail unsent after {MAIL_QUEUE_DAYS} days). "
        "Safe to run twice. Run it every night from cron."
    )

    def handle(self, *args, **options):
        available = get_commands()
        for job in jobs():
            if job.command not in available:
                continue
            self.stdout.write(f"{job.command}: {job.why}")
            call_command(job.command, *job.arguments, stdout=self.stdout, stderr=self.stderr)
        if "send_mail" in available:
            given_up = give_up_undeliverable_mail()
            self.stdout.write(
                f"give_up_undeliverable_mail: {given_up} message(s) unsent after {MAIL_QUEUE_DAYS} days deleted"
            )
        deleted = purge_unverified_sign_ups()
        self.stdout.write(
            f"purge_unverified_sign_ups: {deleted} account(s) unconfirmed after {UNVERIFIED_SIGN_UP_DAYS} days deleted"
        )
