"""Allauth's e-mails speak for the library, in the visitor's language, with the site's address."""

import pytest

from django.core import mail

from portal.models import BrandingSettings, User

PASSWORD = "une phrase longue 2026"


@pytest.fixture
def branded_site(home_page, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "bibliotheques.bellerive.example"]
    site = home_page.get_site()
    site.hostname, site.port = "bibliotheques.bellerive.example", 443
    site.save()
    BrandingSettings.objects.create(site=site, library_name="Bibliothèques de Bellerive")
    return site


def sign_up(client, language, email="nouveau.lecteur@example.org"):
    client.post(
        f"/{language}/compte/signup/",
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
        HTTP_HOST="bibliotheques.bellerive.example",
        secure=True,
    )
    assert len(mail.outbox) == 1
    return mail.outbox[0]


def test_confirmation_e_mail_in_french_names_the_library_and_its_address(client, branded_site):
    message = sign_up(client, "fr")
    assert message.subject == "Confirmez votre adresse e-mail – Bibliothèques de Bellerive"
    assert message.from_email.startswith("Bibliothèques de Bellerive <")
    assert "Bonjour," in message.body
    assert (
        "site des Bibliothèques de Bellerive" in message.body or "Bibliothèques de Bellerive" in message.body
    )
    assert "https://bibliotheques.bellerive.example/fr/" in message.body
    assert "Hello from" not in message.body
    assert "127.0.0.1" not in message.body
    assert "nouveau.lecteur" not in message.body.replace("nouveau.lecteur@example.org", "")
    assert "user " not in message.body


def test_confirmation_e_mail_in_arabic(client, branded_site):
    message = sign_up(client, "ar")
    assert message.subject == "أكّدوا عنوان بريدكم الإلكتروني – Bibliothèques de Bellerive"
    assert "مرحبًا،" in message.body
    assert "https://bibliotheques.bellerive.example/ar/" in message.body
    assert "Hello" not in message.body


def test_password_reset_e_mail_in_arabic(client, branded_site):
    User.objects.create_user(email="karim@example.org", password=PASSWORD)
    client.post(
        "/ar/compte/password/reset/",
        {"email": "karim@example.org"},
        HTTP_HOST="bibliotheques.bellerive.example",
        secure=True,
    )
    message = mail.outbox[0]
    assert message.subject == "اختاروا كلمة مرور جديدة – Bibliothèques de Bellerive"
    assert "https://bibliotheques.bellerive.example/ar/compte/password/reset/key/" in message.body
    assert "username" not in message.body


def test_mail_comes_from_the_sites_domain_by_default(monkeypatch):
    import importlib

    import portal.settings.base as base

    monkeypatch.delenv("DEFAULT_FROM_EMAIL", raising=False)
    monkeypatch.setenv("WAGTAILADMIN_BASE_URL", "https://bibliotheques.bellerive.example")
    try:
        assert importlib.reload(base).DEFAULT_FROM_EMAIL == "bibliotheque@bibliotheques.bellerive.example"
    finally:
        monkeypatch.undo()
        importlib.reload(base)
