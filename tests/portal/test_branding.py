import pytest

from django.core.exceptions import ValidationError

from wagtail.models import Site

from portal.models import BrandingSettings, SocialLinks
from portal.models.site_settings import contrast_ratio


def test_branding_is_shown_on_every_page(client, home_page):
    site = Site.objects.get(is_default_site=True)
    branding = BrandingSettings.for_site(site)
    branding.library_name = "Médiathèques de Lormont"
    branding.primary_colour = "#00563f"
    branding.save()
    html = client.get("/fr/").content.decode()
    assert "Médiathèques de Lormont" in html
    assert "--colour-primary: #00563f" in html


def test_facebook_link_is_in_the_footer(client, home_page):
    social = SocialLinks.for_site(Site.objects.get(is_default_site=True))
    social.facebook = "https://www.facebook.com/mediatheques"
    social.save()
    assert 'href="https://www.facebook.com/mediatheques"' in client.get("/fr/").content.decode()


def test_contrast_ratio_matches_wcag_examples():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(("colour", "accepted"), [("#1d4f91", True), ("#ffcc00", False), ("#777777", False)])
def test_colours_too_light_to_read_are_refused(home_page, colour, accepted):
    branding = BrandingSettings(site=Site.objects.get(is_default_site=True), primary_colour=colour)
    if accepted:
        branding.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            branding.full_clean()
        assert "primary_colour" in error.value.message_dict


def test_malformed_colour_is_refused(home_page):
    branding = BrandingSettings(site=Site.objects.get(is_default_site=True), primary_colour="blue")
    with pytest.raises(ValidationError):
        branding.full_clean()


def test_identity_words_are_translated_like_pages(client, home_page, locales):
    from wagtail_localize.models import StringTranslation, TranslationSource

    from portal.models import IdentityWords

    words = IdentityWords.objects.create(
        locale=locales["fr"], name="Bibliothèques de Bellerive", tagline="Lire, jouer, se retrouver"
    )
    for code in ("ar", "es"):
        home_page.copy_for_translation(locales[code]).save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(words)
    arabic = {"Bibliothèques de Bellerive": "مكتبات بلريف", "Lire, jouer, se retrouver": "اقرأ، العب، التقِ"}
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locales["ar"],
            context=segment.context,
            data=arabic[segment.string.data],
        )
    source.create_or_update_translation(locales["ar"])

    html = client.get("/ar/").content.decode()
    assert '<span class="site-header__name">مكتبات بلريف</span>' in html
    assert "اقرأ، العب، التقِ" in html
    assert "· مكتبات بلريف</title>" in html
    assert "Bibliothèques de Bellerive" not in html
    # Not translated into Spanish yet: the French words, marked as French.
    html = client.get("/es/").content.decode()
    assert '<span class="site-header__name" lang="fr">Bibliothèques de Bellerive</span>' in html


def test_title_suffix_can_differ_from_the_name(client, home_page, locales):
    from portal.models import IdentityWords

    IdentityWords.objects.create(
        locale=locales["fr"], name="Bibliothèques de Bellerive", title_suffix="Bibliothèques"
    )
    html = client.get("/fr/").content.decode()
    assert "· Bibliothèques</title>" in html
    assert '<span class="site-header__name">Bibliothèques de Bellerive</span>' in html
