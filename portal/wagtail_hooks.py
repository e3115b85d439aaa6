from wagtail import hooks
from wagtail.snippets.models import register_snippet

from portal.panels import StaffGuidePanel
from portal.viewsets import AlertViewSet

register_snippet(AlertViewSet)


@hooks.register("construct_homepage_panels")
def add_staff_guide(request, panels):
    panels.insert(0, StaffGuidePanel(request))
