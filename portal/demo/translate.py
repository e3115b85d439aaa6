"""Translate demo pages through wagtail-localize, as a translator would in the admin.

A page is translated into a language only when every one of its strings has a
translation in `translations.json`; otherwise it stays untranslated, and visitors see the
"not translated yet" notice rather than French text under another language's address.
"""

import json
from pathlib import Path

from wagtail_localize.models import (
    MissingRelatedObjectError,
    StringSegment,
    StringTranslation,
    TranslationSource,
)

TRANSLATIONS_FILE = Path(__file__).with_name("translations.json")


def load_translations():
    if not TRANSLATIONS_FILE.exists():
        return {}
    return json.loads(TRANSLATIONS_FILE.read_text(encoding="utf-8"))


def source_strings(page):
    source, _created = TranslationSource.update_or_create_from_instance(page)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    return source, list(segments)


def translate_page(page, locale, catalogue):
    """Returns True when the page now exists, fully translated, in `locale`."""
    source, segments = source_strings(page)
    texts = {}
    for segment in segments:
        text = catalogue.get(segment.string.data)
        if not text:
            return False
        texts[segment] = text
    for segment, text in texts.items():
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    try:
        source.create_or_update_translation(locale, publish=True)
    except MissingRelatedObjectError:
        # A highlight points to a page not translated yet: keep the French link for now;
        # the second pass, once every page exists, points it to the translation.
        source.create_or_update_translation(locale, publish=True, fallback=True)
    return True


def export_strings(pages, path):
    strings = []
    for page in pages:
        _source, segments = source_strings(page)
        strings.extend(segment.string.data for segment in segments)
    unique = list(dict.fromkeys(strings))
    Path(path).write_text(json.dumps(unique, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(unique)
