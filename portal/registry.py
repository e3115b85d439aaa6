"""The registration points through which apps add to the portal, without the portal naming them.

Each is a Wagtail hook, registered in the app's `wagtail_hooks.py`:

- `HOME_SECTIONS` ("bibo_home_sections"): a function `(page, request)` returning a
  `HomeSection`, or None when it has nothing to show. The home page shows the sections
  by `order`, each under its `h2`.
- `EVERYDAY_TASKS` ("bibo_everyday_tasks"): a function `(request)` returning a list of
  `EverydayTask`, listed on the admin's front page by `order`; a task without a URL (the
  page it leads to does not exist yet) is left out.
- `API_URLS` ("bibo_api_urls"): a function `()` returning URL patterns, served under `/api/`.

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


def home_sections(page, request):
    sections = [section for fn in hooks.get_hooks(HOME_SECTIONS) if (section := fn(page, request))]
    return sorted(sections, key=lambda section: section.order)


def everyday_tasks(request):
    tasks = [task for fn in hooks.get_hooks(EVERYDAY_TASKS) for task in fn(request)]
    return sorted((task for task in tasks if task.url), key=lambda task: task.order)


def api_urlpatterns():
    return [pattern for fn in hooks.get_hooks(API_URLS) for pattern in fn()]
