from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """What every public page shares: a summary for listings and share previews."""

    summary = models.TextField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_(
            "One or two sentences shown in lists, search results and when the page is "
            "shared on social networks."
        ),
    )

    search_fields = [*Page.search_fields, index.SearchField("summary")]
    # Public pages are read, not written to: other methods get 405 Method Not Allowed.
    allowed_http_methods = ["GET", "HEAD", "OPTIONS"]
    promote_panels = [*Page.promote_panels, FieldPanel("summary")]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.summary
