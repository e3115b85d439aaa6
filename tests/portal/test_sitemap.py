"""The XML sitemap and the Open Graph data: what search engines and social networks read."""

import re
import xml.etree.ElementTree as ET
from http import HTTPStatus

import pytest
import wagtail_factories

from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def translate(page, locale):
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.save_revision().publish()
    return translation


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/xml")
    urls = {}
    for url in ET.fromstring(response.content).findall("s:url", NS):  # noqa: S314  (our own response)
        location = url.find("s:loc", NS).text
        urls[location] = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
    return urls


@pytest.fixture
def english_home(home_page, locales):
    return translate(home_page, locales["en"])


def test_sitemap_lists_every_language_with_real_translations_as_alternates(
    client, home_page, english_home, locales
):
    prices = StandardPageFactory(parent=home_page, title="Tarifs", slug="tarifs")
    english_prices = translate(prices, locales["en"])
    french_only = StandardPageFactory(parent=home_page, title="Règlement", slug="reglement")

    urls = sitemap(client)

    french, english = prices.get_full_url(), english_prices.get_full_url()
    assert french.startswith("http://") and english.startswith("http://")
    assert urls[french] == {"fr": french, "en": english}
    assert urls[english] == {"fr": french, "en": english}
    assert urls[home_page.get_full_url()] == {
        "fr": home_page.get_full_url(),
        "en": english_home.get_full_url(),
    }
    # Not translated: no alternates, and no stand-in address for the missing languages.
    assert urls[french_only.get_full_url()] == {}
    assert not any("/en/reglement/" in location for location in urls)


def test_sitemap_leaves_out_private_pages_and_their_translations(client, home_page, english_home, locales):
    staff_only = StandardPageFactory(parent=home_page, title="Espace équipe", slug="espace-equipe")
    child = StandardPageFactory(parent=staff_only, title="Planning", slug="planning")
    english = translate(staff_only, locales["en"])
    english_child = translate(child, locales["en"])
    draft = StandardPageFactory(parent=home_page, title="Brouillon", slug="brouillon", live=False)
    # On the French page only: its translations and descendants are private too.
    PageViewRestriction.objects.create(page=staff_only, restriction_type=PageViewRestriction.LOGIN)

    urls = sitemap(client)

    assert home_page.get_full_url() in urls
    for page in (staff_only, child, english, english_child, draft):
        assert page.get_full_url() not in urls
    assert not any("espace-equipe" in location or "brouillon" in location for location in urls)
    assert not any("espace-equipe" in href for links in urls.values() for href in links.values())


def meta(html, prop):
    return re.findall(rf'<meta property="{re.escape(prop)}" content="([^"]*)">', html)


def test_pages_carry_open_graph_data_for_sharing(client, home_page, english_home, locales, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://bibliotheques.example"
    picture = wagtail_factories.ImageFactory(title="Façade", file__width=1600, file__height=900)
    page = StandardPageFactory(
        parent=home_page,
        title="S'inscrire",
        slug="s-inscrire",
        summary="L'inscription est gratuite.",
        listing_image=picture,
    )
    translate(page, locales["en"])

    html = client.get(page.url).content.decode()

    assert meta(html, "og:title") == ["S&#x27;inscrire"]
    assert meta(html, "og:description") == ["L&#x27;inscription est gratuite."]
    assert meta(html, "og:url") == [page.get_full_url()]
    assert meta(html, "og:url")[0].startswith("http")
    assert meta(html, "og:locale") == ["fr_FR"]
    assert meta(html, "og:locale:alternate") == ["en_GB"]
    [image] = meta(html, "og:image")
    assert image.startswith("https://bibliotheques.example/")
    assert meta(html, "og:image:width") == ["1200"]
    assert meta(html, "og:image:height") == ["630"]


def test_a_page_without_a_picture_or_translation_shares_words_only(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Tarifs", slug="tarifs")

    html = client.get(page.url).content.decode()

    assert meta(html, "og:title") == ["Tarifs"]
    assert meta(html, "og:image") == []
    assert meta(html, "og:locale:alternate") == []


def test_robots_txt_points_to_the_sitemap(client, home_page):
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()
