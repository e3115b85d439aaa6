"""What a visitor sees and does, in a real browser: languages, right to left, a branch, the keyboard."""

import re

import pytest
from playwright.sync_api import expect

from django.conf import settings

pytestmark = pytest.mark.e2e

DESKTOP_WIDTH = 1280
# A time as French writes it: "19 h", "12 h 30" (the spaces are non-breaking ones).
TIME = re.compile(r"\d{1,2}\u00a0h(\u00a0\d{2})?\b")


def language_switcher(page):
    return page.locator("nav").filter(has=page.locator("a[hreflang]"))


def centre_x(locator):
    box = locator.bounding_box()
    assert box is not None, "not rendered"
    return box["x"] + box["width"] / 2


def test_home_in_french(demo_site, page, visit):
    visit(page, demo_site.path("home", "fr"))

    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.get_by_role("heading", level=1)).to_have_text(demo_site.site_name)
    site_name = page.get_by_role("banner").get_by_text(demo_site.site_name, exact=True)
    expect(site_name).to_be_visible()
    assert centre_x(site_name) < DESKTOP_WIDTH / 2, "the site name should start the header on the left"

    switcher = language_switcher(page)
    for code, name in settings.LANGUAGES:
        link = switcher.get_by_role("link", name=name, exact=True)
        expect(link).to_have_attribute("lang", code)
        expect(link).to_have_attribute("hreflang", code)


def test_home_in_arabic_reads_right_to_left(demo_site, page, visit):
    visit(page, demo_site.path("home", "ar"))

    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=1)).to_have_text(demo_site.arabic_home_title)
    site_name = page.get_by_role("banner").get_by_text(demo_site.arabic_site_name, exact=True)
    expect(site_name).to_be_visible()
    assert centre_x(site_name) > DESKTOP_WIDTH / 2, (
        "the header should be mirrored: the site name on the right"
    )


def test_branch_page_shows_status_and_hours(demo_site, page, visit):
    visit(page, demo_site.path("branch", "fr"))

    expect(page.get_by_role("heading", level=1)).to_have_text(demo_site.branch_title)
    status = page.locator("main h1 ~ p").filter(has_text=TIME).first
    expect(status).to_be_visible()
    expect(status).to_have_text(re.compile(r"ouvert|fermé", re.IGNORECASE))

    hours = page.get_by_role("main").get_by_role("table")
    expect(hours).to_be_visible()
    expect(hours.get_by_role("row")).to_have_count(1 + 7)  # a header row, then the next seven days
    expect(hours).to_contain_text(re.compile("mardi", re.IGNORECASE))
    # The weekdays of the central library, in French typography.
    expect(hours).to_contain_text("de 10\u00a0h à 19\u00a0h")


def test_language_switcher_leads_to_arabic_and_is_remembered(demo_site, page, visit):
    visit(page, demo_site.path("home", "fr"))

    language_switcher(page).get_by_role("link", name="العربية", exact=True).click()
    page.wait_for_url(re.compile(r"/ar/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ar")

    # The browser still asks for French: only the remembered choice can lead to Arabic.
    visit(page, "/")
    assert page.url.endswith("/ar/"), f"/ led to {page.url}, not to the Arabic home"
    expect(page.locator("html")).to_have_attribute("lang", "ar")


def test_skip_link_is_first_and_moves_focus_to_main(demo_site, page, visit):
    visit(page, demo_site.path("home", "fr"))

    page.keyboard.press("Tab")
    skip_link = page.locator("a[href='#main']")
    expect(skip_link).to_be_focused()
    box = skip_link.bounding_box()
    viewport = page.viewport_size
    assert box and box["width"] > 1 and box["height"] > 1, f"the focused skip link is not visible: {box}"
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], f"skip link off-screen: {box}"
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], f"skip link off-screen: {box}"

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.closest('main') !== null"), "focus did not move to main"


def test_branch_page_in_arabic_reads_right_to_left(demo_site, page, visit):
    visit(page, demo_site.path("branch", "ar"))

    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    hours = page.get_by_role("main").get_by_role("table")
    expect(hours.get_by_role("row")).to_have_count(1 + 7)
    # Day names come in Arabic, and the table's first column sits on the right.
    expect(hours).to_contain_text("الثلاثاء")
    first_cell = hours.get_by_role("row").nth(1).locator("th, td").first.bounding_box()
    table = hours.bounding_box()
    assert first_cell["x"] + first_cell["width"] > table["x"] + table["width"] / 2


def test_keyboard_focus_is_visible_on_links(demo_site, page, visit):
    visit(page, demo_site.path("home", "fr"))

    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert outline[0] != "none" and outline[1] >= 2, f"focused element has no visible outline: {outline}"


def test_branch_map_appears_when_tiles_load_and_markers_are_named(
    demo_site, page, visit, settings, live_server
):
    # Any PNG served by the site stands in for a map tile.
    settings.MAP_TILE_URL = (
        f"{live_server.url}/static/home/vendor/leaflet/images/layers.png?{{z}}/{{x}}/{{y}}"
    )
    visit(page, demo_site.path("branch list", "fr"))

    section = page.locator("#branch-map-section")
    expect(section).to_be_visible()
    markers = page.locator("#branch-map .leaflet-marker-icon")
    expect(markers.first).to_be_visible()
    names = markers.evaluate_all("icons => icons.map(icon => icon.getAttribute('alt'))")
    assert any(name.startswith(demo_site.branch_title) for name in names), names
    # The list stays: the map only adds to it.
    expect(page.get_by_role("link", name=demo_site.branch_title).first).to_be_visible()


def test_branch_list_stands_alone_when_tiles_fail(demo_site, page, visit):
    visit(page, demo_site.path("branch list", "fr"))

    expect(page.locator("#branch-map-section")).to_have_count(0)
    expect(page.get_by_role("link", name=demo_site.branch_title).first).to_be_visible()


# Where each character of an element's text is drawn: reading order against drawing order.
CHARACTER_XS = """(element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const xs = [];
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.length; i++) {
            if (!node.data[i].trim()) continue;
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            xs.push([node.data[i], range.getBoundingClientRect().x]);
        }
    }
    return xs;
}"""


def drawn_left_to_right(locator):
    """Whether the characters of `locator` are drawn left to right, in their reading order."""
    xs = [x for _char, x in locator.evaluate(CHARACTER_XS)]
    return xs == sorted(xs)


def test_arabic_branch_page_keeps_contact_details_in_their_own_order(demo_site, page, visit):
    visit(page, demo_site.path("branch", "ar"))

    contact = page.get_by_role("main").locator("address")
    phone = contact.get_by_role("link", name="02 40 41 95 95")
    email = contact.locator("a[href^='mailto:']")
    street = contact.get_by_text("24 quai de la Fosse")

    expect(phone).to_be_visible()
    # "02 40 41 95 95", not "95 95 41 40 02"; "24 quai de la Fosse", not "quai de la Fosse 24".
    assert drawn_left_to_right(phone), phone.evaluate(CHARACTER_XS)
    assert drawn_left_to_right(email)
    assert drawn_left_to_right(street)
    assert drawn_left_to_right(contact.get_by_text("44000 Bellerive-sur-Loire"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
