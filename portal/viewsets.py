from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import LiveStatusTagColumn, LocaleColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.models import Alert, IdentityWords


class AlertViewSet(SnippetViewSet):
    model = Alert
    icon = "warning"
    menu_label = _("Last-minute alerts")
    menu_order = 200
    add_to_admin_menu = True
    list_display = [
        "title",
        "level",
        "starts_at",
        "ends_at",
        LiveStatusTagColumn(label=_("Status")),
        LocaleColumn(label=_("Language")),
    ]
    # Wagtail adds the language filter itself to translatable snippets.
    list_filter = ["level", "live"]
    search_fields = ["title", "message"]

    def get_queryset(self, request):
        # Returning None would let Wagtail build the queryset; the listing shows the locale and links.
        return Alert.objects.select_related("locale", "link")


class IdentityWordsViewSet(SnippetViewSet):
    model = IdentityWords
    icon = "title"
    menu_label = _("Library name and tagline")
    add_to_settings_menu = True
    menu_order = 100
    list_display = ["name", "tagline", LocaleColumn(label=_("Language"))]

    def get_queryset(self, request):
        return IdentityWords.objects.select_related("locale")
