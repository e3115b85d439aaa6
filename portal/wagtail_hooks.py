from wagtail import hooks
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet

from portal.panels import StaffGuidePanel
from portal.viewsets import AlertViewSet, IdentityWordsViewSet

register_snippet(AlertViewSet)
register_snippet(IdentityWordsViewSet)


@hooks.register("construct_homepage_panels")
def add_staff_guide(request, panels):
    panels.insert(0, StaffGuidePanel(request))


def publish_first(menu_items):
    """Wagtail makes the first action the button and folds the others into its dropdown."""
    publish = [item for item in menu_items if item.name == "action-publish"]
    if publish:
        menu_items.remove(publish[0])
        menu_items.insert(0, publish[0])


@hooks.register("construct_page_action_menu")
def publish_pages_in_one_click(menu_items, request, context):
    publish_first(menu_items)


@hooks.register("construct_snippet_action_menu")
def publish_snippets_in_one_click(menu_items, request, context):
    publish_first(menu_items)


@hooks.register("construct_page_chooser_queryset")
def search_pages_in_one_language(pages, request):
    """Searching the page chooser finds the pages of one language, not every translation.

    Browsing already keeps to one language (the admin's, else the parent page's); a search
    started from the browser carries its `locale`, a search from the opening screen gets the
    editor's admin language, French when it is not a language of the site.
    """
    if not request.GET.get("q"):
        return pages
    locale = Locale.objects.filter(language_code=request.GET.get("locale", "")).first() or Locale.get_active()
    return pages.filter(locale=locale)
