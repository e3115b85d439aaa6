from wagtail.snippets.models import register_snippet

from portal.viewsets import AlertViewSet

register_snippet(AlertViewSet)
