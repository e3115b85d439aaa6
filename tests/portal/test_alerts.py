import datetime
from html.parser import HTMLParser
from http import HTTPStatus

import pytest

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale

from portal.factories import AlertFactory, UserFactory
from portal.models import Alert

VOID_ELEMENTS = {"br", "hr", "img", "input", "link", "meta", "source", "wbr"}


def languages_of(html, text):
    """The language each occurrence of `text` is in, as the nearest `lang` attribute says."""

    class Parser(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack, self.found = [], set()

        def handle_starttag(self, tag, attrs):
            if tag not in VOID_ELEMENTS:
                self.stack.append(dict(attrs).get("lang") or (self.stack[-1] if self.stack else None))

        def handle_endtag(self, tag):
            if tag not in VOID_ELEMENTS and self.stack:
                self.stack.pop()

        def handle_data(self, data):
            if text in data:
                self.found.add(self.stack[-1] if self.stack else None)

    parser = Parser()
    parser.feed(html)
    return parser.found


def test_current_alert_is_shown_on_every_page(client, home_page):
    AlertFactory(title="Grève du 12 mars")
    html = client.get("/fr/").content.decode()
    assert "Grève du 12 mars" in html
    assert 'role="status"' in html


@pytest.mark.parametrize(
    ("starts", "ends", "shown"),
    [
        (-2, 2, True),
        (1, 5, False),  # not started yet
        (-5, -1, False),  # over
        (-5, None, True),  # until removed by hand
    ],
)
def test_alert_appears_and_disappears_on_time(client, home_page, starts, ends, shown):
    now = timezone.now()
    AlertFactory(
        title="Canicule",
        starts_at=now + datetime.timedelta(hours=starts),
        ends_at=None if ends is None else now + datetime.timedelta(hours=ends),
    )
    assert ("Canicule" in client.get("/fr/").content.decode()) is shown


def test_unpublished_alert_stays_hidden(client, home_page):
    AlertFactory(title="Brouillon d'alerte", live=False)
    assert "Brouillon d'alerte" not in client.get("/fr/").content.decode()


def test_translated_alert_is_shown_in_the_visitors_language(client, home_page, locales):
    alert = AlertFactory(title="Fermeture exceptionnelle")
    english = alert.copy_for_translation(locales["en"])
    english.title = "Exceptional closure"
    english.save()
    AlertFactory(title="Encore en français seulement")
    english_home = home_page.copy_for_translation(locales["en"])
    english_home.save_revision().publish()
    html = client.get("/en/").content.decode()
    assert "Exceptional closure" in html
    assert "Fermeture exceptionnelle" not in html
    # Not translated yet: still shown, in French, and marked as French for screen readers.
    assert languages_of(html, "Encore en français seulement") == {"fr"}


def test_alert_must_end_after_it_starts(home_page):
    now = timezone.now()
    alert = Alert(
        title="x",
        message="y",
        starts_at=now,
        ends_at=now - datetime.timedelta(hours=1),
        locale=Locale.get_default(),
    )
    with pytest.raises(ValidationError) as error:
        alert.full_clean()
    assert "ends_at" in error.value.message_dict


def test_translation_of_an_alert_ends_with_the_french_alert(client, home_page, locales):
    alert = AlertFactory(title="Grève")
    english = alert.copy_for_translation(locales["en"])
    english.title = "Strike"
    english.save()
    home_page.copy_for_translation(locales["en"]).save_revision().publish()
    assert "Strike" in client.get("/en/").content.decode()

    alert.ends_at = timezone.now() - datetime.timedelta(minutes=1)
    alert.save()

    assert "Strike" not in client.get("/en/").content.decode()


def test_current_alerts_are_a_query_of_their_own(home_page, locales):
    now = timezone.now()
    strike = AlertFactory(title="Grève", level=Alert.Level.WARNING)
    AlertFactory(title="Fermeture", level=Alert.Level.CLOSURE)
    AlertFactory(title="Plus tard", starts_at=now + datetime.timedelta(days=1))
    AlertFactory(
        title="Finie", starts_at=now - datetime.timedelta(days=2), ends_at=now - datetime.timedelta(days=1)
    )
    english = strike.copy_for_translation(locales["en"])
    english.title = "Strike"
    english.save()

    assert [alert.title for alert in Alert.objects.current(locales["fr"])] == ["Fermeture", "Grève"]
    assert [alert.title for alert in Alert.objects.current(locales["en"])] == ["Fermeture", "Strike"]
    assert set(Alert.objects.published().sources().not_over().values_list("title", flat=True)) == {
        "Grève",
        "Fermeture",
        "Plus tard",
    }


def translate_alert_in_the_admin(client, alert, locale, words):
    """What a translator does: “Translate” in the alert list, then the translation editor."""
    from wagtail_localize.models import StringTranslation, TranslationSource

    response = client.post(
        reverse("wagtail_localize:submit_snippet_translation", args=["portal", "alert", alert.pk]),
        {"locales": [locale.pk]},
    )
    assert response.status_code == HTTPStatus.FOUND
    source = TranslationSource.objects.get_for_instance(alert)
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": words[segment.string.data]},
        )
    source.create_or_update_translation(locale, publish=True)


def test_editors_translate_alerts_like_pages(client, home_page, locales):
    from portal.staff import EDITORS, setup_groups

    setup_groups()
    editor = UserFactory(email="camille@example.org")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    alert = AlertFactory(title="Médiathèque fermée", message="Coupure d'électricité.")
    home_page.copy_for_translation(locales["es"]).save_revision().publish()
    listing = client.get(reverse(Alert.snippet_viewset.get_url_name("list"))).content.decode()
    assert (
        reverse("wagtail_localize:submit_snippet_translation", args=["portal", "alert", alert.pk]) in listing
    )
    visitor = Client()
    assert "Médiathèque fermée" in visitor.get("/es/").content.decode()  # cached, in French for now

    translate_alert_in_the_admin(
        client,
        alert,
        locales["es"],
        {"Médiathèque fermée": "Mediateca cerrada", "Coupure d'électricité.": "Corte de electricidad."},
    )

    html = visitor.get("/es/").content.decode()
    assert "Mediateca cerrada" in html
    assert "Médiathèque fermée" not in html
    spanish = Alert.objects.get(locale=locales["es"])
    # When and how loudly stay the French alert's (times kept to the second by the translation).
    assert spanish.level == alert.level
    assert spanish.starts_at.replace(microsecond=0) == alert.starts_at.replace(microsecond=0)
