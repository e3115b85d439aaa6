"""Content-Security-Policy and Permissions-Policy on every response.

Public pages run only the site's own scripts (no inline script at all) and the one inline
`<style>` of the visual identity with a per-response nonce; images may come from the map's
tile server (`MAP_TILE_URL`, read on each response). The Wagtail admin writes inline
scripts and styles and shows avatars and embeds from elsewhere: it gets a laxer policy of
its own, still refusing plug-ins, other sites' frames around it and forms sent elsewhere.
"""

from urllib.parse import urlsplit

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

from django.conf import settings

PUBLIC_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF, NONCE],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    # Embedded videos (Wagtail embeds) are the only frames a page shows.
    "frame-src": [
        SELF,
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
        "https://player.vimeo.com",
    ],
    "frame-ancestors": [SELF],
    "form-action": [SELF],
    "base-uri": [SELF],
    "object-src": [NONE],
}

ADMIN_DIRECTIVES = {
    **PUBLIC_DIRECTIVES,
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", "https:"],
    "frame-src": [SELF, "https:"],
}

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    )
)


def tile_source(url):
    """The origin map tiles come from, as a CSP source (`{s}` subdomains become `*`)."""
    parts = urlsplit(url.replace("{s}", "*"))
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None:
            admin = request.path_info.startswith("/admin/")
            parts.config = dict(ADMIN_DIRECTIVES if admin else PUBLIC_DIRECTIVES)
            tiles = tile_source(getattr(settings, "MAP_TILE_URL", ""))
            if tiles and not admin:
                parts.config["img-src"] = [*parts.config["img-src"], tiles]
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
