"""Legal notices, accessibility statement and personal data: where they live, what they say."""

from http import HTTPStatus

import pytest

from wagtail.test.utils import WagtailPageTestCase

from home.factories import (
    AccessibilityStatementPageFactory,
    LegalNoticePageFactory,
    PrivacyPageFactory,
)
from home.models import (
    AccessibilityStatementPage,
    BranchIndexPage,
    HomePage,
    LegalNoticePage,
    PrivacyPage,
    StandardPage,
)

LEGAL_PAGES = [LegalNoticePage, AccessibilityStatementPage, PrivacyPage]


class LegalPageTreeTests(WagtailPageTestCase):
    def test_legal_pages_sit_under_the_home_page_and_have_no_children(self):
        for model in LEGAL_PAGES:
            self.assertCanCreateAt(HomePage, model)
            self.assertCanNotCreateAt(StandardPage, model)
            self.assertCanNotCreateAt(BranchIndexPage, model)
            self.assertAllowedParentPageTypes(model, {HomePage})
            self.assertAllowedSubpageTypes(model, set())


@pytest.mark.parametrize(
    "factory", [LegalNoticePageFactory, AccessibilityStatementPageFactory, PrivacyPageFactory]
)
def test_one_of_each_per_home_page(home_page, factory):
    page = factory(parent=home_page)
    assert not type(page).can_create_at(home_page)


def test_legal_notices_name_the_publisher_the_director_and_the_host(client, home_page):
    page = LegalNoticePageFactory(parent=home_page)
    html = client.get(page.url).content.decode()
    assert '<h2 id="legal-publisher">Éditeur</h2>' in html
    assert "Directeur ou directrice de la publication : Camille Durand" in html
    assert '<h2 id="legal-host">Hébergeur</h2>' in html


def test_accessibility_statement_follows_the_rgaa_model(client, home_page):
    page = AccessibilityStatementPageFactory(parent=home_page)
    response = client.get(page.url)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<strong>partiellement conforme</strong>" in html
    assert "RGAA), version 4.1.2" in html
    assert "82&nbsp;% des critères du RGAA sont respectés." in html
    assert "Audit réalisé le 1er novembre 2026 par Service numérique de la ville." in html
    assert "Certains documents PDF anciens" in html
    for heading in (
        "Dérogations pour charge disproportionnée",
        "Retour d'information et contact",
        "Voies de recours",
    ):
        assert heading in html
    assert "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07" in html
    assert "Déclaration établie le 1er décembre 2026." in html


def test_accessibility_statement_in_arabic_keeps_the_postal_address_left_to_right(client, home_page, locales):
    page = AccessibilityStatementPageFactory(parent=home_page)
    home_page.copy_for_translation(locales["ar"]).save_revision().publish()
    arabic = page.copy_for_translation(locales["ar"])
    arabic.save_revision().publish()
    html = client.get(arabic.url).content.decode()
    assert "سُبل الانتصاف" in html
    assert '<bdi dir="ltr" lang="fr" class="postal-address">Défenseur des droits' in html


def test_privacy_page_says_what_why_how_long_and_whom_to_ask(client, home_page):
    page = PrivacyPageFactory(parent=home_page)
    html = client.get(page.url).content.decode()
    assert "Répondre au formulaire de contact" in html
    assert "<dt>Durée de conservation</dt><dd>Un an au plus</dd>" in html
    assert "dpo@bellerive.example" in html
    assert "Vos droits" in html
    assert "CNIL" in html
