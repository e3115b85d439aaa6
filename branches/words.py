"""The words shown with the hours (a closure's reason, a season's name, a stop's place), in each language.

Hours are facts of the branch and never translated; the words beside them are small
translatable snippets (`Reason`, `Place`) that translators translate through wagtail-localize
like pages. Listings read the translation of each in the same query as the rows that use it
(a subquery per word), and whatever has no translation yet keeps its own words, marked with
their language so that screen readers and browsers read them right.
"""

from django.db import models

from portal.locales import default_locale


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


def annotate_words(queryset, relation, model, fields, locale):
    """`queryset` with `<relation>_<field>_text` in `locale` for each of `fields`, and the row itself."""
    locale = locale or default_locale()
    return queryset.select_related(relation, f"{relation}__locale").annotate(
        **{f"{relation}_{field}_text": translated(model, relation, field, locale) for field in fields},
        **{f"{relation}_wanted_locale": models.Value(getattr(locale, "pk", locale))},
    )


def wording(row, relation, field):
    """The annotated words of `row.relation.field`, else its own words marked with their language."""
    target = getattr(row, relation)
    if target is None:
        return Wording("")
    text = getattr(row, f"{relation}_{field}_text", None)
    if text:
        return Wording(text)
    wanted = getattr(row, f"{relation}_wanted_locale", target.locale_id)
    own = getattr(target, field)
    return Wording(own, "" if target.locale_id == wanted else target.locale.language_code)
