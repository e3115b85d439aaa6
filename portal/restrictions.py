"""Which pages are private, without asking the database on every listing.

Wagtail's `PageQuerySet.public()` reads every view restriction each time it is called.
Restrictions change rarely: their pages' tree paths are kept in the cache and dropped from
it whenever a restriction is saved or deleted.
"""

from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import PageViewRestriction

RESTRICTIONS_CACHE_KEY = "bibo:restricted-paths"
RESTRICTIONS_CACHE_SECONDS = 300


def private_q():
    """A filter matching every page under a view restriction, for `.exclude(private_q())`."""
    paths = cache.get(RESTRICTIONS_CACHE_KEY)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", "page__depth"))
        cache.set(RESTRICTIONS_CACHE_KEY, paths, RESTRICTIONS_CACHE_SECONDS)
    query = Q(pk__in=[])
    for path, depth in paths:
        query |= Q(path__startswith=path, depth__gte=depth)
    return query


@receiver([post_save, post_delete], sender=PageViewRestriction)
def forget_restrictions(**kwargs):
    cache.delete(RESTRICTIONS_CACHE_KEY)
