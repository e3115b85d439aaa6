"""Privacy follows the French page.

Wagtail keeps a view restriction on one page of one locale's tree, and its translations are
pages of their own. A restriction set on a French page is therefore copied onto each of its
translations, changed with it and removed with it (wagtail-localize copies it onto
translations it creates or updates later). Wagtail's own checks (serving, `.public()`) and
every Bibo listing then see the same privacy in every language.

What a privacy decision depends on is read from the database each time, inside the query
that lists the pages: no process keeps a copy that another process's change would not reach.
"""

from functools import cache

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Substr
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction

from portal.locales import default_locale


@cache
def _restricted_ancestor():
    # Built once: `Exists` copies it into each listing's query, which then skips building
    # the subquery's filter and join again (about half of what this filter costs a query).
    return PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, F("page__depth") * Page.steplen)
    )


def private_q():
    """A filter matching every page under a view restriction, for `.exclude(private_q())`.

    A page is private when a restriction sits on it or on one of its ancestors, that is on a
    page whose tree path starts its own. Evaluated by the database in the listing's own query.
    """
    return Q(Exists(_restricted_ancestor()))


def is_private(page):
    """Whether `page` or one of its ancestors carries a view restriction (one query)."""
    return Page.objects.filter(pk=page.pk).filter(private_q()).exists()


def _is_source(page):
    return page.locale_id == default_locale().pk


def _translations(page):
    return Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)


def mirror_restriction(restriction):
    """Give every translation of the restricted French page the same restriction."""
    groups = list(restriction.groups.all())
    for translation in _translations(restriction.page):
        mirrored = translation.view_restrictions.first() or PageViewRestriction(page=translation)
        mirrored.restriction_type = restriction.restriction_type
        mirrored.password = restriction.password
        mirrored.save()
        mirrored.groups.set(groups)


@receiver(post_save, sender=PageViewRestriction)
def restriction_saved(instance, raw=False, **kwargs):
    if raw or not _is_source(instance.page):
        return
    mirror_restriction(instance)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def restriction_groups_changed(instance, action, reverse=False, **kwargs):
    if reverse or action not in {"post_add", "post_remove", "post_clear"}:
        return
    if _is_source(instance.page):
        mirror_restriction(instance)


@receiver(post_delete, sender=PageViewRestriction)
def restriction_deleted(instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None or not _is_source(page):
        # The page itself is being deleted: its translations keep their privacy.
        return
    PageViewRestriction.objects.filter(page__in=_translations(page)).delete()
