import datetime
import json
import re
from decimal import Decimal
from http import HTTPStatus

import pytest
import wagtail_factories

from django.test import override_settings
from django.utils import translation
from django.utils.html import escape

from wagtail.models import Locale, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from branches import hours
from branches.factories import HoursExceptionFactory
from branches.models import Branch, Reason
from home.factories import (
    BranchIndexPageFactory,
    BranchPageFactory,
    MobileBranchPageFactory,
    MobileStopFactory,
    hours_exception,
    opening,
    season,
)
from home.models import BranchIndexPage, BranchPage, HomePage, MobileBranchPage, StandardPage
from tests.queries import BRANCH_ANSWERS, queries_for

# Saturday 5 December 2026, 11:00 in Paris: the usual branch is open until the lunch break.
SATURDAY_MORNING = datetime.datetime(2026, 12, 5, 11, 0, tzinfo=hours.PARIS)
SUNDAY_NOON = datetime.datetime(2026, 12, 6, 12, 0, tzinfo=hours.PARIS)


@pytest.fixture
def freeze(monkeypatch):
    def freeze(moment):
        monkeypatch.setattr(hours, "current_time", lambda: moment)

    freeze(SATURDAY_MORNING)
    return freeze


@pytest.fixture
def index(home_page):
    return BranchIndexPageFactory(parent=home_page)


def translate_words(snippet, language_code, **fields):
    """A translator's translation of a reason or a place (wagtail-localize makes the same row)."""
    translated = snippet.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return translated


def translate(page, language_code, **fields):
    translated = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


def read_in(language_code, message):
    """What a visitor reads for an interface string in a language, as it appears in the HTML."""
    with translation.override(language_code):
        return squeeze(escape(translation.gettext(message)))


def fr(message):
    """What a French visitor reads for an interface string, as it appears in the HTML."""
    return read_in("fr", message)


def en(message):
    """What an English visitor reads for an interface string, as it appears in the HTML."""
    return read_in("en", message)


def squeeze(html):
    """Runs of spaces and line breaks as one space; non-breaking spaces stay what they are."""
    return re.sub(r"[ \t\r\n]+", " ", html).strip()


def text(response):
    assert response.status_code == HTTPStatus.OK
    return squeeze(response.content.decode())


def test_page_tree_rules(index):
    page_tests = WagtailPageTestCase()
    page_tests.assertCanCreateAt(HomePage, BranchIndexPage)
    page_tests.assertCanCreateAt(BranchIndexPage, BranchPage)
    page_tests.assertCanCreateAt(BranchIndexPage, MobileBranchPage)
    page_tests.assertCanNotCreateAt(StandardPage, BranchIndexPage)
    page_tests.assertCanNotCreateAt(HomePage, MobileBranchPage)
    page_tests.assertCanNotCreateAt(BranchPage, StandardPage)
    page_tests.assertCanNotCreateAt(MobileBranchPage, BranchPage)
    assert BranchPage.can_create_at(index)
    assert not BranchIndexPage.can_create_at(index.get_parent())


def test_branch_page_shows_status_address_and_hours(client, index, freeze):
    branch = BranchPageFactory(
        parent=index,
        title="Médiathèque Jacques Demy",
        slug="jacques-demy",
        street="24 quai de la Fosse",
        postcode="44000",
        city="Nantes",
        phone="02 40 41 95 95",
        email="demy@bibliotheque.example",
        step_free_access=True,
        induction_loop=True,
        exceptions=[hours_exception(datetime.date(2026, 12, 8), "Fête des lumières")],
    )

    html = text(client.get(branch.url))

    assert "<h1>Médiathèque Jacques Demy</h1>" in html
    # French typography: "12 h 30", with non-breaking spaces that keep it on one line.
    assert "Ouvert en ce moment, ferme à 12\u00a0h\u00a030" in html
    assert "<address>" in html
    # Address and contact details keep their own direction in right-to-left languages.
    assert (
        '<bdi dir="ltr" lang="fr">24 quai de la Fosse</bdi><br><bdi dir="ltr" lang="fr">44000 Nantes</bdi>'
        in html
    )
    assert '<a href="tel:+33240419595" dir="ltr">02 40 41 95 95</a>' in html
    assert 'href="mailto:demy@bibliotheque.example"' in html
    assert f"<caption>{fr('Opening hours for the next seven days')}</caption>" in html
    assert "<td>de 10\u00a0h à 12\u00a0h\u00a030, de 14\u00a0h à 17\u00a0h</td>" in html
    # Tuesday 8 December is closed for the exception, and says why.
    assert "Fête des lumières" in html
    assert html.count(f">{fr('Closed')}<") == 3  # Sunday, Monday and the holiday
    assert f"<li>{fr('Step-free access')}</li>" in html
    assert f"<li>{fr('Induction loop')}</li>" in html
    assert 'href="/api/branches/jacques-demy.ics"' in html
    assert 'href="/api/branches/jacques-demy.json?lang=fr"' in html


def test_branch_page_shows_seasonal_hours_with_the_seasons_name(client, index, freeze):
    branch = BranchPageFactory(
        parent=index,
        seasons=[
            season(
                "Horaires d'hiver",
                datetime.date(2026, 12, 1),
                datetime.date(2027, 2, 28),
                [opening(5, "09:00", "13:00")],
            )
        ],
    )

    html = text(client.get(branch.url))

    assert "Ouvert en ce moment, ferme à 13\u00a0h" in html
    assert "<td>de 9\u00a0h à 13\u00a0h</td> <td>Horaires d&#x27;hiver</td>" in html


def test_branch_page_photo_has_its_alternative_text(client, index, freeze):
    photo = wagtail_factories.ImageFactory(default_alt_text="La façade vitrée sur la Loire")
    branch = BranchPageFactory(parent=index, photo=photo)

    assert 'alt="La façade vitrée sur la Loire"' in text(client.get(branch.url))


def test_closed_branch_names_the_day_it_opens_in_the_visitors_language(client, index, freeze):
    freeze(SUNDAY_NOON)
    branch = BranchPageFactory(parent=index, slug="bellevue")
    translate(index.get_parent(), "en", title="City libraries")
    english_index = translate(index, "en", title="Our libraries")
    translate(branch, "en", title="Bellevue library")

    french = text(client.get(branch.url))
    english = text(client.get("/en/bibliotheques/bellevue/"))

    # The day names are Django's own, in each visitor's language.
    assert "Fermé, ouvre mardi à 10\u00a0h" in french
    assert "Closed, opens Tuesday at 10 a.m." in english
    assert "Bellevue library" in english
    assert english_index.locale.language_code == "en"


def test_branch_with_no_hours_ahead_is_closed_until_further_notice(client, index, freeze):
    branch = BranchPageFactory(
        parent=index,
        weekly_hours=[opening(1, "10:00", "18:00")],
        exceptions=[
            hours_exception(datetime.date(2026, 11, 1), "Travaux", end_date=datetime.date(2028, 1, 1)),
        ],
    )

    html = text(client.get(branch.url))

    assert fr("Closed until further notice") in html
    assert "(Travaux)" in html


def test_mobile_branch_page_lists_upcoming_stops(client, index, freeze):
    bus = MobileBranchPageFactory(parent=index, title="Bibliobus", slug="bibliobus")
    MobileStopFactory(page=bus, date=datetime.date(2026, 12, 4), place="Hier")
    MobileStopFactory(
        page=bus,
        date=datetime.date(2026, 12, 5),
        starts_at=datetime.time(10),
        ends_at=datetime.time(12),
        place="Place du Commerce",
        address="Place du Commerce, Nantes",
        latitude=Decimal("47.213"),
        longitude=Decimal("-1.558"),
    )
    MobileStopFactory(page=bus, date=datetime.date(2026, 12, 8), place="Île de Nantes")

    html = text(client.get(bus.url))

    assert "En ce moment à Place du Commerce, jusqu’à 12\u00a0h" in html
    assert "samedi 5 décembre</time>, de 10\u00a0h à 12\u00a0h</p>" in html
    assert "Hier" not in html
    assert "Place du Commerce, Nantes" in html
    assert "mardi 8 décembre" in html
    assert "Île de Nantes" in html


def test_mobile_branch_status_names_the_next_stop(client, index, freeze):
    freeze(SUNDAY_NOON)
    bus = MobileBranchPageFactory(parent=index, slug="bibliobus")
    MobileStopFactory(page=bus, date=datetime.date(2026, 12, 15), place="Trentemoult")

    assert "Prochain arrêt\u00a0: Trentemoult, mardi 15 décembre à 10\u00a0h" in text(client.get(bus.url))


def translate_tree(index, language_code="en"):
    """The home page and the list of branches in another language; returns the translated list."""
    translate(index.get_parent(), language_code, title="City libraries")
    return translate(index, language_code, title="Our libraries")


def test_translated_branch_shows_a_closure_added_to_the_french_page_at_once(client, index, freeze):
    branch = BranchPageFactory(
        parent=index,
        slug="bellevue",
        exceptions=[hours_exception(datetime.date(2026, 12, 10), "Fête des lumières")],
    )
    english_index = translate_tree(index)
    english = translate(branch, "en", title="Bellevue library")
    # The translator's words for the exception's reason, a translatable snippet.
    translate_words(Reason.objects.get(text="Fête des lumières"), "en", text="Festival of Lights")
    translate_tree(index, "ar")
    arabic = translate(branch, "ar")
    assert "Open now, closes at 12:30 p.m." in text(client.get(english.url))
    assert "status--open" in text(client.get(arabic.url))

    # Later, on the branch: closed today for the stocktaking.
    HoursExceptionFactory(branch=branch.branch, **hours_exception(datetime.date(2026, 12, 5), "Inventaire"))

    page = text(client.get(english.url))
    listing = text(client.get(english_index.url))
    api = client.get("/api/branches/bellevue.json?lang=en").json()

    closed = "Closed, opens Tuesday at 10 a.m."
    # Not translated yet: the French word, marked as French.
    assert f'{closed} <span class="status__reason">(<span lang="fr">Inventaire</span>)</span>' in page
    assert "Open now" not in page
    assert "Festival of Lights" in page
    assert "Fête des lumières" not in page
    assert closed in listing
    assert "Bellevue library" in listing
    assert '<p class="status status--closed status--prominent">' in text(client.get(arabic.url))
    assert api["title"] == "Bellevue library"
    assert api["status"]["is_open"] is False
    assert api["status"]["reason"] == "Inventaire"
    assert [day["reason"] for day in api["days"]][5] == "Festival of Lights"
    assert client.get("/api/branches/bellevue.json").json()["days"][5]["reason"] == "Fête des lumières"


def test_translated_branch_names_a_french_season_in_its_own_words(client, index, freeze):
    branch = BranchPageFactory(
        parent=index,
        slug="bellevue",
        seasons=[
            season(
                "Horaires d'hiver",
                datetime.date(2026, 12, 1),
                datetime.date(2027, 2, 28),
                [opening(5, "09:00", "13:00")],
            )
        ],
    )
    translate_tree(index)
    english = translate(branch, "en")
    translate_words(Reason.objects.get(text="Horaires d'hiver"), "en", text="Winter hours")
    # Later, on the branch only: the season's Saturdays end at noon.
    winter = branch.branch.seasons.get()
    winter.hours = [opening(5, "09:00", "12:00")]
    winter.save()

    html = text(client.get(english.url))

    assert "Open now, closes at noon" in html
    assert "<td>9 a.m. to noon</td> <td>Winter hours</td>" in html
    assert en("Closed") in html  # Sunday
    assert "Horaires" not in html


def test_translated_bus_shows_the_stops_of_the_french_bus(client, index, freeze):
    bus = MobileBranchPageFactory(parent=index, title="Bibliobus", slug="bibliobus")
    cancelled = MobileStopFactory(page=bus, date=datetime.date(2026, 12, 8), place="Chantenay")
    english_index = translate_tree(index)
    english = translate(bus, "en", title="Library bus")

    # After the translation, on the French bus only: one stop cancelled, one added for today.
    cancelled.delete()
    MobileStopFactory(
        page=bus,
        date=datetime.date(2026, 12, 5),
        starts_at=datetime.time(10),
        ends_at=datetime.time(12),
        place="Place du Commerce",
    )

    page = text(client.get(english.url))
    listing = text(client.get(english_index.url))

    # The place has no English name yet: marked as French.
    here = 'Here now at <span lang="fr">Place du Commerce</span> until noon'
    assert here in page
    assert "Chantenay" not in page
    assert here in listing


def make_branches(index, count, offset=0):
    for number in range(offset, offset + count):
        photo = wagtail_factories.ImageFactory()
        BranchPageFactory(
            parent=index, title=f"Bibliothèque {number}", slug=f"bibliotheque-{number}", photo=photo
        )
        bus = MobileBranchPageFactory(parent=index, title=f"Bibliobus {number}", slug=f"bibliobus-{number}")
        for starts, ends in ((10, 12), (14, 15)):
            MobileStopFactory(
                page=bus,
                date=datetime.date(2026, 12, 5),
                starts_at=datetime.time(starts),
                ends_at=datetime.time(ends),
                latitude=Decimal("47.2"),
                longitude=Decimal("-1.5"),
            )


# Budgets: measured, then pinned. They must not depend on the amount of content.
# Pages count the read of the tree's version (portal.tree), not the site, the route or the menu.
# The branch is a row of its own, with its seasons and exceptions in two more queries (one
# for the stops of vehicles). Translations read no French page any more: their words (reasons,
# places) come in the same queries.
# Measured on a main whose every page also looks its locale up again (see tests/home/test_pages.py).
BRANCH_LIST_QUERIES = 9
TRANSLATED_BRANCH_LIST_QUERIES = 9
TRANSLATED_BRANCH_PAGE_QUERIES = 6
TRANSLATED_MOBILE_PAGE_QUERIES = 4
BRANCH_PAGE_QUERIES = 6
MOBILE_PAGE_QUERIES = 4


def test_branch_page_query_count_does_not_grow_with_exceptions_and_services(client, index, freeze):
    branch = BranchPageFactory(parent=index, photo=wagtail_factories.ImageFactory())
    small = queries_for(client, branch.url, forgetting=BRANCH_ANSWERS)
    for day in range(1, 29):
        HoursExceptionFactory(
            branch=branch.branch, **hours_exception(datetime.date(2026, 12, day), f"Fermé {day}")
        )
    branch.services = [("service", {"name": f"Service {n}", "description": ""}) for n in range(12)]
    branch.save_revision().publish()
    large = queries_for(client, branch.url, forgetting=BRANCH_ANSWERS)
    assert small == large
    assert large <= BRANCH_PAGE_QUERIES


def test_a_closure_added_after_a_visit_shows_at_the_next_one(client, index, freeze):
    """The hours' querysets are kept between requests (branches.models), never their rows."""
    branch = BranchPageFactory(parent=index)
    assert "Dégât des eaux" not in client.get(branch.url).content.decode()

    HoursExceptionFactory(branch=branch.branch, **hours_exception(SATURDAY_MORNING.date(), "Dégât des eaux"))

    assert "Dégât des eaux" in client.get(branch.url).content.decode()


def test_a_stop_added_after_a_visit_shows_at_the_next_one(client, index, freeze):
    bus = MobileBranchPageFactory(parent=index)
    MobileStopFactory(page=bus, date=datetime.date(2026, 12, 5))
    before = client.get(bus.url).content.decode()

    MobileStopFactory(page=bus, date=datetime.date(2026, 12, 9), place="Place du Bouffay")

    after = client.get(bus.url).content.decode()
    assert "Place du Bouffay" not in before
    assert "Place du Bouffay" in after


def test_mobile_page_query_count_does_not_grow_with_stops(client, index, freeze):
    bus = MobileBranchPageFactory(parent=index)
    MobileStopFactory(page=bus, date=datetime.date(2026, 12, 5))
    small = queries_for(client, bus.url, forgetting=BRANCH_ANSWERS)
    MobileStopFactory.create_batch(30, page=bus, date=datetime.date(2026, 12, 9))
    large = queries_for(client, bus.url, forgetting=BRANCH_ANSWERS)
    assert small == large
    assert large <= MOBILE_PAGE_QUERIES


def test_branch_list_query_count_does_not_grow_with_branches(client, index, freeze):
    make_branches(index, 1)
    small = queries_for(client, index.url, forgetting=BRANCH_ANSWERS)
    make_branches(index, 4, offset=1)
    large = queries_for(client, index.url, forgetting=BRANCH_ANSWERS)

    html = text(client.get(index.url))

    assert small == large
    assert large <= BRANCH_LIST_QUERIES
    assert html.count('class="card branch-card"') == 10


# While nothing changes, the list's branches, hours and stops are kept by the process
# (`listed_branches`): the tree's version, the page, and its translations.
REMEMBERED_BRANCH_LIST_QUERIES = 3


def test_branch_list_kept_between_visits_costs_no_query_per_branch(client, index, freeze):
    make_branches(index, 5)
    assert queries_for(client, index.url) <= REMEMBERED_BRANCH_LIST_QUERIES


def test_branch_list_kept_between_visits_follows_the_clock(client, index, freeze):
    BranchPageFactory(parent=index, title="Bibliothèque Chantenay")
    morning = text(client.get(index.url))
    freeze(SATURDAY_MORNING.replace(hour=23))
    night = text(client.get(index.url))

    assert "Ouvert en ce moment, ferme à 12\u00a0h\u00a030" in morning
    assert "Ouvert en ce moment" not in night
    assert "Fermé, ouvre" in night


def test_a_bulk_change_to_a_branch_reaches_the_list_at_the_next_visit(
    client, index, freeze, triggers_at_once
):
    """No signal is sent by `update()`: the database's triggers tell every process (portal.tree)."""
    page = BranchPageFactory(parent=index)
    assert "12 rue Neuve" not in text(client.get(index.url))

    Branch.objects.filter(pk=page.branch_id).update(street="12 rue Neuve")

    assert "12 rue Neuve" in text(client.get(index.url))


def translate_branches(language_code="en"):
    for model in (BranchPage, MobileBranchPage):
        for page in model.objects.filter(locale__language_code="fr"):
            if not page.has_translation(Locale.objects.get(language_code=language_code)):
                translate(page, language_code, title=f"{page.title} ({language_code})")


def test_translated_branch_list_query_count_does_not_grow_with_branches(client, index, freeze):
    english_index = translate_tree(index)
    make_branches(index, 1)
    translate_branches()
    small = queries_for(client, english_index.url, forgetting=BRANCH_ANSWERS)
    make_branches(index, 4, offset=1)
    translate_branches()
    large = queries_for(client, english_index.url, forgetting=BRANCH_ANSWERS)

    html = text(client.get(english_index.url))

    assert small == large
    assert large <= TRANSLATED_BRANCH_LIST_QUERIES
    assert html.count('class="card branch-card"') == 10
    assert "Bibliobus 4 (en)</a>" in html
    # Every bus is at its stop now, whose name has no English translation yet.
    here = "Here now at PLACE until noon"
    place = r'<span lang="fr">Place du Marché \d+</span>'
    assert len(re.findall(re.escape(here).replace("PLACE", place), html)) == 5


def test_translated_branch_page_query_counts_stay_within_the_french_budgets(client, index, freeze):
    branch = BranchPageFactory(parent=index, photo=wagtail_factories.ImageFactory())
    bus = MobileBranchPageFactory(parent=index)
    MobileStopFactory(page=bus, date=datetime.date(2026, 12, 5))
    translate_tree(index)
    english_branch, english_bus = translate(branch, "en"), translate(bus, "en")

    # As before hours and stops came from the French page: it was already looked up for the
    # JSON and iCalendar addresses.
    assert (
        queries_for(client, english_branch.url, forgetting=BRANCH_ANSWERS) <= TRANSLATED_BRANCH_PAGE_QUERIES
    )
    assert queries_for(client, english_bus.url, forgetting=BRANCH_ANSWERS) <= TRANSLATED_MOBILE_PAGE_QUERIES


def test_branch_list_shows_each_status_and_embeds_the_map_data(client, index, freeze):
    branch = BranchPageFactory(parent=index, title="Bibliothèque Chantenay")
    bus = MobileBranchPageFactory(parent=index, title="Bibliobus")
    MobileStopFactory(
        page=bus, date=datetime.date(2026, 12, 8), place="Bouffay", latitude=47.2, longitude=-1.5
    )
    BranchPageFactory(parent=index, title="Brouillon", live=False)

    response = client.get(index.url)
    html = text(response)
    data = json.loads(
        response.content.decode()
        .split('id="branch-map-data" type="application/json">')[1]
        .split("</script>")[0]
    )

    assert "Ouvert en ce moment, ferme à 12\u00a0h\u00a030" in html
    assert "Prochain arrêt\u00a0: Bouffay, mardi 8 décembre à 10\u00a0h" in html
    assert "Brouillon" not in html
    assert data["tileUrl"] == "http://127.0.0.1:9/{z}/{x}/{y}.png"
    assert [item["title"] for item in data["branches"]] == ["Bibliothèque Chantenay", "Bibliobus"]
    assert data["branches"][0]["latitude"] == float(branch.branch.latitude)
    assert data["branches"][1]["url"] == bus.url
    # The map stays hidden until its tiles load; the list never depends on it.
    assert 'id="branch-map-section" aria-labelledby="map-title" hidden' in html


def test_branch_list_says_where_a_busy_bus_is_and_goes_after_its_mornings_stops(client, index, freeze):
    """The list reads only each vehicle's first stops not over yet: six stops are over by
    Saturday 11:00, the seventh is under way, and the boat's next stop is next week."""
    bus = MobileBranchPageFactory(parent=index, title="Bibliobus")
    saturday = SATURDAY_MORNING.date()
    for number, hour in enumerate([8, 8.5, 9, 9.5, 10, 10.5, 11, 12]):
        starts = datetime.time(int(hour), 30 if hour % 1 else 0)
        ends = datetime.time(int(hour), 25) if not hour % 1 else datetime.time(int(hour), 55)
        MobileStopFactory(
            page=bus, date=saturday, place=f"Arrêt {number + 1}", starts_at=starts, ends_at=ends
        )
    boat = MobileBranchPageFactory(parent=index, title="Péniche")
    MobileStopFactory(page=boat, date=datetime.date(2026, 12, 9), place="Quai de la Fosse")
    MobileStopFactory(page=boat, date=datetime.date(2026, 12, 16), place="Trentemoult")

    html = text(client.get(index.url))

    assert "En ce moment à Arrêt 7, jusqu’à 11\u00a0h\u00a025" in html
    assert "Prochain arrêt : Quai de la Fosse, mercredi 9 décembre à 10 h" in html
    # Stop 8 follows stop 7 on the bus's own page.
    assert "Arrêt 8" in text(client.get(bus.url))


def test_branch_list_hides_private_branches(client, index, freeze):
    private = BranchPageFactory(parent=index, title="Réserve du personnel")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert "Réserve du personnel" not in text(client.get(index.url))


@override_settings(
    MAP_TILE_URL="https://tiles.example/{z}/{x}/{y}.png", MAP_TILE_ATTRIBUTION="© Contributeurs"
)
def test_map_tiles_come_from_the_settings(client, index, freeze):
    BranchPageFactory(parent=index)

    html = client.get(index.url).content.decode()

    assert '"tileUrl": "https://tiles.example/{z}/{x}/{y}.png"' in html
    assert '"tileAttribution": "\\u00a9 Contributeurs"' in html


def branch_form(branch, **fields):
    """The admin form of a branch as an editor sends it."""
    return nested_form_data(
        {
            "name": branch.name,
            "code": branch.code,
            "kind": branch.kind,
            "street": branch.street,
            "postcode": branch.postcode,
            "city": branch.city,
            "latitude": str(branch.latitude),
            "longitude": str(branch.longitude),
            "phone": "",
            "email": "",
            "weekly_hours": streamfield([]),
            "seasons": inline_formset([]),
            "exceptions": inline_formset([]),
            "stop_patterns": inline_formset([]),
            **fields,
        }
    )


def test_editor_changes_the_hours_of_a_branch_and_its_page_shows_them_at_once(admin_client, index, freeze):
    page = BranchPageFactory(parent=index, title="Bibliothèque Bellevue")
    translate_tree(index)
    english = translate(page, "en")
    edit_url = f"/admin/snippets/branches/branch/edit/{page.branch.pk}/"

    # The page's edit view links to the branch's hours.
    assert edit_url in admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    half_filled = admin_client.post(
        edit_url,
        branch_form(
            page.branch,
            weekly_hours=streamfield(
                [
                    ("opening", {"weekday": "5", "opens": "10:00", "closes": "11:30"}),
                    ("opening", {"weekday": "", "opens": "", "closes": ""}),
                ]
            ),
        ),
    )
    saved = admin_client.post(
        edit_url,
        branch_form(
            page.branch,
            weekly_hours=streamfield([("opening", {"weekday": "5", "opens": "10:00", "closes": "11:30"})]),
            exceptions=inline_formset(
                [{"start_date": "2026-12-08", "end_date": "", "reason": "", "hours": streamfield([])}]
            ),
        ),
    )

    # A half-filled line is an error beside it, not a broken timetable.
    assert half_filled.status_code == HTTPStatus.OK
    assert "error-message" in half_filled.content.decode()
    assert saved.status_code == HTTPStatus.FOUND
    assert "Ouvert en ce moment, ferme à 11\u00a0h\u00a030" in text(client_get(page.url))
    assert "Open now, closes at 11:30 a.m." in text(client_get(english.url))
    assert BranchPage.objects.get(pk=page.pk).branch.exceptions.get().start_date == datetime.date(2026, 12, 8)


def client_get(url):
    from django.test import Client

    return Client().get(url)
