"""What the home app adds to the portal: its home-page section, everyday tasks, API routes and a
nightly job."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import Page

from home import urls
from portal.registry import (
    API_URLS,
    EVERYDAY_TASKS,
    HOME_SECTIONS,
    NIGHTLY_JOBS,
    EverydayTask,
    HomeSection,
    NightlyJob,
)


@hooks.register(HOME_SECTIONS)
def highlights(page, request):
    from home.queries import highlight_cards

    cards = highlight_cards(page, request) if hasattr(page, "highlights") else []
    if cards:
        return HomeSection("highlights", _("Highlights"), "home/includes/highlights.html", cards, order=10)
    return None


@hooks.register(EVERYDAY_TASKS)
def everyday_tasks(request):
    home = Page.objects.filter(depth=2, locale__language_code="fr").first()
    return [
        EverydayTask(
            _("Write or update a practical page"),
            reverse("wagtailadmin_explore", args=[home.pk]) if home else None,
            _("Pages are written in French first, then translated with the “Translate” button."),
            order=30,
        ),
    ]


@hooks.register(API_URLS)
def api_urls():
    return urls.api_urlpatterns


@hooks.register(NIGHTLY_JOBS)
def nightly_jobs():
    return [
        NightlyJob("purge_contact_messages", [], "delete contact-form messages older than the form promises")
    ]
