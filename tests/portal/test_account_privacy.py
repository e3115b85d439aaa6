"""Account pages and answers that do not leak personal data."""

import csv
import io
import re
from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail

from wagtail.contrib.forms.models import FormSubmission

from home.factories import ContactPageFactory
from portal.models import User

PASSWORD = "une phrase longue 2026"
ADDRESS = "lea.martin@example.org"


@pytest.fixture
def lea(home_page):
    user = User.objects.create_user(email=ADDRESS, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=ADDRESS, verified=True, primary=True)
    return user


@pytest.mark.parametrize("page", ["email", "password/change", "login", "signup", "password/reset"])
def test_account_pages_are_never_stored(client, lea, page):
    client.force_login(lea)

    response = client.get(f"/fr/compte/{page}/")

    assert response.status_code in {HTTPStatus.OK, HTTPStatus.FOUND}
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_public_pages_stay_cacheable(client, home_page):
    assert "no-store" not in client.get("/fr/").get("Cache-Control", "")


def test_messages_do_not_carry_the_address_in_a_cookie(client, lea):
    response = client.post("/fr/compte/login/", {"login": ADDRESS, "password": PASSWORD})

    assert response.status_code == HTTPStatus.FOUND
    for morsel in response.cookies.values():
        assert "lea.martin" not in morsel.value
    assert "messages" not in response.cookies


class CountingHasher(MD5PasswordHasher):
    """The test hasher, counting the passwords it hashes: the slow part of a sign-up."""

    algorithm = "counting_md5"
    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


def sign_up(client, email):
    CountingHasher.calls = 0
    mail.outbox.clear()
    response = client.post(
        "/fr/compte/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    )
    page = client.get(response["Location"])
    return {
        "status": response.status_code,
        "location": response["Location"],
        # The CSP nonce is new on every response, whoever signs up.
        "page": re.sub(r'nonce="[^"]*"', 'nonce=""', page.content.decode().replace(email, "ADDRESS")),
        "mails_to_the_address": [message.to for message in mail.outbox] == [[email]],
        "passwords_hashed": CountingHasher.calls,
    }


def test_sign_up_looks_and_works_the_same_whether_the_address_has_an_account(client, lea, settings):
    settings.PASSWORD_HASHERS = ["tests.portal.test_account_privacy.CountingHasher"]
    User.objects.create_user(email="karim@example.org", password=PASSWORD)  # warm the hasher's import

    known = sign_up(client, ADDRESS)
    client.cookies.clear()
    unknown = sign_up(client, "nouveau.lecteur@example.org")

    assert known["status"] == unknown["status"] == HTTPStatus.FOUND
    assert known == unknown
    assert known["passwords_hashed"] >= 1


def test_csv_export_of_contact_messages_neutralises_formulas(client, home_page):
    page = ContactPageFactory(
        parent=home_page, slug="nous-ecrire", questions=[("Votre message", "multiline")]
    )
    dangerous = ['=HYPERLINK("http://evil.example")', "+33 2 40 41 95 95", "-1+1", "@SUM(A1)", "\tx", "\rx"]
    for text in [*dangerous, "Bonjour"]:
        FormSubmission.objects.create(page=page, form_data={"votre_message": text})
    admin = User.objects.create_superuser(email="admin@example.org", password=PASSWORD)
    client.force_login(admin)

    response = client.get(f"/admin/forms/submissions/{page.pk}/?export=csv")

    assert response.status_code == HTTPStatus.OK
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    messages = {row[next(key for key in row if "message" in key.lower())] for row in rows}
    assert messages == {"'" + text for text in dangerous} | {"Bonjour"}
