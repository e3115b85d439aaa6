from http import HTTPStatus

import pytest

from django.core import mail

from portal.models import User


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
