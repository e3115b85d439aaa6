"""Wrong passwords are limited at both logins, per visitor address as the proxy forwards it."""

from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress

from django.test import Client
from django.utils import translation
from django.utils.html import escape

from portal.models import User

PASSWORD = "une phrase longue 2026"
ATTACKER = "203.0.113.5"
NEIGHBOUR = "198.51.100.7"
TOO_MANY = "Too many failed sign-in attempts. Wait a few minutes, then try again."


@pytest.fixture(autouse=True)
def behind_one_proxy(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1


def through_proxy(address):
    """A browser whose requests reach the site through the reverse proxy (always 10.0.0.2)."""
    return Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=address)


def staff(email):
    return User.objects.create_superuser(email=email, password=PASSWORD)


def admin_login(client, email, password):
    return client.post("/admin/login/", {"username": email, "password": password})


def test_admin_login_stops_accepting_tries_after_a_few_failures(home_page):
    staff("admin@example.org")
    staff("redaction@example.org")
    attacker = through_proxy(ATTACKER)

    for _attempt in range(5):
        assert admin_login(attacker, "admin@example.org", "wrong").status_code == HTTPStatus.OK

    refused = admin_login(attacker, "admin@example.org", PASSWORD)
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    with translation.override("fr"):
        message = translation.gettext(TOO_MANY)
    assert message != TOO_MANY
    assert escape(message) in refused.content.decode()
    assert "_auth_user_id" not in attacker.session

    neighbour = through_proxy(NEIGHBOUR)
    assert admin_login(neighbour, "redaction@example.org", PASSWORD).status_code == HTTPStatus.FOUND


def test_admin_login_counts_each_forwarded_address_apart(home_page):
    """Ten wrong tries from one visitor at ten accounts do not lock the proxy's other visitors out."""
    for number in range(10):
        staff(f"agent{number}@example.org")
    staff("redaction@example.org")
    attacker = through_proxy(ATTACKER)
    for number in range(10):
        admin_login(attacker, f"agent{number}@example.org", "wrong")

    assert (
        admin_login(attacker, "redaction@example.org", PASSWORD).status_code == HTTPStatus.TOO_MANY_REQUESTS
    )
    assert (
        admin_login(through_proxy(NEIGHBOUR), "redaction@example.org", PASSWORD).status_code
        == HTTPStatus.FOUND
    )


def patron(email):
    user = User.objects.create_user(email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def account_login(client, email, password):
    return client.post("/fr/compte/login/", {"login": email, "password": password})


def test_patron_login_limits_count_the_forwarded_address_not_the_proxy(home_page):
    for number in range(12):
        patron(f"lecteur{number}@example.org")
    patron("lea@example.org")
    attacker = through_proxy(ATTACKER)
    for number in range(12):
        account_login(attacker, f"lecteur{number}@example.org", "wrong")

    assert account_login(attacker, "lea@example.org", PASSWORD).status_code != HTTPStatus.FOUND
    # Another visitor behind the same proxy signs in.
    response = account_login(through_proxy(NEIGHBOUR), "lea@example.org", PASSWORD)
    assert response.status_code == HTTPStatus.FOUND


def test_production_counts_the_address_the_proxy_forwards():
    from tests.portal.test_settings import PRODUCTION, python

    show = "from django.conf import settings; print(settings.ALLAUTH_TRUSTED_PROXY_COUNT)"
    assert python(show, **PRODUCTION).stdout.split()[-1] == "1"
    assert python(show, **PRODUCTION, TRUSTED_PROXY_COUNT="2").stdout.split()[-1] == "2"
