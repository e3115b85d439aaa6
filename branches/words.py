"""The words shown with the hours (a closure's reason, a season's name, a stop's place), in each language.

Hours are facts of the branch and never translated; the words beside them are small
translatable snippets (`Reason`, `Place`) that translators translate through wagtail-localize
like pages. Listings read the translation of each in the same query as the rows that use it
(a subquery per word), and whatever has no translation yet keeps its own words, marked with
their language so that screen readers and browsers read them right.
"""

from django.db import models

from wagtail.models import Locale

from portal.locales import default_locale, locale_with_pk


class Wording(str):
    """Text shown to visitors; `lang` is its language when it is not the visitor's (else "")."""

    lang = ""

    def __new__(cls, text, lang=""):
        wording = super().__new__(cls, text or "")
        wording.lang = lang
        return wording


def translated(model, relation, field, locale):
    """A subquery giving `relation.field` (a TranslatableMixin row's text) in `locale`."""
    return models.Subquery(
        model.objects.filter(
            translation_key=models.OuterRef(f"{relation}__translation_key"), locale=locale
        ).values(field)[:1]
    )


def annotate_words(queryset, relation, model, fields, locale, extra=()):
    """`queryset` with the words of `relation` in `locale` on each row, in the same query.

    For each of `fields`: `<relation>_<field>_text`, the translation's words (None where there
    is none yet) and `<relation>_<field>_own`, the words as entered; `<relation>_lang`, the
    language they were entered in. `extra` names other fields of `relation` to read along
    (`<relation>_<field>`), so that listings build no object for the words.
    """
    locale = locale or default_locale()
    if not isinstance(locale, Locale):
        # An id: its language code comes from memory, not from one more subquery per row.
        locale = locale_with_pk(locale)
    return queryset.annotate(
        **{f"{relation}_{field}_text": translated(model, relation, field, locale) for field in fields},
        **{f"{relation}_{field}_own": models.F(f"{relation}__{field}") for field in fields},
        **{f"{relation}_{field}": models.F(f"{relation}__{field}") for field in extra},
        **{
            f"{relation}_lang": models.F(f"{relation}__locale__language_code"),
            f"{relation}_wanted_lang": _language_code(locale),
        },
    )


def _language_code(locale):
    """The language code of a Locale, or of a Locale's id, as a value of the query."""
    if isinstance(locale, Locale):
        return models.Value(locale.language_code)
    return models.Subquery(Locale.objects.filter(pk=locale).values("language_code")[:1])


def wording(row, relation, field):
    """The annotated words of `row.relation.field`, else its own words marked with their language."""
    if getattr(row, f"{relation}_id") is None:
        return Wording("")
    text = getattr(row, f"{relation}_{field}_text", None)
    if text:
        return Wording(text)
    if hasattr(row, f"{relation}_lang"):
        own, lang, wanted = (
            getattr(row, f"{relation}_{field}_own"),
            getattr(row, f"{relation}_lang"),
            getattr(row, f"{relation}_wanted_lang"),
        )
    else:
        target = getattr(row, relation)
        own, lang, wanted = getattr(target, field), target.locale.language_code, None
    return Wording(own, "" if wanted is None or lang == wanted else lang)
