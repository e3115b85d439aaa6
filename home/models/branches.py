"""The pages that present a branch (`branches.Branch`) in each language, and the list of them.

A branch page holds words (presentation, services, accessibility details, its photo); the
branch it points at holds the facts (address, contact, hours, stops), the same under every
language. Translations point at the same branch: wagtail-localize keeps the link synchronized.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from branches import hours
from branches.models import Branch, hours_prefetches, upcoming_stops_prefetch
from branches.panels import BranchLinkPanel
from home.blocks import ServicesBlock
from portal import renditions, tree
from portal.locales import active_locale, locale_with_pk
from portal.models import BasePage, CustomRendition
from portal.restrictions import private_q

# The renditions the templates ask for, fetched with the pages (keep them in step).
LIST_PHOTO = renditions.spec("card")
# How far ahead a mobile branch's page lists its stops; the rest is on its page of stops.
STOP_WEEKS_SHOWN = 3


class BranchQuerySet(PageQuerySet):
    def listed(self, locale, photo_filters=()):
        """Live, public branch pages of one locale in the editors' order, branches and photos fetched along."""
        queryset = self.live().exclude(private_q())
        queryset = queryset.filter(locale=locale).select_related("photo", "locale", "branch").order_by("path")
        if photo_filters:
            queryset = queryset.prefetch_related(
                models.Prefetch(
                    "photo__renditions",
                    queryset=CustomRendition.objects.filter(filter_spec__in=photo_filters),
                    to_attr="prefetched_renditions",
                )
            )
        return queryset

    def with_hours(self, words_locale=None, since=None):
        """Each branch's seasons and exceptions, their words in `words_locale`: two queries for all.

        `since`: only the hours from that day on (see `branches.models.hours_prefetches`).
        """
        return self.prefetch_related(*hours_prefetches(words_locale, through="branch__", since=since))

    def with_upcoming_stops(self, now, words_locale=None):
        """For mobile branches: their stops from the day of `now` on, in one query for all."""
        return self.prefetch_related(upcoming_stops_prefetch(now, words_locale, through="branch__"))


BranchManager = PageManager.from_queryset(BranchQuerySet)


def listed_branches(locale=None, *, within=None, photo_filters=(), now=None, words_locale=None):
    """Every live branch page of a locale (default: the active one), fixed ones first, then mobile ones.

    The branches come with their pages, their seasons, exceptions and stops from the day of
    `now` on, with the words (reasons, season names, places) in `words_locale` (default: the
    pages' own locale). `within` limits them to one site's tree.

    The process keeps them until a page, a branch, its hours, stops or words, or an image
    changes (`portal.tree`, the models `watch`ed by the apps), or the day does: then a fixed
    number of queries fetches them again, whatever the number of branches. They are shared
    by the requests: what a request works out for its moment (`status(now)`) is not kept on them.
    """
    locale = locale or active_locale()
    words_locale = words_locale or locale
    today = (now or hours.current_time()).date()
    key = (
        "home.branches",
        locale.pk,
        words_locale.pk,
        within.path if within else None,
        tuple(photo_filters),
        today,
    )
    return list(
        tree.remembered(key, lambda: _fetch_branches(locale, within, photo_filters, today, words_locale))
    )


def _fetch_branches(locale, within, photo_filters, today, words_locale):
    fixed = BranchPage.objects.listed(locale, photo_filters).with_hours(words_locale, since=today)
    midnight = hours.local_datetime(today, datetime.time())
    mobile = MobileBranchPage.objects.listed(locale, photo_filters).with_upcoming_stops(
        midnight, words_locale
    )
    if within is not None:
        fixed, mobile = fixed.descendant_of(within), mobile.descendant_of(within)
    return (*fixed, *mobile)


class BranchIndexPage(BasePage):
    """The list and the map of every branch, fixed and mobile."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A sentence or two above the list and the map."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.BranchPage", "home.MobileBranchPage"]
    max_count_per_parent = 1
    footer_order = 10

    class Meta:
        verbose_name = _("list of branches")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = hours.current_time()
        locale = locale_with_pk(self.locale_id)
        branches = listed_branches(locale, within=self, photo_filters=[LIST_PHOTO], now=now)
        rows = [
            {
                "page": page,
                "url": page.get_url(request),
                "status": page.status(now),
                "position": page.position(now),
            }
            for page in branches
        ]
        context["now"] = now
        context["branches"] = [row for row in rows if row["page"].status_kind == "branch"]
        context["mobile_branches"] = [row for row in rows if row["page"].status_kind == "mobile"]
        context["map_data"] = {
            "tileUrl": settings.MAP_TILE_URL,
            "tileAttribution": settings.MAP_TILE_ATTRIBUTION,
            "branches": [
                {
                    "id": row["page"].pk,
                    "title": row["page"].title,
                    "url": row["url"],
                    **row["position"],
                }
                for row in rows
                if row["position"]
            ],
        }
        return context


class BranchBase(BasePage):
    """What the page of a library building and of a library vehicle share."""

    branch = models.ForeignKey(
        Branch,
        verbose_name=_("branch"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "The branch this page presents: its address, contact details, accessibility and hours "
            "are edited there, once for every language."
        ),
    )
    photo = models.ForeignKey(
        "portal.CustomImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A photo of the building or the vehicle, shown at the top of its page and in the list."),
    )
    intro = RichTextField(
        _("presentation"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few sentences about the branch: what makes it special."),
    )
    services = StreamField(
        ServicesBlock(),
        blank=True,
        verbose_name=_("services"),
        help_text=_("What visitors can do here: one line per service, with a short description if useful."),
    )
    accessibility_details = models.TextField(
        _("accessibility details"),
        blank=True,
        help_text=_("Anything else a disabled visitor should know before coming: entrance, lift, parking."),
    )

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    # Every translation presents the same branch: translators never see the link.
    override_translatable_fields = [SynchronizedField("branch")]
    parent_page_types = ["home.BranchIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("branch"),
        BranchLinkPanel(heading=_("Address, contact, accessibility and hours")),
        FieldPanel("intro"),
        FieldPanel("photo"),
        FieldPanel("services"),
        FieldPanel("accessibility_details"),
        HelpPanel(
            content=_(
                "Step-free access, hearing loop, accessible toilets and adapted collections are ticked "
                "on the branch, with its hours."
            )
        ),
    ]

    objects = BranchManager()

    class Meta:
        abstract = True

    @property
    def status_kind(self):
        return self.branch.status_kind

    def api_slug(self):
        """The branch's stable code, which the JSON and iCalendar addresses use."""
        return self.branch.code

    def status(self, now=None):
        return self.branch.status(now)

    def position(self, now=None):
        return self.branch.position(now)

    def branches_with_words(self, now):
        """The branch's queryset with what the page shows, words in the page's language."""
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["now"] = now = hours.current_time()
        # The branch with its hours or stops in one query each (a preview already has it),
        # kept by the process like a listing's (`listed_branches`).
        if "branch" not in self._state.fields_cache:
            key = ("home.branch", type(self).__name__, self.branch_id, self.locale_id, now.date())
            self.branch = tree.remembered(key, lambda: self.branches_with_words(now).get(pk=self.branch_id))
        context["branch"] = self.branch
        context["api_slug"] = self.api_slug()
        return context


class BranchPage(BranchBase):
    """A library building: the page presents its address and opening hours."""

    class Meta:
        verbose_name = _("branch")

    def timetable(self):
        return self.branch.timetable()

    def week(self, now=None):
        return self.branch.week(now)

    def branches_with_words(self, now):
        return Branch.objects.with_hours(self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["status"] = self.branch.status(context["now"])
        context["week"] = self.branch.week(context["now"])
        return context


class MobileBranchPage(RoutablePageMixin, BranchBase):
    """The library boat or the library bus: its stops of the next weeks, the others one link away."""

    class Meta:
        verbose_name = _("mobile branch")

    def upcoming_stops(self, now=None):
        return self.branch.upcoming_stops(now)

    def branches_with_words(self, now):
        return Branch.objects.with_upcoming_stops(now, self.locale_id)

    def stops_context(self, context, weeks):
        now = context["now"]
        stops = self.branch.upcoming_stops(now)
        context["status"] = hours.mobile_status(stops, now)
        context["stop_weeks"] = hours.stops_by_week(stops, weeks=weeks)
        shown = sum(len(week.stops) for week in context["stop_weeks"])
        context["more_stops_url"] = (
            self.url + self.reverse_subpage("all_stops") if len(stops) > shown and self.url else None
        )
        return context

    def get_context(self, request, *args, all_stops=False, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["all_stops"] = all_stops
        return self.stops_context(context, hours.LOOKAHEAD_DAYS // 7 + 1 if all_stops else STOP_WEEKS_SHOWN)

    @path("arrets/", name="all_stops")
    def all_stops(self, request):
        """Every upcoming stop, week by week: the page itself shows the next few weeks only."""
        return self.render(request, all_stops=True)
