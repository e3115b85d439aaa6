import re
from http import HTTPStatus

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str

from django.core import mail

from portal.models import IdentityWords, User


@pytest.mark.parametrize("name", ["login", "signup", "password/reset"])
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_account_pages_wear_the_portal_look(client, home_page, name, language):
    response = client.get(f"/{language}/compte/{name}/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert 'class="skip-link"' in html
    assert html.count("<h1") == 1
    assert '<meta name="robots" content="noindex">' in html


def test_sign_up_sends_a_confirmation_e_mail(client, home_page):
    response = client.post(
        "/fr/compte/signup/",
        {
            "email": "lea@example.org",
            "password1": "une phrase longue 2026",
            "password2": "une phrase longue 2026",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    user = User.objects.get(email="lea@example.org")
    assert not user.emailaddress_set.get().verified
    assert len(mail.outbox) == 1
    assert "/fr/compte/confirm-email/" in mail.outbox[0].body


def test_sign_up_with_bad_input_keeps_what_was_valid(client, home_page):
    response = client.post(
        "/fr/compte/signup/", {"email": "lea@example.org", "password1": "abc", "password2": "abd"}
    )
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert 'value="lea@example.org"' in html
    assert 'aria-invalid="true"' in html
    assert not User.objects.filter(email="lea@example.org").exists()


def test_password_reset_sends_a_link(client, home_page):
    User.objects.create_user(email="lea@example.org", password="une phrase longue 2026")
    response = client.post("/fr/compte/password/reset/", {"email": "lea@example.org"})
    assert response.status_code == HTTPStatus.FOUND
    assert len(mail.outbox) == 1
    assert "/fr/compte/password/reset/key/" in mail.outbox[0].body


PASSWORD = "une phrase longue 2026"

# Each account page a visitor can reach: (its address, signed in?), its title in French and in
# English, the same in the browser tab (before the library's name) and in the heading.
ACCOUNT_PAGES = {
    "login": ("login/", False, "Se connecter", "Sign in"),
    "signup": ("signup/", False, "Créer un compte", "Create an account"),
    "password reset": ("password/reset/", False, "Mot de passe oublié", "Forgotten password"),
    "password reset done": ("password/reset/done/", False, "Consultez votre messagerie", "Check your e-mail"),
    "reset link": ("password/reset/key/{uid}-{token}/", False, "Choisissez un nouveau mot de passe",
                   "Choose a new password"),
    "expired reset link": ("password/reset/key/{uid}-expired/", False, "Ce lien ne fonctionne plus",
                           "This link no longer works"),
    "reset key done": ("password/reset/key/done/", False, "Mot de passe modifié", "Password changed"),
    "verification sent": ("confirm-email/", False, "Confirmez votre adresse e-mail",
                          "Confirm your e-mail address"),
    "email confirm": ("confirm-email/{key}/", False, "Confirmez votre adresse e-mail",
                      "Confirm your e-mail address"),
    "inactive": ("inactive/", False, "Compte inactif", "Account inactive"),
    "email management": ("email/", True, "Adresses e-mail", "E-mail addresses"),
    "password change": ("password/change/", True, "Modifier votre mot de passe", "Change your password"),
    "reauthenticate": ("reauthenticate/", True, "Confirmez qu’il s’agit bien de vous", "Confirm it is you"),
    "logout": ("logout/", True, "Se déconnecter", "Sign out"),
}  # fmt: skip


@pytest.mark.parametrize(("language", "column"), [("fr", 2), ("en", 3)])
@pytest.mark.parametrize("name", ACCOUNT_PAGES)
def test_account_pages_are_titled_in_the_portals_words(client, home_page, locales, name, language, column):
    IdentityWords.objects.create(locale=locales["fr"], name="Bibliothèques de Bellerive")
    user = User.objects.create_user(email="lea@example.org", password=PASSWORD)
    address = EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    path, signed_in = ACCOUNT_PAGES[name][:2]
    title = ACCOUNT_PAGES[name][column]
    if signed_in:
        client.force_login(user)
    path = path.format(
        uid=user_pk_to_url_str(user),
        token=default_token_generator.make_token(user),
        key=EmailConfirmationHMAC(address).key,
    )

    # A valid reset link leads on to the same address without its key.
    response = client.get(f"/{language}/compte/{path}", follow=True)

    assert response.status_code == HTTPStatus.OK
    html = " ".join(response.content.decode().split())
    assert f"<title>{title} · Bibliothèques de Bellerive</title>" in html
    assert re.findall(r"<h1>(.*?)</h1>", html) == [title]
