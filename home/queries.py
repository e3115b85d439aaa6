"""Prepared queries for the home page: one query per kind of thing shown."""

from wagtail.models import Page

from home import hours
from home.models.branches import listed_branches
from portal.models import CustomImage

HIGHLIGHT_RENDITION = "fill-480x270"


def highlight_cards(home_page):
    """The editors' highlights as cards, with their pages and images fetched in bulk."""
    values = [block.value for block in home_page.highlights]
    page_ids = [value["page"].pk for value in values if value["page"]]
    live_pages = Page.objects.live().specific().in_bulk(page_ids) if page_ids else {}
    image_ids = [value["image"].pk for value in values if value["image"]]
    images = (
        CustomImage.objects.prefetch_renditions(HIGHLIGHT_RENDITION).in_bulk(image_ids) if image_ids else {}
    )
    cards = []
    for value in values:
        page = live_pages.get(value["page"].pk) if value["page"] else None
        if page is None:
            continue
        cards.append(
            {
                "page": page,
                "title": value["title"] or page.title,
                "text": value["text"] or getattr(page, "summary", ""),
                "image": images.get(value["image"].pk) if value["image"] else None,
            }
        )
    return cards


def branch_statuses(home_page):
    """Every live branch under the home page with its status now, for the "open now" panel.

    The home page being shown is the active locale's, so its locale saves a query; the
    number of queries does not grow with the number of branches (see `listed_branches`).
    """
    now = hours.current_time()
    return [
        {"page": page, "status": page.status(now)}
        for page in listed_branches(home_page.locale_id, within=home_page, now=now)
    ]
