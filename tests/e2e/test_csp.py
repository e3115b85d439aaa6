"""The Content-Security-Policy breaks nothing: public pages and the admin's page editor run clean."""

import pytest

from wagtail.models import Page

pytestmark = pytest.mark.e2e

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def violations(page):
    return page.evaluate("window.__cspViolations")


@pytest.mark.parametrize("kind", ["home", "standard page", "branch list", "branch", "contact form", "login"])
def test_public_pages_break_no_rule_of_the_policy(demo_site, page, visit, kind):
    page.add_init_script(RECORD_VIOLATIONS)

    response = visit(page, demo_site.path(kind, "fr"))
    page.wait_for_load_state("load")

    assert (
        "'unsafe-inline'"
        not in response.header_value("content-security-policy").split("script-src")[1].split(";")[0]
    )
    assert violations(page) == []


def test_admin_page_editor_works_under_its_policy(demo_site, browser, live_server):
    # A context of its own: the admin's vendored table editor logs a harmless console error
    # (no French for Handsontable) that the public pages' error log would count.
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto("/admin/login/")
    page.fill("input[name=username]", "admin@bibo.example")
    page.fill("input[name=password]", "bibo-admin-demo")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")

    editable = Page.objects.get(url_path__endswith="/bien-demarrer/", locale__language_code="fr")
    response = page.goto(f"/admin/pages/{editable.pk}/edit/")
    page.wait_for_load_state("networkidle")

    assert response.status == 200
    assert "'unsafe-inline'" in response.header_value("content-security-policy")
    # The editor's own scripts ran: the body's blocks are drawn by them.
    assert page.locator("[data-streamfield-stream-container], .w-panel").first.is_visible()
    assert violations(page) == []
    context.close()
