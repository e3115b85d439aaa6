"""Prepared queries for the home page: one query per kind of thing shown."""

from dataclasses import dataclass

from django.conf import settings

from wagtail.models import Page, Site

from portal import renditions
from portal.models import CustomImage
from portal.restrictions import private_q
from portal.tree import remembered

HIGHLIGHT_RENDITION = renditions.spec("card")


@dataclass(frozen=True)
class Highlighted:
    """What a highlight card shows of the page it leads to."""

    title: str
    summary: str
    url: str
    translated: bool  # in the home page's language (else the French page, not translated yet)


def highlight_cards(home_page, request=None):
    """The editors' highlights as cards: the pages they lead to, and their images fetched in bulk.

    Reads the blocks' stored JSON, so the chooser blocks do not fetch the pages and images a
    second time. What the cards show of the pages (title, summary, address) is read while the
    tree stays the same (portal.tree: saving a page writes its tree row too); images are read
    on every request.
    """
    values = [child["value"] for child in home_page.highlights.raw_data if child["type"] == "highlight"]
    page_ids = frozenset(value.get("page") for value in values) - {None}
    image_ids = {value.get("image") for value in values} - {None}
    site = Site.find_for_request(request) if request is not None else None
    key = ("highlights", site.pk if site is not None else None, home_page.locale_id, page_ids)
    pages = remembered(key, lambda: _highlighted(page_ids, home_page.locale_id, request)) if page_ids else {}
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
                "url": page.url,
                "title": value.get("title") or page.title,
                "text": value.get("text") or page.summary,
                "image": images.get(value.get("image")),
                # Not translated yet: the card keeps the French words, and says so to screen readers.
                "lang": "" if page.translated else settings.LANGUAGE_CODE,
            }
        )
    return cards


def _highlighted(page_ids, locale_id, request):
    """The live, public chosen pages by id, each in the home page's language where translated."""
    pages = (
        Page.objects.live()
        .exclude(private_q())
        .filter(pk__in=page_ids)
        .defer_streamfields()
        .specific()
        .in_bulk()
    )
    # Chosen pages stay the French ones in a translated home page: show their translations.
    foreign = {page.translation_key: pk for pk, page in pages.items() if page.locale_id != locale_id}
    if foreign:
        translations = (
            Page.objects.live()
            .exclude(private_q())
            .filter(translation_key__in=foreign, locale_id=locale_id)
            .defer_streamfields()
            .specific()
        )
        for translation in translations:
            pages[foreign[translation.translation_key]] = translation
    return {
        pk: Highlighted(
            title=page.title,
            summary=getattr(page, "summary", ""),
            url=page.get_url(request=request),
            translated=page.locale_id == locale_id,
        )
        for pk, page in pages.items()
    }
