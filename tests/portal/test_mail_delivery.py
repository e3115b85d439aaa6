"""When the mail server is down, visitors get their normal answer and the mail goes out later."""

import io
import logging
import socket
from http import HTTPStatus

import pytest
from mailer.models import Message

from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from wagtail.contrib.forms.models import FormSubmission

from home.factories import ContactPageFactory
from portal.models import User

ADDRESS = "lea.martin@example.org"


def closed_port():
    """A local TCP port nobody listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mail_server_down(settings):
    settings.EMAIL_BACKEND = "portal.mail.QueueThenSendBackend"
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_TIMEOUT = 2
    return settings


def mail_server_back():
    """The server answers again: the deferred mail goes out on the next run of the queue."""
    with override_settings(MAILER_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        call_command("retry_deferred", stdout=io.StringIO())
        call_command("send_mail", stdout=io.StringIO())


def no_personal_data_in(records):
    text = " ".join(record.getMessage() for record in records)
    assert ADDRESS not in text
    assert "Léa" not in text


def test_contact_form_answers_calmly_and_mails_later(
    client, home_page, mail_server_down, caplog, django_capture_on_commit_callbacks
):
    page = ContactPageFactory(
        parent=home_page,
        slug="nous-ecrire",
        questions=[("Votre nom", "singleline"), ("Votre e-mail", "email")],
    )
    caplog.set_level(logging.INFO)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page.url, {"votre_nom": "Léa", "votre_e_mail": ADDRESS})

    assert response.status_code == HTTPStatus.OK
    assert FormSubmission.objects.filter(page=page).count() == 1
    assert Message.objects.deferred().count() == 1
    assert mail.outbox == []
    no_personal_data_in(caplog.records)
    assert "deferred" in caplog.text

    mail_server_back()

    assert [message.to for message in mail.outbox] == [["accueil@bibliotheque.example"]]
    assert Message.objects.count() == 0


def test_sign_up_answers_calmly_and_the_confirmation_goes_out_later(
    client, home_page, mail_server_down, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.INFO)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fr/compte/signup/",
            {"email": ADDRESS, "password1": "une phrase longue 2026", "password2": "une phrase longue 2026"},
        )

    assert response.status_code == HTTPStatus.FOUND
    assert client.get(response["Location"]).status_code == HTTPStatus.OK
    assert User.objects.filter(email=ADDRESS).exists()
    assert Message.objects.deferred().count() == 1
    no_personal_data_in(caplog.records)

    mail_server_back()

    assert len(mail.outbox) == 1
    assert "/fr/compte/confirm-email/" in mail.outbox[0].body


def test_password_reset_answers_calmly_and_the_link_goes_out_later(
    client, home_page, mail_server_down, caplog, django_capture_on_commit_callbacks
):
    User.objects.create_user(email=ADDRESS, password="une phrase longue 2026")
    caplog.set_level(logging.INFO)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/compte/password/reset/", {"email": ADDRESS})

    assert response.status_code == HTTPStatus.FOUND
    assert Message.objects.deferred().count() == 1
    no_personal_data_in(caplog.records)

    mail_server_back()

    assert "/fr/compte/password/reset/key/" in mail.outbox[0].body


def test_mail_waits_for_the_transaction_and_is_dropped_with_it(
    home_page, mail_server_down, django_capture_on_commit_callbacks, settings
):
    from django.db import transaction

    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        mail.send_mail("Sujet", "Corps", "site@example.org", [ADDRESS])
        raise RuntimeError("the form's save failed")

    assert callbacks == []
    assert Message.objects.count() == 0
    assert mail.outbox == []
