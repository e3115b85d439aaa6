from laces.components import Component

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from home.models import BranchIndexPage


class StaffGuidePanel(Component):
    """The admin's front page says where the everyday tasks of library staff are."""

    name = "staff_guide"
    template_name = "portal/admin/staff_guide.html"
    order = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        branches = BranchIndexPage.objects.filter(locale__language_code="fr").first()
        home = Page.objects.filter(depth=2, locale__language_code="fr").first()
        tasks = [
            (
                _("Announce a closure or a strike"),
                reverse("wagtailsnippets_portal_alert:add"),
                _("A last-minute alert shows on every page between the times you choose."),
            ),
            (
                _("Change a branch's opening hours"),
                reverse("wagtailadmin_explore", args=[branches.pk]) if branches else None,
                _(
                    "Open the branch, then “Opening hours”: usual week, seasons and exceptions such as public holidays."
                ),
            ),
            (
                _("Write or update a practical page"),
                reverse("wagtailadmin_explore", args=[home.pk]) if home else None,
                _("Pages are written in French first, then translated with the “Translate” button."),
            ),
            (
                _("Change the logo, the colours or the social links"),
                reverse("wagtailsettings:edit", args=["portal", "brandingsettings"]),
                _("Colours too light to read on white are refused, to keep the site readable."),
            ),
        ]
        return {"tasks": [task for task in tasks if task[1]]}
