from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin

from portal.locales import active_locale, default_locale

ALERTS_CACHE_KEY = "bibo:alerts:published"
ALERTS_CACHE_SECONDS = 300


class AlertQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)

    def sources(self):
        """The French alerts, which decide whether, when and how loudly an alert shows."""
        return self.filter(locale=default_locale())

    def not_over(self, now=None):
        return self.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now or timezone.now()))

    def for_banner(self):
        """Every published alert, French or translated, whose French alert is not over yet."""
        ongoing = self.model.objects.published().sources().not_over().values("translation_key")
        return self.published().filter(translation_key__in=ongoing).select_related("locale", "link")


class AlertManager(models.Manager.from_queryset(AlertQuerySet)):
    def current(self, locale=None, now=None):
        """The alerts shown now, in the visitor's language where a translation is published.

        The French alert decides whether, when and how loudly an alert shows; a translation only
        lends its words. An alert not yet translated is still shown, in French and marked as
        such: a closure must reach everybody.

        Read from the cache, as the banner is on every page. The cache holds `for_banner()`,
        so that an alert appears and disappears on time; saving or deleting an alert, or a
        translation of one, empties it.
        """
        published = cache.get(ALERTS_CACHE_KEY)
        if published is None:
            published = list(self.get_queryset().for_banner())
            cache.set(ALERTS_CACHE_KEY, published, ALERTS_CACHE_SECONDS)
        return choose_for_visitor(published, locale, now)


def choose_for_visitor(alerts, locale=None, now=None):
    locale = locale or active_locale()
    now = now or timezone.now()
    source_id = default_locale().pk
    translations = {alert.translation_key: alert for alert in alerts if alert.locale_id == locale.pk}
    shown = []
    for source in sorted(alerts, key=lambda alert: (-alert.level, alert.starts_at)):
        if source.locale_id != source_id or source.starts_at > now:
            continue
        if source.ends_at is not None and source.ends_at <= now:
            continue
        alert = translations.get(source.translation_key, source)
        alert.level, alert.link = source.level, source.link
        shown.append(alert)
    return shown


class Alert(TranslatableMixin, DraftStateMixin, RevisionMixin, models.Model):
    """The “dernière minute” banner: a closure, a strike, a heat wave."""

    class Level(models.IntegerChoices):
        INFO = 1, _("Information")
        WARNING = 2, _("Warning")
        CLOSURE = 3, _("Closure")

    title = models.CharField(
        _("title"), max_length=120, help_text=_("A few words, for example “Médiathèque centrale fermée”.")
    )
    message = models.TextField(
        _("message"), max_length=600, help_text=_("One or two sentences: what happens, where, until when.")
    )
    link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page with more details"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: a page that explains more, such as the branch's page."),
    )
    level = models.PositiveSmallIntegerField(
        _("importance"),
        choices=Level.choices,
        default=Level.WARNING,
        help_text=_("Closures are shown first when there are several alerts."),
    )
    starts_at = models.DateTimeField(
        _("show from"), default=timezone.now, help_text=_("The banner appears at this date and time.")
    )
    ends_at = models.DateTimeField(
        _("show until"),
        null=True,
        blank=True,
        help_text=_("The banner disappears at this date and time. Leave empty to remove it by hand."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("message"),
        FieldPanel("link"),
        FieldPanel("level"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("When")),
    ]

    objects = AlertManager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("last-minute alert")
        verbose_name_plural = _("last-minute alerts")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})


@receiver([post_save, post_delete], sender=Alert)
def forget_alerts(**kwargs):
    cache.delete(ALERTS_CACHE_KEY)
