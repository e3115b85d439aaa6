import re

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _luminance(colour):
    channels = []
    for i in (1, 3, 5):
        c = int(colour[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first, second):
    """WCAG 2.1 contrast ratio between two #rrggbb colours."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_colour(value):
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(_("Enter a colour as # followed by six hexadecimal digits, like #1d4f91."))


SETTINGS_CACHE_SECONDS = 300


class CachedSiteSetting(BaseSiteSetting):
    """A site setting read from the cache on every page, and dropped from it when saved.

    With a shared cache (Redis) a change shows at once in every process; with each process's
    own memory cache, within SETTINGS_CACHE_SECONDS.
    """

    class Meta:
        abstract = True

    @classmethod
    def cache_key(cls, site_id):
        return f"bibo:setting:{cls._meta.label_lower}:{site_id}"

    @classmethod
    def for_site(cls, site):
        if site is None:
            return super().for_site(site)
        instance = cache.get(cls.cache_key(site.pk))
        if instance is None:
            instance = super().for_site(site)
            cache.set(cls.cache_key(site.pk), instance, SETTINGS_CACHE_SECONDS)
        return instance

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(self.cache_key(self.site_id))


@register_setting(icon="image")
class BrandingSettings(CachedSiteSetting):
    """The library's visual identity, shared by pages, blog and booklet."""

    logo = models.ForeignKey(
        "portal.CustomImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Preferably a wide image on a transparent background."),
    )
    banner = models.ForeignKey(
        "portal.CustomImage",
        verbose_name=_("banner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Large image at the top of the home page."),
    )
    select_related = ["logo", "banner"]

    primary_colour = models.CharField(
        _("main colour"),
        max_length=7,
        default="#1d4f91",
        validators=[validate_colour],
        help_text=_(
            "Used for the header, links and buttons. It must stand out against white "
            "(contrast ratio of at least 4.5 to 1), or it is refused."
        ),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#b3261e",
        validators=[validate_colour],
        help_text=_("Used for the alert banner and highlights. Same contrast rule as the main colour."),
    )

    panels = [
        HelpPanel(
            content=_("The library's name and tagline are translated: Settings › Library name and tagline."),
            heading=_("Name"),
        ),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("banner")], heading=_("Images")),
        MultiFieldPanel([FieldPanel("primary_colour"), FieldPanel("accent_colour")], heading=_("Colours")),
    ]

    class Meta:
        verbose_name = _("visual identity")

    # The words of the identity live in IdentityWords, in every language; these read them in
    # the active language, and setting them writes the French words (the source) on save.
    @property
    def words(self):
        """The words in the active language, looked up once per language for this instance
        (a request's: the header, the footer and the title all ask)."""
        from portal.models.identity import IdentityWords

        language = translation.get_language()
        found = self.__dict__.setdefault("_words", {})
        if language not in found:
            found[language] = IdentityWords.objects.for_language(language)
        return found[language]

    @property
    def library_name(self):
        return self.words.name

    @library_name.setter
    def library_name(self, value):
        self.__dict__.setdefault("_new_words", {})["name"] = value

    @property
    def tagline(self):
        return self.words.tagline

    @tagline.setter
    def tagline(self, value):
        self.__dict__.setdefault("_new_words", {})["tagline"] = value

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        new_words = self.__dict__.pop("_new_words", None)
        if new_words:
            from portal.locales import default_locale
            from portal.models.identity import IdentityWords

            source = IdentityWords.objects.filter(locale=default_locale()).order_by("pk").first()
            if source is None:
                IdentityWords.objects.create(locale=default_locale(), **new_words)
            else:
                for field, value in new_words.items():
                    setattr(source, field, value)
                source.save()

    def clean(self):
        super().clean()
        errors = {}
        for field in ("primary_colour", "accent_colour"):
            value = getattr(self, field)
            if HEX_COLOUR.match(value or "") and contrast_ratio(value, "#ffffff") < 4.5:
                errors[field] = _(
                    "This colour is too light to read on white (contrast %(ratio).1f to 1, "
                    "at least 4.5 to 1 is required). Choose a darker shade."
                ) % {"ratio": contrast_ratio(value, "#ffffff")}
        if errors:
            raise ValidationError(errors)


@register_setting(icon="site")
class SocialLinks(CachedSiteSetting):
    facebook = models.URLField(
        _("Facebook page"), blank=True, help_text=_("Full address of the library's Facebook page.")
    )
    instagram = models.URLField(
        _("Instagram account"), blank=True, help_text=_("Full address, or leave empty.")
    )
    mastodon = models.URLField(
        _("Mastodon account"), blank=True, help_text=_("Full address, or leave empty.")
    )
    youtube = models.URLField(_("YouTube channel"), blank=True, help_text=_("Full address, or leave empty."))

    class Meta:
        verbose_name = _("social networks")

    def links(self):
        names = {
            "facebook": "Facebook",
            "instagram": "Instagram",
            "mastodon": "Mastodon",
            "youtube": "YouTube",
        }
        return [(names[field], getattr(self, field)) for field in names if getattr(self, field)]
