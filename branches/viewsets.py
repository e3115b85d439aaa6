"""The branches in the admin: one screen per branch with its address, accessibility and hours.

Editors reach it from the branch's page (a link on the page's edit view) or from the
"Branches" menu. Reasons and stop places are translatable snippets, translated like pages.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from branches.models import Branch, Place, Reason, Stop


class SummaryInlinePanel(InlinePanel):
    """An inline panel whose folded lines say what they hold: the day, the dates, the place."""

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "branches/panels/summary_inline_panel.html"


class BranchViewSet(SnippetViewSet):
    model = Branch
    icon = "home"
    menu_label = _("Branches")
    list_display = ["name", "code", "kind", "city"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("name"), FieldPanel("code")]), FieldPanel("kind")],
            heading=_("Branch"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
            ],
            heading=_("Address and contact"),
        ),
        FieldPanel("weekly_hours"),
        SummaryInlinePanel(
            "seasons",
            heading=_("Seasonal hours"),
            label=_("season"),
            help_text=_("Hours that replace the usual ones for a period, such as summer hours."),
        ),
        SummaryInlinePanel(
            "exceptions",
            heading=_("Exceptions"),
            label=_("exception"),
            help_text=_(
                "Public holidays, exceptional closures and late openings. They win over every other hours."
            ),
        ),
        SummaryInlinePanel(
            "stop_patterns",
            heading=_("Repeating stops (bus and boat)"),
            label=_("repeating stop"),
            help_text=_(
                "For the bus and the boat: a stop every week on the same day, between two dates, "
                "public holidays skipped. One-off stops are added under “Stops”."
            ),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("step_free_access"), FieldPanel("induction_loop")]),
                FieldRowPanel([FieldPanel("accessible_toilets"), FieldPanel("adapted_collections")]),
            ],
            heading=_("Accessibility"),
        ),
    ]


class StopViewSet(SnippetViewSet):
    model = Stop
    icon = "site"
    menu_label = _("Stops")
    list_display = ["date", "starts_at", "ends_at", "place", "branch"]
    list_filter = ["branch", "date"]
    ordering = ["-date", "starts_at"]
    panels = [
        FieldPanel("branch"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("place"),
    ]

    def get_queryset(self, request):
        return Stop.objects.select_related("branch", "place")


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "pick"
    menu_label = _("Stop places")
    list_display = ["name", "address", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]


class ReasonViewSet(SnippetViewSet):
    model = Reason
    icon = "warning"
    menu_label = _("Reasons and season names")
    list_display = ["text", "locale"]
    list_filter = ["locale"]
    search_fields = ["text"]
    panels = [FieldPanel("text")]


class BranchesGroup(SnippetViewSetGroup):
    items = (BranchViewSet, StopViewSet, PlaceViewSet, ReasonViewSet)
    menu_icon = "home"
    menu_label = _("Branches")
    menu_order = 210
