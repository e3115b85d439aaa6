"""Look the Wagtail site up without a query on every request.

Wagtail finds the site of each request with one query (hostname, port and the root page).
Sites change a few times in a portal's life, so the answer is kept in memory per process and
forgotten when a site, or the page at the root of one, is saved or deleted; other processes
forget it within SITE_CACHE_SECONDS. Each request gets its own fresh instances: pages are
never shared between requests.
"""

import time

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port

from wagtail.models import Page, Site

from portal.memory import memory

SITE_CACHE_SECONDS = 60
_sites = memory("portal.sites")


def _fields(instance):
    return {field.attname: getattr(instance, field.attname) for field in instance._meta.concrete_fields}


class SiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = (split_domain_port(request._get_raw_host())[0], request.get_port())
        cached = _sites.get(key)
        if cached is None or cached[0] < time.monotonic():
            site = Site._find_for_request(request)
            cached = (
                time.monotonic() + SITE_CACHE_SECONDS,
                site and _fields(site),
                site and _fields(site.root_page),
            )
            _sites[key] = cached
        _expires, site_fields, root_fields = cached
        if site_fields is not None:
            site = Site(**site_fields)
            site.root_page = Page(**root_fields)
            request._wagtail_site = site
        return self.get_response(request)


@receiver([post_save, post_delete], sender=Site)
def forget_sites(**kwargs):
    _sites.clear()


@receiver([post_save, post_delete])
def forget_sites_when_a_root_page_changes(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.depth is not None and instance.depth <= 2:
        _sites.clear()
