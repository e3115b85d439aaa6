"""The admin as editors meet it.

Every admin screen reachable from the menu opens, for the superuser and each staff group.

The screens are discovered, not listed: the menu comes from Wagtail's menu registry for each
user, every local link a menu screen shows is followed two levels down (lists, add and edit
forms, delete confirmations, history), and the page explorer is walked in every language. A
screen added later through a viewset, a setting or a menu hook is covered by itself.
"""

import contextlib
import datetime
import html
import io
import re
from http import HTTPStatus

import pytest
from PIL import Image as PILImage

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.html import escape

from wagtail.admin.menu import admin_menu
from wagtail.admin.viewsets import viewsets
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupApprovalTask, Page, Site
from wagtail.users.models import UserProfile

from home.factories import (
    BranchIndexPageFactory,
    BranchPageFactory,
    ContactPageFactory,
    MobileBranchPageFactory,
    MobileStopFactory,
    StandardPageFactory,
    hours_exception,
    season,
)
from portal.factories import AlertFactory, UserFactory
from portal.models import Alert, CustomImage, IdentityWords, User
from portal.staff import EDITORS, TRANSLATORS, setup_groups

LINK = re.compile(r'href="(/admin/[^"#]*)"')
# Links that act (log out) or that only repeat a screen with other options.
SKIPPED = re.compile(r"/logout/|/preview/|[?&](p|ordering|q|export)=|/revisions/\d+/view/")
# Where the screen sends the user back to, which changes nothing on the screen itself.
RETURN_TO = re.compile(r"[?&](next|describe_on_delete)=[^&]*")
DEPTH = 2


def shape(url):
    """Screens that differ only by the object shown are opened once: /edit/1/ stands for /edit/2/."""
    return re.sub(r"\d+", "#", url)


def png_file():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#1d4f91").save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="facade.png")


@pytest.fixture
def admin_site(home_page, locales):
    """A small network in French, with translations and one of each object the admin lists."""
    index = BranchIndexPageFactory(parent=home_page)
    BranchPageFactory(
        parent=index,
        seasons=[season("Horaires d'été", datetime.date(2026, 7, 1), datetime.date(2026, 8, 31), [])],
        exceptions=[hours_exception(datetime.date(2026, 12, 25), "Noël")],
    )
    bus = MobileBranchPageFactory(parent=index)
    MobileStopFactory(page=bus)
    StandardPageFactory(parent=home_page)
    contact = ContactPageFactory(parent=home_page, questions=[("Votre message", "multiline")])
    for code, locale in locales.items():
        if code != "fr":
            home_page.copy_for_translation(locale).save_revision().publish()
    english_contact = contact.copy_for_translation(locales["en"], copy_parents=True)
    english_contact.save_revision().publish()
    FormSubmission.objects.create(page=contact, form_data={"votre_message": "Bonjour"})
    FormSubmission.objects.create(page=english_contact, form_data={"votre_message": "Hello"})
    alert = AlertFactory()
    alert.copy_for_translation(locales["en"]).save()
    IdentityWords.objects.create(locale=locales["fr"], name="Bibliothèques de Bellerive")
    get_image_model().objects.create(title="Façade", file=png_file())
    get_document_model().objects.create(
        title="Règlement", file=ContentFile(b"%PDF-1.4", name="reglement.pdf")
    )
    site = Site.objects.get(is_default_site=True)
    for model in settings_registry:
        model.for_site(site).save()
    return {"contact": contact, "english_contact": english_contact, "alert": alert}


def staff_users():
    """The superuser and one member of every staff group in the database."""
    setup_groups()
    users = {"superuser": UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)}
    for group in Group.objects.order_by("name"):
        user = UserFactory(email=f"{group.pk}@example.org")
        user.groups.add(group)
        users[group.name] = user
    return users


def menu_urls(user):
    request = RequestFactory().get("/admin/")
    request.user = user

    def walk(items):
        for item in items:
            if hasattr(item, "menu"):
                yield from walk(item.menu.menu_items_for_request(request))
            elif item.url.startswith("/admin/"):
                yield item.url

    return list(walk(admin_menu.menu_items_for_request(request)))


def page_screens():
    """The explorer of every language, the add forms of each French page, and the edit form and
    history of each page type, in French and in translation (the others differ only by the page)."""
    urls, kinds = [], set()
    for page in Page.objects.filter(depth__gt=1).specific().order_by("pk"):
        kind = (page.specific_class, page.locale.language_code == "fr")
        if kind not in kinds:
            kinds.add(kind)
            urls += [
                reverse("wagtailadmin_pages:edit", args=[page.pk]),
                reverse("wagtailadmin_pages:history", args=[page.pk]),
            ]
        if page.depth == 2:
            urls.append(reverse("wagtailadmin_explore", args=[page.pk]))
        if page.locale.language_code == "fr":
            for model in page.specific_class.creatable_subpage_models():
                if model.can_create_at(page):
                    meta = model._meta
                    urls.append(
                        reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, page.pk])
                    )
    return urls


def is_denied(response):
    """Wagtail answers a screen the user has no right to with 403, or back to the dashboard."""
    return response.status_code == HTTPStatus.FORBIDDEN or (
        response.status_code == HTTPStatus.FOUND
        and response.url in {"/admin/", reverse("wagtailadmin_login")}
    )


def walk(client, start_urls, depth_limit=DEPTH, opened=None):
    """Opens every screen reachable from `start_urls`; returns {url: response status, or 'denied'}.

    A redirect inside the admin (a setting opens the current site's) counts as the screen it
    leads to; links are followed within the section (`/admin/images/…`) they start from.
    The screens in `opened`, an earlier walk's answer for the same user, are not opened again.
    """
    opened = opened or {}
    seen, shapes = {}, {shape(url) for url in start_urls}
    frontier = [(url, url, 0) for url in start_urls]
    while frontier:
        url, origin, depth = frontier.pop(0)
        if url in seen:
            continue
        if url in opened and depth == depth_limit:
            seen[url] = opened[url]
            continue
        response = client.get(url)
        assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR, url
        if is_denied(response):
            seen[url] = "denied"
            continue
        if response.status_code == HTTPStatus.FOUND and response.url.startswith("/admin/"):
            seen[url] = seen.get(response.url) or HTTPStatus.OK
            frontier.insert(0, (response.url, origin, depth))
            continue
        seen[url] = response.status_code
        if (
            depth < depth_limit
            and response.status_code == HTTPStatus.OK
            and "html" in response["Content-Type"]
        ):
            prefix = "/".join(origin.split("/")[:3]) + "/"
            for link in LINK.findall(response.content.decode()):
                link = RETURN_TO.sub("", html.unescape(link)).replace("/&", "/?")
                if link.startswith(prefix) and shape(link) not in shapes and not SKIPPED.search(link):
                    shapes.add(shape(link))
                    frontier.append((link, origin, depth + 1))
    return seen


def viewset_screens(screens):
    """The screens each menu viewset must have opened for an existing object."""
    wanted = []
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if not getattr(viewset, "menu_url", None) or viewset.menu_url not in screens or model is None:
            continue
        instance = model._default_manager.order_by("-pk").first()
        assert instance is not None, f"the test data has no {model._meta.verbose_name}"
        for action in ("add", "edit", "delete", "history"):
            with contextlib.suppress(NoReverseMatch):  # a viewset without that screen
                wanted.append(
                    reverse(viewset.get_url_name(action), args=[] if action == "add" else [instance.pk])
                )
    return wanted


@pytest.mark.parametrize("who", ["superuser", EDITORS, TRANSLATORS])
def test_every_admin_screen_opens_for_each_staff_group(client, admin_site, who):
    users = staff_users()
    superuser_menu = menu_urls(users["superuser"])
    user = users[who]
    client.force_login(user)
    menu = menu_urls(user)
    screens = walk(client, menu)
    # What the menu offers, the user may open.
    assert {url: screens[url] for url in menu if screens[url] != HTTPStatus.OK} == {}
    wanted = viewset_screens(screens)
    reached = walk(client, wanted + page_screens(), depth_limit=0, opened=screens)
    if who == "superuser":
        assert [url for url, status in reached.items() if status == "denied"] == []
        for model in settings_registry:
            assert (
                reverse("wagtailsettings:edit", args=[model._meta.app_label, model._meta.model_name]) in menu
            )
        for url in ["/admin/images/", "/admin/documents/", "/admin/snippets/portal/alert/"]:
            assert url in menu
        assert any(re.match(r"/admin/images/\d+/$", url) for url in screens)
        assert any(re.match(r"/admin/documents/edit/\d+/$", url) for url in screens)
    # Screens outside the user's menu are refused cleanly, never answered with an error.
    walk(client, [url for url in superuser_menu if url not in menu], depth_limit=0)


def test_staff_groups_have_their_intended_rights(client, admin_site):
    users = staff_users()
    english_home = Page.objects.get(depth=2, locale__language_code="en")
    site = Site.objects.get(is_default_site=True)
    alert = admin_site["alert"]
    screens = {
        "edit an English page": reverse("wagtailadmin_pages:edit", args=[english_home.pk]),
        "translate a page": reverse(
            "wagtail_localize:submit_page_translation", args=[admin_site["contact"].pk]
        ),
        "translate an alert": reverse(
            "wagtail_localize:submit_snippet_translation", args=["portal", "alert", alert.pk]
        ),
        "English submissions": reverse(
            "wagtailforms:list_submissions", args=[admin_site["english_contact"].pk]
        ),
        "upload an image": reverse("wagtailimages:add"),
        "choose an image": reverse("wagtailimages_chooser:choose"),
        "upload a document": reverse("wagtaildocs:add"),
        "choose a document": reverse("wagtaildocs_chooser:choose"),
        "social links": reverse("wagtailsettings:edit", args=["portal", "sociallinks", site.pk]),
        "visual identity": reverse("wagtailsettings:edit", args=["portal", "brandingsettings", site.pk]),
        "delete an alert": reverse(Alert.snippet_viewset.get_url_name("delete"), args=[alert.pk]),
        "users": reverse("wagtailusers_users:index"),
        "groups": reverse("wagtailusers_groups:index"),
        "sites": reverse("wagtailsites:index"),
    }
    staff_only = {"users", "groups", "sites"}
    intended = {
        EDITORS: set(screens) - staff_only,
        TRANSLATORS: {
            "edit an English page",
            "translate a page",
            "translate an alert",
            "English submissions",
            "choose an image",
            "choose a document",
        },
    }
    for group, allowed in intended.items():
        client.force_login(users[group])
        for name, url in screens.items():
            response = client.get(url)
            assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR, (group, name)
            if name in allowed:
                assert response.status_code == HTTPStatus.OK, (group, name, response.status_code)
            else:
                assert is_denied(response), (group, name, response.status_code)


@pytest.fixture
def editor_client(client, home_page):
    user = User.objects.create_superuser(
        username="admin", email="admin@example.org", password="pw-admin-2026"
    )
    client.force_login(user)
    return client


def png_bytes(size=(20, 20)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#1d4f91").save(buffer, "PNG")
    return buffer.getvalue()


def test_admin_speaks_french_to_editors(editor_client, home_page):
    response = editor_client.get(f"/admin/pages/add/home/standardpage/{home_page.pk}/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    help_text = (
        "One or two sentences shown in lists, search results and when the page is shared on social networks."
    )
    with translation.override("fr"):
        french = translation.gettext(help_text)
    assert french != help_text
    assert escape(french) in html


def test_image_upload_accepts_a_real_image(editor_client):
    response = editor_client.post(
        "/admin/images/add/",
        {
            "title": "Façade",
            "file": SimpleUploadedFile("facade.png", png_bytes(), "image/png"),
            "collection": 1,
        },
    )
    assert response.status_code in {HTTPStatus.OK, HTTPStatus.FOUND}
    assert CustomImage.objects.filter(title="Façade").exists()


def test_wrong_type_upload_gets_a_clear_message(editor_client):
    response = editor_client.post(
        "/admin/images/add/",
        {
            "title": "Pas une image",
            "file": SimpleUploadedFile("notes.txt", b"hello", "text/plain"),
            "collection": 1,
        },
    )
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Téléversez une image valide" in html
    assert 'value="Pas une image"' in html
    assert not CustomImage.objects.exists()


def test_oversized_upload_gets_a_clear_message(editor_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    response = editor_client.post(
        "/admin/images/add/",
        {
            "title": "Trop lourde",
            "file": SimpleUploadedFile("big.png", png_bytes((200, 200)), "image/png"),
            "collection": 1,
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert "Ce fichier est trop gros" in response.content.decode()
    assert not CustomImage.objects.exists()


def test_request_beyond_the_upload_limit_is_refused_cleanly(editor_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10
    response = editor_client.post("/fr/compte/login/", {"login": "x" * 100, "password": "y"})
    assert response.status_code == HTTPStatus.BAD_REQUEST


def test_every_page_type_opens_in_the_editor(editor_client, home_page):
    from home.factories import (
        BranchIndexPageFactory,
        BranchPageFactory,
        ContactPageFactory,
        MobileBranchPageFactory,
        MobileStopFactory,
        StandardPageFactory,
    )

    index = BranchIndexPageFactory(parent=home_page)
    bus = MobileBranchPageFactory(parent=index)
    MobileStopFactory(page=bus)
    pages = [
        home_page,
        index,
        bus,
        BranchPageFactory(parent=index),
        StandardPageFactory(parent=home_page),
        ContactPageFactory(parent=home_page),
    ]
    for page in pages:
        response = editor_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == HTTPStatus.OK, page
    for model, parent in [("branchpage", index), ("mobilebranchpage", index), ("standardpage", home_page)]:
        assert editor_client.get(f"/admin/pages/add/home/{model}/{parent.pk}/").status_code == HTTPStatus.OK


def test_alerts_and_settings_open_in_the_admin(editor_client):
    assert editor_client.get("/admin/snippets/portal/alert/add/").status_code == HTTPStatus.OK
    assert editor_client.get("/admin/settings/portal/brandingsettings/").status_code in {
        HTTPStatus.OK,
        HTTPStatus.FOUND,
    }


def test_admin_front_page_guides_staff_to_everyday_tasks(editor_client, home_page):
    from home.factories import BranchIndexPageFactory

    BranchIndexPageFactory(parent=home_page)
    html = editor_client.get("/admin/").content.decode()
    with translation.override("fr"):
        heading = translation.gettext("Everyday tasks")
        hours = translation.gettext("Change a branch's opening hours")
    assert escape(heading) in html
    assert escape(hours) in html
    assert 'href="/admin/snippets/branches/branch/"' in html
    assert 'href="/admin/snippets/portal/alert/add/"' in html


@pytest.fixture
def editor(admin_site):
    setup_groups()
    user = UserFactory(email="camille@example.org")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def test_editor_translates_a_page_and_edits_the_english_one(client, admin_site, editor, locales):
    client.force_login(editor)
    contact = admin_site["contact"]
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[contact.pk]),
        {"locales": [locales["es"].pk]},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert contact.has_translation(locales["es"])

    english_home = Page.objects.get(depth=2, locale=locales["en"]).specific
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[english_home.pk]),
        {
            "title": "Libraries of the city",
            "slug": english_home.slug,
            "intro": "Welcome to your libraries.",
            "highlights-count": "0",
            "summary": "",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response.url != "/admin/"
    english_home.refresh_from_db()
    assert english_home.title == "Libraries of the city"
    assert english_home.live


def test_editor_uploads_and_chooses_images_and_documents(client, admin_site, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Salle de lecture",
            "file": SimpleUploadedFile("salle.png", png_bytes(), "image/png"),
            "collection": 1,
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert get_image_model().objects.filter(title="Salle de lecture").exists()
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Tarifs",
            "file": SimpleUploadedFile("tarifs.pdf", b"%PDF-1.4 tarifs", "application/pdf"),
            "collection": 1,
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert get_document_model().objects.filter(title="Tarifs").exists()
    assert "Salle de lecture" in client.get(reverse("wagtailimages_chooser:choose")).content.decode()
    assert "Tarifs" in client.get(reverse("wagtaildocs_chooser:choose")).content.decode()


def test_editor_sees_submissions_of_every_language_and_the_social_links(client, admin_site, editor):
    client.force_login(editor)
    for page, message in [(admin_site["contact"], "Bonjour"), (admin_site["english_contact"], "Hello")]:
        response = client.get(reverse("wagtailforms:list_submissions", args=[page.pk]))
        assert message in response.content.decode()
    assert "/admin/settings/portal/sociallinks/" in menu_urls(editor)
    site = Site.objects.get(is_default_site=True)
    response = client.post(
        reverse("wagtailsettings:edit", args=["portal", "sociallinks", site.pk]),
        {
            "facebook": "https://www.facebook.com/bibliotheques",
            "instagram": "",
            "mastodon": "",
            "youtube": "",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert 'href="https://www.facebook.com/bibliotheques"' in client.get("/fr/").content.decode()


def primary_action(html):
    """The name of the action button shown first in the editor's footer (the others are folded away)."""
    return re.search(
        r'<button[^>]*name="(action-[a-z-]+)"', html.split('class="w-dropdown-button', 1)[-1]
    ).group(1)


def test_publish_is_the_button_for_those_who_may_publish(client, admin_site, editor):
    setup_groups()
    translator = UserFactory(email="traduction@example.org")
    translator.groups.add(Group.objects.get(name=TRANSLATORS))
    page_edit = reverse("wagtailadmin_pages:edit", args=[admin_site["contact"].pk])
    alert_edit = reverse(Alert.snippet_viewset.get_url_name("edit"), args=[admin_site["alert"].pk])
    client.force_login(editor)
    assert primary_action(client.get(page_edit).content.decode()) == "action-publish"
    assert primary_action(client.get(alert_edit).content.decode()) == "action-publish"
    client.force_login(translator)
    # Translators submit their work to the editors, who approve it in Wagtail's moderation workflow.
    assert primary_action(client.get(page_edit).content.decode()) == "action-submit"
    assert GroupApprovalTask.objects.filter(active=True, groups__name=EDITORS).exists()


def test_admin_dates_are_written_and_read_day_first(client, admin_site, editor):
    client.force_login(editor)
    alert = admin_site["alert"]
    html = client.get(reverse(Alert.snippet_viewset.get_url_name("edit"), args=[alert.pk])).content.decode()
    shown = timezone.localtime(alert.starts_at).strftime("%d/%m/%Y %H:%M")
    assert f'value="{shown}"' in html
    # An editor whose admin speaks English types the date as the picker shows it.
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "en"})
    response = client.post(
        reverse(Alert.snippet_viewset.get_url_name("add")) + "?locale=fr",
        {
            "title": "Grève",
            "message": "Fermé.",
            "level": "3",
            "starts_at": "02/12/2026 09:00",
            "ends_at": "03/12/2026 18:00",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    created = Alert.objects.get(title="Grève")
    assert timezone.localtime(created.starts_at).date() == datetime.date(2026, 12, 2)


def test_page_chooser_search_keeps_to_the_editors_language(client, admin_site, editor, locales):
    client.force_login(editor)
    search = reverse("wagtailadmin_choose_page_search")
    html = client.get(search, {"q": "Nous écrire"}).content.decode()
    assert f'data-id="{admin_site["contact"].pk}"' in html or f"/{admin_site['contact'].pk}/" in html
    assert f"/{admin_site['english_contact'].pk}/" not in html
    html = client.get(search, {"q": "Nous écrire", "locale": "en"}).content.decode()
    assert f"/{admin_site['english_contact'].pk}/" in html
    assert f"/{admin_site['contact'].pk}/" not in html
