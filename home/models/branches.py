from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import WEEK_HELP, ExceptionsBlock, SeasonsBlock, ServicesBlock, WeekHoursBlock
from portal.models import BasePage


class BranchIndexPage(BasePage):
    """The list and the map of every branch, fixed and mobile."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.BranchPage", "home.MobileBranchPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("list of branches")


class BranchBase(BasePage):
    """What a library building and a library vehicle share."""

    phone = models.CharField(_("phone"), max_length=30, blank=True, help_text=_("As dialled in France, for example 01 23 45 67 89."))
    email = models.EmailField(_("e-mail"), blank=True)
    photo = models.ForeignKey(
        "portal.CustomImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = RichTextField(
        _("presentation"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few sentences about the branch: what makes it special."),
    )
    services = StreamField(ServicesBlock(), blank=True, verbose_name=_("services"))
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    induction_loop = models.BooleanField(_("induction loop"), default=False)
    accessible_toilets = models.BooleanField(_("accessible toilets"), default=False)
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

    street = models.CharField(_("street address"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Position on the map, for example 48.856613. Right-click the place on a map to copy it."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("For example 2.352222."),
    )
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
        help_text=_("Public holidays, exceptional closures and late openings. They win over every other hours."),
    )

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

    class Meta:
        verbose_name = _("branch")

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both the latitude and the longitude, or neither.")})


class MobileBranchPage(BranchBase):
    """The library boat or the library bus: a timetable of dated stops."""

    class Vehicle(models.TextChoices):
        BOAT = "boat", _("Library boat")
        BUS = "bus", _("Library bus")

    vehicle = models.CharField(_("vehicle"), max_length=10, choices=Vehicle.choices)

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
            help_text=_("Each stop: the date, the times and the place. Past stops disappear from the site by themselves."),
        ),
        FieldPanel("services"),
        BranchBase.accessibility_panel,
    ]

    class Meta:
        verbose_name = _("mobile branch")


class MobileStopQuerySet(models.QuerySet):
    def upcoming(self, today):
        return self.filter(date__gte=today).order_by("date", "starts_at")


class MobileStop(Orderable):
    page = ParentalKey(MobileBranchPage, on_delete=models.CASCADE, related_name="stops")
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("arrives at"))
    ends_at = models.TimeField(_("leaves at"))
    place = models.CharField(_("place"), max_length=120, help_text=_("The name people know, for example “Quai de la Fosse”."))
    address = models.CharField(_("address"), max_length=200, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)

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
