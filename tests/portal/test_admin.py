import io
from http import HTTPStatus

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape

from portal.models import CustomImage, User


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

    index = BranchIndexPageFactory(parent=home_page)
    html = editor_client.get("/admin/").content.decode()
    with translation.override("fr"):
        heading = translation.gettext("Everyday tasks")
        hours = translation.gettext("Change a branch's opening hours")
    assert escape(heading) in html
    assert escape(hours) in html
    assert f'href="/admin/pages/{index.pk}/"' in html
    assert 'href="/admin/snippets/portal/alert/add/"' in html
