"""The active Wagtail locale without a query on every request.

Locales change only when an administrator adds a language, so they are kept in memory
and forgotten whenever one is saved or deleted.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation

from wagtail.models import Locale

from portal.memory import memory

_by_code = memory("portal.locales")


def active_locale():
    try:
        return locale_for(translation.get_language() or settings.LANGUAGE_CODE)
    except Locale.DoesNotExist:
        return default_locale()


@receiver([post_save, post_delete], sender=Locale)
def forget_locales(**kwargs):
    _by_code.clear()


def default_locale():
    """French, the source language of every page."""
    return locale_for(settings.LANGUAGE_CODE)


def locale_for(code):
    locale = _by_code.get(code)
    if locale is None:
        locale = Locale.objects.get_for_language(code)
        _by_code[code] = locale
    return locale


def locale_with_pk(pk):
    """The Locale with this id, from the same memory."""
    for locale in _by_code.values():
        if locale.pk == pk:
            return locale
    locale = Locale.objects.get(pk=pk)
    _by_code.setdefault(locale.language_code, locale)
    return locale
