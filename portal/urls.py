from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from portal import health, ratelimits, views
from portal.registry import api_urlpatterns, page_urlpatterns
from portal.sitemaps import PortalSitemap

handler400 = "portal.views.bad_request"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"

urlpatterns = [
    path("", views.language_redirect, name="language_redirect"),
    path("admin/login/", ratelimits.AdminLoginView.as_view(), name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Each app adds its routes through the "bibo_api_urls" hook (portal.registry).
    path("api/", include(api_urlpatterns())),
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
    path("healthz", health.healthz, name="healthz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("compte/", include("allauth.urls")),
    # Each app adds its pages (search) through the "bibo_page_urls" hook (portal.registry).
    *page_urlpatterns(),
    # Wagtail's password form of a protected page comes before the page view, whose pattern
    # would swallow `_util/…`; its login form leads to the accounts' one (rate-limited).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        wagtail_views.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailcore_login",
    ),
    re_path(serve_pattern, views.serve_page, name="wagtail_serve"),
    prefix_default_language=True,
)
