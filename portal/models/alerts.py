from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import DraftStateMixin, Locale, RevisionMixin, TranslatableMixin


class AlertQuerySet(models.QuerySet):
    def current(self, now=None):
        now = now or timezone.now()
        return self.filter(live=True, starts_at__lte=now).filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))

    def for_visitor(self, locale=None, now=None):
        """The current alerts in the visitor's language.

        An alert not yet translated is still shown, in French and marked as such:
        a closure must reach everybody.
        """
        return choose_for_visitor(self.current(now).select_related("locale", "link"), locale)


ALERTS_CACHE_KEY = "bibo:alerts:published"
ALERTS_CACHE_SECONDS = 300


def alerts_for_visitor(locale=None, now=None):
    """`Alert.objects.for_visitor()` from the cache: the banner is on every page.

    The cache holds every published alert whatever its dates, so that one appears and
    disappears on time; saving or deleting an alert empties it.
    """
    published = cache.get(ALERTS_CACHE_KEY)
    if published is None:
        published = list(Alert.objects.filter(live=True).select_related("locale", "link"))
        cache.set(ALERTS_CACHE_KEY, published, ALERTS_CACHE_SECONDS)
    now = now or timezone.now()
    current = [
        alert
        for alert in published
        if alert.starts_at <= now and (alert.ends_at is None or alert.ends_at > now)
    ]
    return choose_for_visitor(current, locale)


def choose_for_visitor(alerts, locale=None):
    locale = locale or Locale.get_active()
    alerts = sorted(alerts, key=lambda alert: (-alert.level, alert.starts_at))
    chosen = {}
    for alert in alerts:
        key = alert.translation_key
        in_visitors_language = alert.locale_id == locale.pk
        if in_visitors_language or (key not in chosen and alert.locale.language_code == "fr"):
            chosen[key] = alert
    return list(chosen.values())


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

    objects = AlertQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("message"),
        FieldPanel("link"),
        FieldPanel("level"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("When")),
    ]

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
