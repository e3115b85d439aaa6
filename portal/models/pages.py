from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

# Open Graph speaks in language_TERRITORY locales (og:locale); Facebook knows these ones.
OPEN_GRAPH_LOCALES = {
    "fr": "fr_FR",
    "en": "en_GB",
    "es": "es_ES",
    "pt": "pt_PT",
    "ar": "ar_AR",
    "tr": "tr_TR",
    "uk": "uk_UA",
    "zh-hans": "zh_CN",
}


def open_graph_locale(language_code):
    return OPEN_GRAPH_LOCALES.get(language_code, language_code.replace("-", "_"))


class BasePage(Page):
    """What every public page shares: a summary and a picture for listings and share previews."""

    summary = models.TextField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_(
            "One or two sentences shown in lists, search results and when the page is "
            "shared on social networks."
        ),
    )

    listing_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on the page's card in lists and when the page is shared on social networks."),
    )

    search_fields = [*Page.search_fields, index.SearchField("summary")]
    # Public pages are read, not written to: other methods get 405 Method Not Allowed.
    allowed_http_methods = ["GET", "HEAD", "OPTIONS"]
    promote_panels = [*Page.promote_panels, FieldPanel("summary"), FieldPanel("listing_image")]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail's restrictions on this page and its ancestors, in one query instead of two, or none.

        Wagtail asks for the ancestors (to follow aliases to their source pages), then for the
        restrictions; the ancestors' tree paths are the beginnings of the page's own, so one
        query finds the restrictions on them and on the source pages of any that are aliases.
        """
        from portal.restrictions import restricted_paths

        if not restricted_paths():
            # No page of the site is private (portal.tree knows it at once when one becomes so).
            return PageViewRestriction.objects.none()
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        on_path = models.Q(page__path__in=paths, page__alias_of__isnull=True)
        via_alias = models.Q(
            page__in=Page.objects.filter(path__in=paths, alias_of__isnull=False).values("alias_of")
        )
        return PageViewRestriction.objects.filter(on_path | via_alias)

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_listing_image(self):
        """The picture of the page in lists and share previews; page types may offer another."""
        return self.listing_image

    def get_open_graph(self, request=None, language=None):
        """What social networks show when the page is shared (components/open_graph.html).

        `language`: the page's language code, when the caller knows it (saves a query).
        """
        language = language or (self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE)
        return {
            "title": self.seo_title or self.title,
            "description": self.get_meta_description(),
            "url": self.get_full_url(request=request),
            "locale": open_graph_locale(language),
            "image": self.get_listing_image(),
        }
