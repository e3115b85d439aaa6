"""The XML sitemap (/sitemap.xml): every public page, in every language, with its translations.

Wagtail's sitemap lists the site's root tree, that is the French pages only; here each
language's tree is listed, and each page names its real translations as alternates
(`xhtml:link hreflang`), never the "not translated yet" stand-ins. Nothing private: neither
a restricted page nor any translation of one.
"""

from collections import defaultdict
from functools import cached_property

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.restrictions import private_q


class PortalSitemap(Sitemap):
    # Django's template renders the alternates Django's own i18n sitemaps would give.
    alternates = True

    @cached_property
    def _pages(self):
        root = self.get_wagtail_site().root_page
        homes = (
            Page.objects.filter(translation_key=root.translation_key).live().values_list("path", flat=True)
        )
        in_a_tree = Q()
        for path in homes:
            in_a_tree |= Q(path__startswith=path)
        if not in_a_tree:
            return []
        private_keys = Page.objects.filter(private_q()).values("translation_key")
        pages = (
            Page.objects.live()
            .public()
            .filter(in_a_tree)
            .exclude(translation_key__in=private_keys)
            .select_related("locale")
            .order_by("path")
        )
        return [page for page in pages if page.get_full_url(self.request)]

    @cached_property
    def _translations(self):
        by_key = defaultdict(list)
        for page in self._pages:
            by_key[page.translation_key].append(page)
        return by_key

    def items(self):
        return self._pages

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            translations = self._translations[item.translation_key]
            urls.append(
                {
                    "item": item,
                    "location": item.get_full_url(self.request),
                    "lastmod": self.lastmod(item),
                    "alternates": [
                        {
                            "location": other.get_full_url(self.request),
                            "lang_code": other.locale.language_code,
                        }
                        for other in translations
                    ]
                    if len(translations) > 1
                    else [],
                }
            )
        return urls
