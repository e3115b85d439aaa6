"""The registration points through which apps add to the portal, without the portal naming them.

Each is a Wagtail hook, registered in the app's `wagtail_hooks.py`:

- `HOME_SECTIONS` ("bibo_home_sections"): a function `(page, request)` returning a
  `HomeSection`, or None when it has nothing to show. The home page shows the sections
  by `order`, each under its `h2`.
- `EVERYDAY_TASKS` ("bibo_everyday_tasks"): a function `(request)` returning a list of
  `EverydayTask`, listed on the admin's front page by `order`; a task without a URL (the
  page it leads to does not exist yet) is left out.
- `API_URLS` ("bibo_api_urls"): a function `()` returning URL patterns, served under `/api/`.
- `PAGE_URLS` ("bibo_page_urls"): a function `()` returning URL patterns served under each
  language's prefix (`/fr/recherche/`), before the pages' own addresses.
- `SITE_SEARCH` ("bibo_site_search"): a function `()` returning the address of the site's
  search page; the header's search box sends its words there, and is left out without one.
- `STAFF_PERMISSIONS` ("bibo_staff_permissions"): a function `()` returning, for the name of
  a staff group (`portal.staff`), the permissions (`"app_label.codename"`) it holds on the
  app's models; `manage.py setup_groups` grants them with the portal's own.
- `NIGHTLY_JOBS` ("bibo_nightly_jobs"): a function `()` returning a list of `NightlyJob`,
  management commands that `manage.py nightly` runs after the portal's own, each safe to
  run twice.

    @hooks.register(HOME_SECTIONS)
    def upcoming_events(page, request):
        events = Event.objects.upcoming(page.locale)[:3]
        if events:
            return HomeSection("events", _("Upcoming events"), "events/includes/home.html", events, order=30)
"""

from dataclasses import dataclass, field
from typing import Any

from wagtail import hooks

HOME_SECTIONS = "bibo_home_sections"
EVERYDAY_TASKS = "bibo_everyday_tasks"
API_URLS = "bibo_api_urls"
PAGE_URLS = "bibo_page_urls"
SITE_SEARCH = "bibo_site_search"
STAFF_PERMISSIONS = "bibo_staff_permissions"
NIGHTLY_JOBS = "bibo_nightly_jobs"


@dataclass
class HomeSection:
    """A section of the home page: `template_name` is included with `section` in its context."""

    key: str  # unique on the page: the heading's id is "<key>-title"
    title: str
    template_name: str
    items: Any = field(default_factory=list)
    order: int = 100


@dataclass
class EverydayTask:
    title: str
    url: str | None
    explanation: str
    order: int = 100


@dataclass(frozen=True)
class NightlyJob:
    command: str
    arguments: list[str]
    why: str  # printed before the command runs, in the night's log


def home_sections(page, request):
    sections = [section for fn in hooks.get_hooks(HOME_SECTIONS) if (section := fn(page, request))]
    return sorted(sections, key=lambda section: section.order)


def everyday_tasks(request):
    tasks = [task for fn in hooks.get_hooks(EVERYDAY_TASKS) for task in fn(request)]
    return sorted((task for task in tasks if task.url), key=lambda task: task.order)


def api_urlpatterns():
    return [pattern for fn in hooks.get_hooks(API_URLS) for pattern in fn()]


def page_urlpatterns():
    return [pattern for fn in hooks.get_hooks(PAGE_URLS) for pattern in fn()]


def site_search_url():
    """The search page's address in the active language, or None when no app offers one."""
    return next((url for fn in hooks.get_hooks(SITE_SEARCH) if (url := fn())), None)


def staff_permissions(group_name):
    return [name for fn in hooks.get_hooks(STAFF_PERMISSIONS) for name in fn().get(group_name, [])]


def nightly_jobs():
    return [job for fn in hooks.get_hooks(NIGHTLY_JOBS) for job in fn()]
