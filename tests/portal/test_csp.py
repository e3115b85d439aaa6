"""Content-Security-Policy and Permissions-Policy on every response."""

import re
from http import HTTPStatus

import pytest

from portal.models import User


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize(
    "path", ["/fr/", "/en/", "/fr/compte/login/", "/fr/nowhere/", "/robots.txt", "/healthz"]
)
def test_public_responses_run_only_the_sites_own_scripts(client, home_page, path):
    response = client.get(path)
    policy = directives(response)

    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


def test_the_inline_style_of_the_visual_identity_carries_the_policys_nonce(client, home_page):
    response = client.get("/fr/")
    html = response.content.decode()
    nonce = re.search(r"<style nonce=\"([^\"]+)\">", html).group(1)

    assert f"'nonce-{nonce}'" in directives(response)["style-src"]
    assert re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)[^>]*>", html) is None


def test_map_tiles_are_allowed_from_the_configured_server(client, home_page, settings):
    settings.MAP_TILE_URL = "https://{s}.tiles.example/{z}/{x}/{y}.png"

    assert "https://*.tiles.example" in directives(client.get("/fr/"))["img-src"]


def test_admin_has_its_own_laxer_policy(client, home_page):
    client.force_login(User.objects.create_superuser(email="admin@example.org", password="pw-2026-xx"))

    response = client.get(f"/admin/pages/{home_page.pk}/edit/")
    policy = directives(response)

    assert response.status_code == HTTPStatus.OK
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert "Permissions-Policy" in response
