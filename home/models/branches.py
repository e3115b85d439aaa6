import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from branches import hours
from home.blocks import WEEK_HELP, ExceptionsBlock, SeasonsBlock, ServicesBlock, WeekHoursBlock
from portal import renditions
from portal.locales import active_locale, default_locale
from portal.models import BasePage, CustomRendition
from portal.restrictions import private_q

# The renditions the templates ask for, fetched with the pages (keep them in step).
LIST_PHOTO = renditions.spec("card")


def latitude_field(help_text):
    return models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=help_text,
    )


def longitude_field(help_text):
    return models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=help_text,
    )


class BranchQuerySet(PageQuerySet):
    def listed(self, locale, photo_filters=()):
        """Live, public branches of one locale in the editors' order, photos fetched in bulk."""
        queryset = self.live().exclude(private_q())
        queryset = queryset.filter(locale=locale).select_related("photo", "locale").order_by("path")
        if photo_filters:
            queryset = queryset.prefetch_related(
                models.Prefetch(
                    "photo__renditions",
                    queryset=CustomRendition.objects.filter(filter_spec__in=photo_filters),
                    to_attr="prefetched_renditions",
                )
            )
        return queryset

    def with_upcoming_stops(self, today):
        """For mobile branches: their stops from `today` on, in one query for all of them."""
        return self.prefetch_related(_upcoming_stops_prefetch(today))


def _upcoming_stops_prefetch(today):
    return models.Prefetch("stops", queryset=MobileStop.objects.upcoming(today), to_attr="upcoming_stop_list")


BranchManager = PageManager.from_queryset(BranchQuerySet)


def _raw_values(stream, block_type):
    return [child["value"] for child in stream.raw_data if child["type"] == block_type]


def _in_translation(stream, translation, block_type, field):
    """The blocks of the French `stream`, with `field` in the words of the translation's block.

    wagtail-localize keeps block ids, so a block of `translation` with the same id holds the
    translated text; blocks added to the French page since then keep their French text.
    """
    words = {
        child["id"]: child["value"].get(field)
        for child in translation.raw_data
        if child["type"] == block_type and child.get("id") and isinstance(child["value"], dict)
    }
    return [
        {**child["value"], field: words.get(child.get("id")) or child["value"].get(field)}
        for child in stream.raw_data
        if child["type"] == block_type
    ]


def _list_items(items):
    # ListBlock stores items as {"type": "item", "value": …}; data saved before that are bare values.
    return [
        item["value"] if isinstance(item, dict) and item.get("type") == "item" else item
        for item in items or ()
    ]


def attach_sources(pages, queryset):
    """Give translated `pages` their French page from `queryset`, in one query for all of them.

    `source_page()` then reads it without a query; French pages need nothing.
    """
    source_locale = default_locale()
    keys = {page.translation_key for page in pages if page.locale_id != source_locale.pk}
    if not keys:
        return
    sources = queryset.filter(locale=source_locale, translation_key__in=keys)
    by_key = {source.translation_key: source for source in sources}
    for page in pages:
        if page.locale_id != source_locale.pk:
            page._source_page = by_key.get(page.translation_key)


def listed_branches(locale=None, *, within=None, photo_filters=(), now=None):
    """Every live branch of a locale (default: the active one), fixed ones first, then mobile ones.

    A fixed number of queries whatever the number of branches: hours are in the page rows,
    upcoming stops come in one prefetch. In another language than French, hours and stops are
    the French pages', fetched in one query per page type (and one for their stops).
    `within` limits them to one site's tree.
    """
    locale = locale or active_locale()
    now = now or hours.current_time()
    translated = getattr(locale, "pk", locale) != default_locale().pk
    fixed = BranchPage.objects.listed(locale, photo_filters)
    mobile = MobileBranchPage.objects.listed(locale, photo_filters)
    if not translated:
        mobile = mobile.with_upcoming_stops(now.date())
    if within is not None:
        fixed, mobile = fixed.descendant_of(within), mobile.descendant_of(within)
    fixed, mobile = list(fixed), list(mobile)
    if translated:
        attach_sources(fixed, BranchPage.objects.all())
        attach_sources(mobile, MobileBranchPage.objects.with_upcoming_stops(now.date()))
        # A translation whose French page is gone shows its own stops: still one query.
        orphans = [page for page in mobile if getattr(page, "_source_page", None) is None]
        if orphans:
            models.prefetch_related_objects(orphans, _upcoming_stops_prefetch(now.date()))
    return [*fixed, *mobile]


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
        branches = listed_branches(self.locale_id, within=self, photo_filters=[LIST_PHOTO], now=now)
        rows = [
            {"page": page, "status": page.status(now), "position": page.position(now)} for page in branches
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
                    "url": row["page"].get_url(request),
                    **row["position"],
                }
                for row in rows
                if row["position"]
            ],
        }
        return context


class BranchBase(BasePage):
    """What a library building and a library vehicle share."""

    phone = models.CharField(
        _("phone"),
        max_length=30,
        blank=True,
        help_text=_("As dialled in France, for example 01 23 45 67 89."),
    )
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_("The branch's own address, shown to visitors. Leave empty if there is none."),
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
    step_free_access = models.BooleanField(
        _("step-free access"),
        default=False,
        help_text=_("Tick if a wheelchair user can enter and reach the public areas without steps."),
    )
    induction_loop = models.BooleanField(
        _("induction loop"),
        default=False,
        help_text=_("Tick if the desk has a hearing loop for people with hearing aids."),
    )
    accessible_toilets = models.BooleanField(
        _("accessible toilets"),
        default=False,
        help_text=_("Tick if the public toilets are wheelchair accessible."),
    )
    adapted_collections = models.BooleanField(
        _("adapted collections"),
        default=False,
        help_text=_("Large print, audio books, easy-to-read (FALC) books, DAISY…"),
    )
    accessibility_details = models.TextField(
        _("accessibility details"),
        blank=True,
        help_text=_("Anything else a disabled visitor should know before coming: entrance, lift, parking."),
    )

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    # Contact details are the same in every language: translators never see them.
    override_translatable_fields = [SynchronizedField("phone"), SynchronizedField("email")]
    parent_page_types = ["home.BranchIndexPage"]
    subpage_types = []

    accessibility_panel = MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("step_free_access"), FieldPanel("induction_loop")]),
            FieldRowPanel([FieldPanel("accessible_toilets"), FieldPanel("adapted_collections")]),
            FieldPanel("accessibility_details"),
        ],
        heading=_("Accessibility"),
    )

    class Meta:
        abstract = True

    @property
    def phone_href(self):
        """The phone number for a tel: link, international when it is a French number."""
        digits = re.sub(r"[^0-9+]", "", self.phone)
        if re.fullmatch(r"0[1-9][0-9]{8}", digits):
            return "+33" + digits[1:]
        return digits

    def source_page(self):
        """The French page (live or not) this one translates; the page itself when French or alone.

        Hours and stops are read there only: wagtail-localize copies them into a translation
        once and never again, so the translation's own copies go out of date. Listings give
        translations their French page in bulk (`attach_sources()`); otherwise one query.
        """
        source_locale = default_locale()
        if self.locale_id == source_locale.pk:
            return self
        if not hasattr(self, "_source_page"):
            self._source_page = (
                type(self).objects.filter(translation_key=self.translation_key, locale=source_locale).first()
            )
        return self._source_page or self

    def api_slug(self):
        """The slug of the French page, which the JSON and iCalendar addresses use."""
        return self.source_page().slug

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["now"] = hours.current_time()
        context["api_slug"] = self.api_slug()
        return context

    def accessibility_features(self):
        return [
            label
            for field, label in (
                ("step_free_access", _("Step-free access")),
                ("induction_loop", _("Induction loop")),
                ("accessible_toilets", _("Accessible toilets")),
                ("adapted_collections", _("Adapted collections")),
            )
            if getattr(self, field)
        ]


class BranchPage(BranchBase):
    """A library building with an address and structured opening hours."""

    street = models.CharField(
        _("street address"),
        max_length=200,
        help_text=_("Number and street, for example “24 quai de la Fosse”."),
    )
    postcode = models.CharField(_("postcode"), max_length=10, help_text=_("For example 44000."))
    city = models.CharField(_("city"), max_length=100)
    latitude = latitude_field(
        _("Position on the map, for example 48.856613. Right-click the place on a map to copy it.")
    )
    longitude = longitude_field(_("For example 2.352222."))
    weekly_hours = StreamField(
        WeekHoursBlock(), blank=True, verbose_name=_("usual weekly hours"), help_text=WEEK_HELP
    )
    seasons = StreamField(
        SeasonsBlock(),
        blank=True,
        verbose_name=_("seasonal hours"),
        help_text=_("Hours that replace the usual ones for a period, such as summer hours."),
    )
    exceptions = StreamField(
        ExceptionsBlock(),
        blank=True,
        verbose_name=_("exceptions"),
        help_text=_(
            "Public holidays, exceptional closures and late openings. They win over every other hours."
        ),
    )

    override_translatable_fields = [
        *BranchBase.override_translatable_fields,
        *(SynchronizedField(name) for name in ("street", "postcode", "city", "latitude", "longitude")),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("photo"),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
            ],
            heading=_("Address and contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("weekly_hours"), FieldPanel("seasons"), FieldPanel("exceptions")],
            heading=_("Opening hours"),
        ),
        FieldPanel("services"),
        BranchBase.accessibility_panel,
    ]

    objects = BranchManager()

    status_kind = "branch"

    class Meta:
        verbose_name = _("branch")

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both the latitude and the longitude, or neither.")})

    def timetable(self):
        """The French page's hours, with the names of seasons and exceptions in this page's language.

        Built from the blocks' stored JSON: listings skip StreamField's block conversion.
        """
        source = self.source_page()
        if source is self:
            seasons = _raw_values(self.seasons, "season")
            exceptions = _raw_values(self.exceptions, "exception")
        else:
            seasons = _in_translation(source.seasons, self.seasons, "season", "name")
            exceptions = _in_translation(source.exceptions, self.exceptions, "exception", "reason")
        return hours.Timetable.from_values(
            weekly=_raw_values(source.weekly_hours, "opening"),
            seasons=[{**value, "hours": _list_items(value.get("hours"))} for value in seasons],
            exceptions=[{**value, "hours": _list_items(value.get("hours"))} for value in exceptions],
        )

    def status(self, now=None):
        return hours.branch_status(self.timetable(), now or hours.current_time())

    def week(self, now=None):
        """The hours of the next seven days, today first."""
        return hours.week_hours(self.timetable(), (now or hours.current_time()).date())

    def position(self, now=None):
        if self.latitude is None or self.longitude is None:
            return None
        return {"latitude": float(self.latitude), "longitude": float(self.longitude)}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        timetable = self.timetable()
        context["status"] = hours.branch_status(timetable, context["now"])
        context["week"] = hours.week_hours(timetable, context["now"].date())
        return context


class MobileBranchPage(BranchBase):
    """The library boat or the library bus: a timetable of dated stops."""

    class Vehicle(models.TextChoices):
        BOAT = "boat", _("Library boat")
        BUS = "bus", _("Library bus")

    vehicle = models.CharField(
        _("vehicle"),
        max_length=10,
        choices=Vehicle.choices,
        help_text=_("Changes the icon and the words used for this branch on the site."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("vehicle"),
        FieldPanel("intro"),
        FieldPanel("photo"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")),
        InlinePanel(
            "stops",
            heading=_("Stops"),
            label=_("stop"),
            help_text=_(
                "Each stop: the date, the times and the place. "
                "Past stops disappear from the site by themselves."
            ),
        ),
        FieldPanel("services"),
        BranchBase.accessibility_panel,
    ]

    objects = BranchManager()

    status_kind = "mobile"

    class Meta:
        verbose_name = _("mobile branch")

    def upcoming_stops(self, now=None):
        """The French page's stops not over yet, as `hours.Stop`s.

        Uses `with_upcoming_stops()` on the French page when it was prefetched.
        """
        now = now or hours.current_time()
        source = self.source_page()
        stops = getattr(source, "upcoming_stop_list", None)
        if stops is None:
            # Through the relation, so that a preview shows the stops being edited.
            stops = source.stops.filter(date__gte=now.date()).order_by("date", "starts_at")
        return hours.upcoming_stops((hours.Stop.from_stop(stop) for stop in stops), now)

    def status(self, now=None):
        now = now or hours.current_time()
        return hours.mobile_status(self.upcoming_stops(now), now)

    def position(self, now=None):
        """Where the vehicle is now, else where it goes next."""
        stop = self.status(now).stop
        if stop is None or not stop.has_position:
            return None
        return {"latitude": stop.latitude, "longitude": stop.longitude}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stops"] = stops = self.upcoming_stops(context["now"])
        context["status"] = hours.mobile_status(stops, context["now"])
        return context


class MobileStopQuerySet(models.QuerySet):
    def upcoming(self, today):
        return self.filter(date__gte=today).order_by("date", "starts_at")


class MobileStop(Orderable):
    page = ParentalKey(MobileBranchPage, on_delete=models.CASCADE, related_name="stops")
    date = models.DateField(_("date"), help_text=_("One line per stop and per day."))
    starts_at = models.TimeField(
        _("arrives at"), help_text=_("When visitors can start borrowing, for example 09:30.")
    )
    ends_at = models.TimeField(_("leaves at"), help_text=_("When the vehicle leaves, for example 12:00."))
    place = models.CharField(
        _("place"), max_length=120, help_text=_("The name people know, for example “Quai de la Fosse”.")
    )
    address = models.CharField(
        _("address"),
        max_length=200,
        blank=True,
        help_text=_("Where exactly to find the vehicle at this place."),
    )
    latitude = latitude_field(
        _("Optional: puts the stop on the map and in calendars, for example 47.213500.")
    )
    longitude = longitude_field(_("For example -1.556100."))

    objects = MobileStopQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("place"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("stop")
        verbose_name_plural = _("stops")
        ordering = ["date", "starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="mobile_stop_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.date} {self.place}"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The departure time must come after the arrival time.")})
