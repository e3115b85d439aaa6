"""The menu, the alerts, tables and forms as a visitor on a phone or with a keyboard meets them."""

import pytest
from playwright.sync_api import expect

from portal.factories import AlertFactory
from portal.models import Alert

pytestmark = pytest.mark.e2e

PHONE = 320


def tab_to(page, locator, limit=40):
    """Press Tab until `locator` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"{locator} never got the focus by Tab")


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_menu_opens_navigates_and_closes_by_keyboard_on_a_phone(demo_site, open_page, visit, language):
    page = open_page(width=PHONE, language=language)
    visit(page, demo_site.path("home", language))
    menu = page.get_by_role("navigation", name="Menu principal" if language == "fr" else "القائمة الرئيسية")
    toggle = menu.get_by_role("button")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_have_attribute("aria-controls", "main-menu")
    links = page.locator("#main-menu a")
    expect(links.first).to_be_hidden()

    tab_to(page, toggle)
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(links.first).to_be_visible()
    page.keyboard.press("Tab")
    expect(links.first).to_be_focused()
    outline = links.first.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none", "the focused menu link should show where the focus is"

    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    expect(links.first).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE


def test_menu_leads_to_a_page_marked_current_and_to_the_contact_form(demo_site, page, visit):
    visit(page, demo_site.path("home", "fr"))
    menu = page.locator("#main-menu")
    expect(page.locator(".main-nav__toggle")).to_be_hidden()
    menu.get_by_role("link", name="Nous écrire").click()
    expect(page).to_have_url(f"{page.url.split('/fr/')[0]}{demo_site.path('contact form', 'fr')}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nous écrire")
    expect(menu.get_by_role("link", name="Nous écrire")).to_have_attribute("aria-current", "page")


def test_footer_leads_to_every_legal_page(demo_site, page, visit):
    visit(page, demo_site.path("branch", "ar"))
    footer = page.get_by_role("contentinfo")
    for kind in ("legal notices", "accessibility statement", "privacy", "contact form", "branch list"):
        link = footer.locator(f'a[href="{demo_site.path(kind, "ar")}"]')
        expect(link).to_have_count(1)


def test_search_box_finds_a_page(demo_site, page, visit):
    visit(page, demo_site.path("home", "fr"))
    box = page.get_by_role("search").get_by_label("Rechercher sur le site")
    box.fill("emprunter")
    box.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rechercher")
    expect(page.locator(".search-result").get_by_role("link", name="Emprunter et rendre")).to_be_visible()


@pytest.mark.parametrize("kind", ["contact form", "sign-up"])
def test_after_a_failed_submit_the_focus_is_on_the_error_summary(demo_site, open_page, visit, kind):
    page = open_page(width=PHONE)
    visit(page, demo_site.path(kind, "fr"))
    if kind == "sign-up":
        # What the browser lets through and the server refuses: two different passwords.
        page.locator("input[name=email]").fill("nouveau.lecteur@example.org")
        page.locator("input[name=password1]").fill("une phrase longue 2026")
        page.locator("input[name=password2]").fill("une autre phrase 2026")
    page.locator("main form").last.locator("button[type=submit]").click()
    page.wait_for_load_state()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Le formulaire contient des erreurs")
    invalid = page.locator("main [aria-invalid=true]").first
    accent = page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--colour-accent').trim()"
    )
    border = invalid.evaluate("element => getComputedStyle(element).borderTopColor")
    red, green, blue = (int(accent[i : i + 2], 16) for i in (1, 3, 5))
    assert border == f"rgb({red}, {green}, {blue})", f"the invalid field's border is {border}"
    # The summary's links lead to the fields.
    summary.get_by_role("link").first.click()
    expect(invalid).to_be_focused()


def test_two_alerts_fold_into_one_line_that_opens(demo_site, open_page, visit):
    AlertFactory(title="Fermeture samedi", message="Inventaire annuel.", level=Alert.Level.CLOSURE)
    page = open_page(width=390, height=900)
    visit(page, demo_site.path("home", "fr"))
    main_top = page.locator("main").bounding_box()["y"]
    assert main_top < 450, f"the content starts {main_top} px down the screen"
    summary = page.locator(".alerts__summary")
    expect(summary).to_contain_text("Fermeture")
    expect(page.get_by_text("Inventaire annuel.")).to_be_hidden()
    tab_to(page, summary)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Inventaire annuel.")).to_be_visible()
    # The level is told by a word, not by the colour alone.
    expect(page.locator(".alerts .alert-level")).to_have_text(["Fermeture", "Fermeture", "Information"])


def test_table_cells_keep_their_words_whole_on_a_phone(demo_site, open_page, visit):
    page = open_page(width=PHONE)
    visit(page, "/fr/emprunter-et-rendre/")
    broken = page.evaluate(
        """() => [...document.querySelectorAll('.block-table td, .block-table th')].flatMap((cell) => {
            const words = [];
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                for (const match of node.data.matchAll(/\\S+/g)) {
                    const range = document.createRange();
                    range.setStart(node, match.index);
                    range.setEnd(node, match.index + match[0].length);
                    if (range.getClientRects().length > 1) words.push(match[0]);
                }
            }
            return words;
        })"""
    )
    assert broken == [], f"words broken across lines: {broken}"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE


def test_remember_me_checkbox_sits_beside_its_label(demo_site, open_page, visit):
    page = open_page(width=PHONE)
    visit(page, "/fr/compte/login/")
    checkbox = page.get_by_role("checkbox")
    label = page.locator(f'label[for="{checkbox.get_attribute("id")}"]')
    box, text = checkbox.bounding_box(), label.bounding_box()
    assert text["y"] < box["y"] + box["height"], "the label should not sit under its checkbox"
