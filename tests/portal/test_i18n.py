from http import HTTPStatus

import pytest

from django.utils import translation
from django.utils.html import escape

from wagtail.models import Locale

from home.factories import StandardPageFactory


def translate_page(page, language_code, **fields):
    translated = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


@pytest.mark.parametrize(
    ("headers", "cookie", "expected"),
    [
        ({}, None, "/fr/"),
        ({"HTTP_ACCEPT_LANGUAGE": "ar,en;q=0.8"}, None, "/ar/"),
        ({"HTTP_ACCEPT_LANGUAGE": "zh-CN,zh;q=0.9"}, None, "/zh-hans/"),
        ({"HTTP_ACCEPT_LANGUAGE": "de-DE"}, None, "/fr/"),
        ({"HTTP_ACCEPT_LANGUAGE": "en"}, "uk", "/uk/"),
        ({"HTTP_ACCEPT_LANGUAGE": "en"}, "xx-not-a-language", "/en/"),
        ({"HTTP_ACCEPT_LANGUAGE": ";;;q=x,,"}, None, "/fr/"),
    ],
)
def test_root_sends_visitor_to_their_language(client, home_page, headers, cookie, expected):
    if cookie:
        client.cookies["bibo_language"] = cookie
    response = client.get("/", **headers)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == expected


def test_french_home_page_declares_language_and_direction(client, home_page):
    response = client.get("/fr/")
    assert response.status_code == HTTPStatus.OK
    assert b'<html lang="fr" dir="ltr">' in response.content


def test_arabic_page_renders_right_to_left(client, home_page):
    translate_page(home_page, "ar", title="مكتبات المدينة")
    response = client.get("/ar/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "مكتبات المدينة" in html


def test_every_translation_is_linked_with_hreflang(client, home_page):
    translate_page(home_page, "en", title="City libraries")
    html = client.get("/fr/").content.decode()
    assert 'hreflang="fr" href="http://localhost/fr/"' in html
    assert 'hreflang="en" href="http://localhost/en/"' in html
    assert 'hreflang="x-default"' in html
    # Spanish is not translated: no alternate pretends it is.
    assert '<link rel="alternate" hreflang="es"' not in html


def test_language_switcher_names_each_language_in_itself(client, home_page):
    html = client.get("/fr/").content.decode()
    for code, name in [("ar", "العربية"), ("uk", "Українська"), ("es", "Español"), ("zh-hans", "简体中文")]:
        assert f'lang="{code}" hreflang="{code}">{name}</a>' in html


def test_untranslated_page_says_so_in_the_visitors_language(client, home_page):
    StandardPageFactory(parent=home_page, title="S'inscrire", slug="s-inscrire")
    translate_page(home_page, "es", title="Bibliotecas")
    response = client.get("/es/s-inscrire/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    html = response.content.decode()
    assert '<html lang="es"' in html
    assert 'href="/fr/s-inscrire/"' in html
    assert '<span lang="fr">S&#x27;inscrire</span>' in html
    # The French text is not shown as if it were Spanish.
    assert "<h1>S&#x27;inscrire</h1>" not in html


def test_switcher_on_untranslated_language_leads_to_the_notice(client, home_page):
    StandardPageFactory(parent=home_page, title="Horaires", slug="horaires")
    html = client.get("/fr/horaires/").content.decode()
    assert 'href="/pt/horaires/" lang="pt"' in html


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("/xx/", "fr"),
        ("/fr/nexiste-pas/", "fr"),
        ("/ar/nexiste-pas/", "ar"),
        ("/fr/%ff%fe/", "fr"),
        ("/fr/../../etc/passwd", "fr"),
    ],
)
def test_unknown_addresses_get_a_not_found_page_in_the_visitors_language(client, home_page, path, language):
    response = client.get(path, follow=True)
    assert response.status_code == HTTPStatus.NOT_FOUND
    with translation.override(language):
        heading = translation.gettext("Page not found")
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert f"<h1>{escape(heading)}</h1>" in html


def test_malformed_query_string_is_harmless(client, home_page):
    response = client.get("/fr/?page=%ZZ&q=%00&&=&lang[]=1")
    assert response.status_code == HTTPStatus.OK


def test_health_check_answers_without_a_language(client, db):
    response = client.get("/healthz")
    assert response.status_code == HTTPStatus.OK
    assert response.content == b"ok"


def test_robots_keep_crawlers_out_of_accounts_and_admin(client, db):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body
    assert "Disallow: /*/compte/" in body


def test_language_without_a_home_page_never_shows_french_pages_as_its_own(client, home_page):
    StandardPageFactory(parent=home_page, title="Horaires", slug="horaires")
    response = client.get("/tr/horaires/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert '<html lang="tr"' in response.content.decode()
    assert 'href="/fr/horaires/"' in response.content.decode()


def test_the_language_read_last_is_remembered(client, home_page):
    translate_page(home_page, "ar", title="مكتبات المدينة")
    response = client.get("/ar/")
    assert response.cookies["bibo_language"].value == "ar"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/ar/"


def test_translated_page_under_its_own_slug_is_found_from_the_french_address(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Accessibilité", slug="accessibilite")
    translate_page(home_page, "en", title="City libraries")
    translate_page(page, "en", title="Accessibility", slug="accessibility")
    response = client.get("/en/accessibilite/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/en/accessibility/"


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_pages_refuse_methods_that_would_write(client, home_page, method):
    assert getattr(client, method)("/fr/").status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_head_requests_are_answered(client, home_page):
    assert client.head("/fr/").status_code == HTTPStatus.OK
    assert client.head("/").status_code == HTTPStatus.FOUND
    assert client.head("/robots.txt").status_code == HTTPStatus.OK


def test_a_new_home_page_at_the_root_is_served_at_once(client, home_page):
    assert client.get("/fr/").status_code == HTTPStatus.OK  # the site is now remembered
    home_page.title = "Médiathèques renommées"
    home_page.save_revision().publish()
    assert "Médiathèques renommées" in client.get("/fr/").content.decode()
