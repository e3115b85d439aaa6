"""A page asked for in a language it is not translated into yet.

Wagtail answers 404 because the page does not exist in that locale's tree. Bibo looks the
path up in the French tree: when the page exists there, the visitor gets a notice in their
own language and a link to the French page, never the French text passed off as theirs.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.html import format_html

from wagtail.models import Site

from portal.locales import active_locale, default_locale
from portal.restrictions import is_private


def find_source_page(request, path):
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    source_root = site.root_page
    if source_root.locale_id != default_locale().pk:
        source_root = source_root.get_translation_or_none(default_locale()) or source_root
    try:
        page, _args, _kwargs = source_root.specific.route(request, components)
    except Http404:
        return None
    return page


def untranslated_response(request, path=None):
    language = translation.get_language()
    if not language or language == settings.LANGUAGE_CODE:
        return None
    if path is None:
        prefix = f"/{language}/"
        if not request.path.startswith(prefix):
            return None
        path = request.path[len(prefix) :]
    page = find_source_page(request, path)
    if page is None or is_private(page):
        # A private page is not even named: the visitor gets the plain "not found" page.
        return None
    # The translation exists under its own, translated address: lead there.
    translated = page.get_translation_or_none(active_locale())
    if translated is not None and translated.live:
        return redirect(translated.get_url(request=request))
    return render(
        request,
        "not_translated.html",
        {
            "source_page": page,
            "source_title": format_html('<span lang="{}">{}</span>', settings.LANGUAGE_CODE, page.title),
            "language_name": translation.get_language_info(language)["name_local"],
        },
        status=404,
    )
