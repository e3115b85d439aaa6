"""Prepared queries for the home page: one query per kind of thing shown."""

from django.conf import settings

from wagtail.models import Page

from portal import renditions
from portal.models import CustomImage
from portal.restrictions import private_q

HIGHLIGHT_RENDITION = renditions.spec("card")


def highlight_cards(home_page):
    """The editors' highlights as cards: live pages and images fetched in bulk.

    Reads the blocks' stored JSON, so the chooser blocks do not fetch the pages and images a
    second time; page bodies are not loaded at all.
    """
    values = [child["value"] for child in home_page.highlights.raw_data if child["type"] == "highlight"]
    page_ids = {value.get("page") for value in values} - {None}
    image_ids = {value.get("image") for value in values} - {None}
    pages = (
        Page.objects.live()
        .exclude(private_q())
        .filter(pk__in=page_ids)
        .defer_streamfields()
        .specific()
        .in_bulk()
        if page_ids
        else {}
    )
    # Chosen pages stay the French ones in a translated home page: show their translations.
    foreign = {
        page.translation_key: pk for pk, page in pages.items() if page.locale_id != home_page.locale_id
    }
    if foreign:
        translations = (
            Page.objects.live()
            .exclude(private_q())
            .filter(translation_key__in=foreign, locale_id=home_page.locale_id)
            .defer_streamfields()
            .specific()
        )
        for translation in translations:
            pages[foreign[translation.translation_key]] = translation
    images = (
        renditions.prefetch(CustomImage.objects.filter(pk__in=image_ids), "card").in_bulk()
        if image_ids
        else {}
    )
    cards = []
    for value in values:
        page = pages.get(value.get("page"))
        if page is None:
            continue
        cards.append(
            {
                "page": page,
                "title": value.get("title") or page.title,
                "text": value.get("text") or getattr(page, "summary", ""),
                "image": images.get(value.get("image")),
                # Not translated yet: the card keeps the French words, and says so to screen readers.
                "lang": settings.LANGUAGE_CODE if page.locale_id != home_page.locale_id else "",
            }
        )
    return cards
