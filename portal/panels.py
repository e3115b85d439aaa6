from laces.components import Component

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.registry import EverydayTask, everyday_tasks


class StaffGuidePanel(Component):
    """The admin's front page says where the everyday tasks of library staff are.

    The portal's own tasks, and those the apps add through the "bibo_everyday_tasks" hook
    (`portal.registry`), in their `order`.
    """

    name = "staff_guide"
    template_name = "portal/admin/staff_guide.html"
    order = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        tasks = [
            EverydayTask(
                _("Announce a closure or a strike"),
                reverse("wagtailsnippets_portal_alert:add"),
                _("A last-minute alert shows on every page between the times you choose."),
                order=10,
            ),
            EverydayTask(
                _("Change the logo, the colours or the social links"),
                reverse("wagtailsettings:edit", args=["portal", "brandingsettings"]),
                _("Colours too light to read on white are refused, to keep the site readable."),
                order=90,
            ),
            *everyday_tasks(self.request),
        ]
        return {"tasks": sorted(tasks, key=lambda task: task.order)}
