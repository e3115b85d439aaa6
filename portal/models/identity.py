from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from portal.locales import default_locale

DEFAULT_NAME = "Bibliothèques de la ville"


class IdentityWordsManager(models.Manager):
    def for_language(self, code=None):
        """The words in `code` (the active language) when translated, else the French ones.

        Every page shows them: they are read again only when they change (portal.tree watches
        their table), in every process at its next request.
        """
        from portal.tree import remembered

        words = remembered("identity words", lambda: list(self.select_related("locale").order_by("pk")))
        source_id = default_locale().pk
        source = next((item for item in words if item.locale_id == source_id), None)
        if source is None:
            return IdentityWords(name=DEFAULT_NAME, locale=default_locale())
        code = code or translation.get_language()
        translated = next(
            (
                item
                for item in words
                if item.translation_key == source.translation_key and item.locale.language_code == code
            ),
            None,
        )
        return translated or source


class IdentityWords(TranslatableMixin, models.Model):
    """The library's name and tagline: French first, translated with wagtail-localize like pages."""

    name = models.CharField(
        _("library name"),
        max_length=120,
        default=DEFAULT_NAME,
        help_text=_("Shown in the header, in the browser tab and in e-mails."),
    )
    tagline = models.CharField(
        _("tagline"),
        max_length=200,
        blank=True,
        help_text=_("A short sentence under the name, for example “Lire, jouer, se retrouver”."),
    )
    title_suffix = models.CharField(
        _("end of the browser tab's title"),
        max_length=120,
        blank=True,
        help_text=_(
            "Shown after each page's title in the browser tab and search engines. Leave empty to use the name."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("tagline"), FieldPanel("title_suffix")]

    objects = IdentityWordsManager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("library name and tagline")
        verbose_name_plural = _("library name and tagline")

    def __str__(self):
        return self.name

    @property
    def tab_title(self):
        return self.title_suffix or self.name

    @property
    def lang_attribute(self):
        """` lang="fr"` when the words shown are the French ones on a page in another language."""
        from portal.locales import active_locale, default_locale

        if not self.locale_id or self.locale_id == active_locale().pk:
            return ""
        # The locales come from memory: no query on every page for the header and the footer.
        code = settings.LANGUAGE_CODE if self.locale_id == default_locale().pk else self.locale.language_code
        if not code or code == translation.get_language():
            return ""
        return format_html(' lang="{}"', code)
