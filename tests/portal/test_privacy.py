"""Privacy follows the French page: a restriction covers every translation, everywhere."""

import importlib
import re
from http import HTTPStatus

import pytest

from django.apps import apps
from django.utils import translation
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme

from wagtail.models import Locale, Page, PageViewRestriction

from home.factories import BranchIndexPageFactory, BranchPageFactory, StandardPageFactory
from portal.restrictions import private_q


def translate(page, language_code="en", **fields):
    translated = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


@pytest.fixture
def english_home(home_page):
    return translate(home_page)


@pytest.fixture
def secret(english_home, home_page):
    """A French page "Réservé au personnel" and its English translation, both public for now."""
    french = StandardPageFactory(parent=home_page, title="Réservé au personnel", slug="reserve")
    english = translate(french, title="Staff only", intro="The staff rota.")
    return french, english


def restrict(page, kind=PageViewRestriction.LOGIN, password=""):
    restriction = PageViewRestriction(page=page, restriction_type=kind, password=password)
    restriction.save()
    return restriction


def test_login_restriction_on_the_french_page_covers_its_translation(client, secret):
    french, english = secret
    assert client.get("/en/reserve/").status_code == HTTPStatus.OK

    restrict(french)
    response = client.get("/en/reserve/")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/en/compte/login/?next=/en/reserve/")
    assert "Staff only" not in client.get("/en/reserve/", follow=True).content.decode()


def test_removing_the_french_restriction_opens_the_translation_again(client, secret):
    french, _english = secret
    restrict(french).delete()

    assert client.get("/en/reserve/").status_code == HTTPStatus.OK


def test_restricting_a_french_section_covers_the_translated_section(client, secret, home_page):
    french, _english = secret
    child = StandardPageFactory(parent=french, title="Planning", slug="planning")
    translate(child, title="Rota")
    restrict(french)

    assert client.get("/en/reserve/planning/").status_code == HTTPStatus.FOUND
    assert (
        not Page.objects.filter(locale__language_code="en")
        .exclude(private_q())
        .filter(title__in=["Staff only", "Rota"])
    )


def test_translation_made_after_the_restriction_inherits_it(client, english_home, home_page):
    french = StandardPageFactory(parent=home_page, title="Réservé au personnel", slug="reserve")
    restrict(french, PageViewRestriction.PASSWORD, "bibo-secret")
    english = translate(french, title="Staff only")

    assert english.view_restrictions.get().password == "bibo-secret"
    assert "Staff only" not in client.get("/en/reserve/").content.decode()


def test_password_form_opens_the_page_in_every_language(client, secret):
    french, _english = secret
    restrict(french, PageViewRestriction.PASSWORD, "bibo-secret")

    for language, title in [("fr", "Réservé au personnel"), ("en", "Staff only")]:
        form = client.get(f"/{language}/reserve/")
        html = form.content.decode()
        assert form.status_code == HTTPStatus.OK
        assert title not in html
        action = form.context["action_url"]
        assert action.startswith(f"/{language}/_util/authenticate_with_password/")

        wrong = client.post(action, {"password": "nope", "return_url": f"/{language}/reserve/"})
        assert wrong.status_code == HTTPStatus.OK
        assert title not in wrong.content.decode()

        right = client.post(action, {"password": "bibo-secret", "return_url": f"/{language}/reserve/"})
        assert right.status_code == HTTPStatus.FOUND
        assert right["Location"] == f"/{language}/reserve/"
        page = client.get(right["Location"])
        assert page.status_code == HTTPStatus.OK
        assert escape(title) in page.content.decode()


def test_wagtail_front_end_login_leads_to_the_accounts_login(client, home_page):
    response = client.get("/fr/_util/login/?next=/fr/reserve/")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/fr/compte/login/?next=/fr/reserve/"


def test_private_page_is_not_named_by_the_not_translated_notice(client, english_home, home_page):
    french = StandardPageFactory(parent=home_page, title="Réservé au personnel", slug="reserve")
    public = StandardPageFactory(parent=home_page, title="Tarifs", slug="tarifs")
    assert "Tarifs" in client.get("/en/tarifs/").content.decode()
    assert "Réservé au personnel" in client.get("/en/reserve/").content.decode()

    restrict(french)
    response = client.get("/en/reserve/")
    html = response.content.decode()

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Réservé au personnel" not in html
    assert f'class="button" href="{french.url}"' not in html
    assert public.title in client.get("/en/tarifs/").content.decode()


def test_branch_restricted_in_french_is_not_listed_in_english(client, english_home, home_page):
    index = BranchIndexPageFactory(parent=home_page, slug="bibliotheques")
    translate(index, title="Libraries")
    french = BranchPageFactory(parent=index, title="Réserve centrale", slug="reserve-centrale")
    translate(french, title="Central stacks")
    assert "Central stacks" in client.get("/en/bibliotheques/").content.decode()

    restrict(french)

    assert "Central stacks" not in client.get("/en/bibliotheques/").content.decode()
    assert "Réserve centrale" not in client.get("/fr/bibliotheques/").content.decode()
    branches = client.get("/api/branches/?lang=en").json()["branches"]
    assert [branch["slug"] for branch in branches] == []


@pytest.mark.usefixtures("triggers_at_once")
def test_a_restriction_reaches_listings_without_any_process_being_told(client, secret):
    """Another process's change reaches this one only through the database (portal.tree's version)."""
    french, english = secret
    listed = Page.objects.exclude(private_q()).filter(pk__in=[french.pk, english.pk])
    assert listed.count() == 2

    # bulk_create sends no signal, as a restriction saved by another worker would not.
    PageViewRestriction.objects.bulk_create(
        [
            PageViewRestriction(page=french, restriction_type=PageViewRestriction.LOGIN),
            PageViewRestriction(page=english, restriction_type=PageViewRestriction.LOGIN),
        ]
    )

    assert Page.objects.exclude(private_q()).filter(pk__in=[french.pk, english.pk]).count() == 0


def test_migration_mirrors_existing_restrictions_and_can_run_twice(secret):
    french, english = secret
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=french, restriction_type=PageViewRestriction.PASSWORD, password="x")]
    )
    migration = importlib.import_module("portal.migrations.0004_mirror_view_restrictions")

    migration.mirror_existing(apps, None)
    migration.mirror_existing(apps, None)

    assert list(english.view_restrictions.values_list("restriction_type", "password")) == [("password", "x")]


def test_groups_of_a_restriction_follow_to_translations(secret, django_user_model):
    from django.contrib.auth.models import Group

    french, english = secret
    staff = Group.objects.create(name="Personnel")
    restriction = restrict(french, PageViewRestriction.GROUPS)
    restriction.groups.set([staff])

    assert list(english.view_restrictions.get().groups.all()) == [staff]
    with translation.override("en"):
        assert english.get_view_restrictions().count() == 1


@pytest.mark.parametrize(
    "path", ["//evil.example/", "//evil.example/fr/", "///evil.example/x", "/\\/evil.example/"]
)
def test_not_found_page_language_links_stay_on_the_site(client, home_page, path):
    # PATH_INFO as a raw request line would carry it; the test client would read a host in it.
    response = client.get("/", PATH_INFO=path)
    links = re.findall(r'<a href="([^"]*)"[^>]*hreflang', response.content.decode())

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert len(links) == 8
    for link in links:
        assert link.startswith("/")
        assert url_has_allowed_host_and_scheme(link, allowed_hosts=None), link


@pytest.mark.parametrize("url", ["/fr/compte/login/", "/admin/login/", "/en/compte/signup/"])
@pytest.mark.parametrize("charset", ["latin-1", "utf-16", "windows-1252"])
def test_form_in_another_encoding_is_a_clear_400(home_page, url, charset):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.get(url)
    token = client.cookies["csrftoken"].value
    response = client.generic(
        "POST",
        url,
        f"csrfmiddlewaretoken={token}&login=l%E9a".encode(),
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    language = url.split("/")[1] if url.startswith(("/fr/", "/en/")) else "fr"
    with translation.override(language):
        message = translation.gettext("Request not understood")
    assert message in response.content.decode()


def test_an_alias_of_a_private_page_and_pages_under_a_private_section_stay_private(client, home_page):
    """Each page's restrictions are read in one query (BasePage.get_view_restrictions): the
    page's own, its ancestors', and for an alias, those of the page it copies."""
    section = StandardPageFactory(parent=home_page, title="Coulisses", slug="coulisses")
    StandardPageFactory(parent=section, title="Planning du personnel", slug="planning")
    source = StandardPageFactory(parent=home_page, title="Réunion d'équipe", slug="reunion")
    source.create_alias(parent=home_page, update_slug="reunion-copie")
    StandardPageFactory(parent=home_page, title="Horaires d'été", slug="ete")
    for url in ("/fr/coulisses/planning/", "/fr/reunion-copie/", "/fr/ete/"):
        assert client.get(url).status_code == HTTPStatus.OK

    restrict(section)
    restrict(source, PageViewRestriction.PASSWORD, password="équipe")

    assert client.get("/fr/coulisses/planning/").status_code == HTTPStatus.FOUND
    copy = client.get("/fr/reunion-copie/").content.decode()
    assert 'type="password"' in copy
    assert "Réunion d&#x27;équipe" not in copy
    assert "Horaires d&#x27;été" in client.get("/fr/ete/").content.decode()
