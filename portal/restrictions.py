"""Privacy follows the French page.

Wagtail keeps a view restriction on one page of one locale's tree, and its translations are
pages of their own. A restriction set on a French page is therefore copied onto each of its
translations, changed with it and removed with it (wagtail-localize copies it onto
translations it creates or updates later). Wagtail's own checks (serving, `.public()`) and
every Bibo listing then see the same privacy in every language.

What a privacy decision depends on, the restricted pages' tree paths, is read again by every
process at its next request after any change (portal.tree), so that a page made private leaves
every listing at once.
"""

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Substr
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction

from portal.locales import default_locale
from portal.tree import remembered

MAX_NAMED_PATHS = 30


def restricted_paths():
    """The tree paths of the pages that carry a view restriction, read again whenever the tree changes."""
    return remembered(
        "restricted paths",
        lambda: tuple(sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))),
    )


def private_q():
    """A filter matching every page under a view restriction, for `.exclude(private_q())`.

    A page is private when a restriction sits on it or on one of its ancestors, that is on a
    page whose tree path starts its own. The restricted paths are few and known (portal.tree
    reads them again after any change): the filter names them, and costs nothing without any.
    """
    paths = restricted_paths()
    if not paths:
        return Q(pk__in=[])
    # A path under another restricted one adds nothing.
    outermost = [
        path for path in paths if not any(path != other and path.startswith(other) for other in paths)
    ]
    if len(outermost) > MAX_NAMED_PATHS:
        # Many private sections: the database looks for a restricted ancestor itself.
        return Q(
            Exists(
                PageViewRestriction.objects.filter(
                    page__path=Substr(OuterRef("path"), 1, F("page__depth") * Page.steplen)
                )
            )
        )
    query = Q()
    for path in outermost:
        query |= Q(path__startswith=path)
    return query


def is_private(page):
    """Whether `page` or one of its ancestors carries a view restriction."""
    return any(page.path.startswith(path) for path in restricted_paths())


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
