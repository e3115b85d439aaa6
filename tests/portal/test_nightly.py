"""`manage.py nightly`: every retention and maintenance job, safe to run twice."""

import datetime
import io

import pytest
from allauth.account.models import EmailAddress
from mailer.models import Message, MessageLog

from django.contrib.sessions.models import Session
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

from home.factories import ContactPageFactory, StandardPageFactory
from portal.models import User

LONG_AGO = timezone.now() - datetime.timedelta(days=400)


def nightly():
    output = io.StringIO()
    call_command("nightly", stdout=output)
    return output.getvalue()


def signed_up(email, days_ago, verified=False, **fields):
    user = User.objects.create_user(email=email, password="une phrase longue 2026", **fields)
    User.objects.filter(pk=user.pk).update(date_joined=timezone.now() - datetime.timedelta(days=days_ago))
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


@pytest.fixture
def night_work(home_page, settings):
    """One of each thing the night must clean, next to one of each it must keep."""
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    contact = ContactPageFactory(parent=home_page, slug="nous-ecrire")
    old = FormSubmission.objects.create(page=contact, form_data={"nom": "Ancien"})
    FormSubmission.objects.filter(pk=old.pk).update(submit_time=LONG_AGO)
    FormSubmission.objects.create(page=contact, form_data={"nom": "Récent"})

    signed_up("oublie@example.org", days_ago=8)
    signed_up("recent@example.org", days_ago=2)
    signed_up("lecteur@example.org", days_ago=30, verified=True)
    signed_up("agent@example.org", days_ago=30, is_staff=True)
    User.objects.create_user(email="carte@example.org", password="x-2026-long-pass")  # made by a librarian
    User.objects.filter(email="carte@example.org").update(date_joined=LONG_AGO)

    Session.objects.create(session_key="expired", session_data="", expire_date=LONG_AGO)
    Session.objects.create(
        session_key="current", session_data="", expire_date=timezone.now() + datetime.timedelta(days=1)
    )

    scheduled = StandardPageFactory(parent=home_page, title="Horaires d’été", slug="ete", live=False)
    revision = scheduled.save_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=5)
    revision.save()

    deferred = Message.objects.create()
    deferred.email = mail.EmailMessage("Confirmez", "Lien", "site@example.org", ["lea@example.org"])
    deferred.defer()
    deferred.save()
    return scheduled


def test_nightly_runs_every_job(night_work):
    output = nightly()

    assert [row["form_data"]["nom"] for row in FormSubmission.objects.values("form_data")] == ["Récent"]
    assert set(User.objects.values_list("email", flat=True)) == {
        "recent@example.org",
        "lecteur@example.org",
        "agent@example.org",
        "carte@example.org",
    }
    assert list(Session.objects.values_list("session_key", flat=True)) == ["current"]
    night_work.refresh_from_db()
    assert night_work.live
    assert [message.subject for message in mail.outbox] == ["Confirmez"]
    assert Message.objects.count() == 0
    for job in [
        "publish_scheduled",
        "purge_contact_messages",
        "clearsessions",
        "retry_deferred",
        "send_mail",
    ]:
        assert job in output
    assert "1 account(s)" in output


def test_nightly_twice_changes_nothing_more(night_work):
    nightly()
    kept = (
        FormSubmission.objects.count(),
        User.objects.count(),
        Session.objects.count(),
        MessageLog.objects.count(),
    )

    output = nightly()

    assert (
        FormSubmission.objects.count(),
        User.objects.count(),
        Session.objects.count(),
        MessageLog.objects.count(),
    ) == kept
    assert len(mail.outbox) == 1
    assert "0 account(s)" in output


def test_mail_that_no_server_accepts_is_given_up_after_three_days(home_page, settings):
    """Retried every night, a message the mail server never takes leaves the queue after
    three days: it names a visitor and its links have expired by then."""
    # A real SMTP client against a port where no server listens.
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    for subject, days_ago in [("Confirmez", 4), ("Réinitialisez", 1)]:
        message = Message.objects.create()
        message.email = mail.EmailMessage(subject, "Lien", "site@example.org", ["lea@example.org"])
        message.save()
        Message.objects.filter(pk=message.pk).update(
            when_added=timezone.now() - datetime.timedelta(days=days_ago)
        )

    output = nightly()

    assert [message.subject for message in Message.objects.all()] == ["Réinitialisez"]
    assert "1 message(s) unsent after 3 days deleted" in output
    assert "lea@example.org" not in output
