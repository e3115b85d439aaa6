"""The active Wagtail locale without a query on every request.

Locales change only when an administrator adds a language, so they are kept in memory
and forgotten whenever one is saved or deleted.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation

from wagtail.models import Locale

_by_code = {}


def active_locale():
    code = translation.get_language() or Locale.get_default().language_code
    locale = _by_code.get(code)
    if locale is None:
        locale = Locale.get_active()
        _by_code[code] = locale
    return locale


@receiver([post_save, post_delete], sender=Locale)
def forget_locales(**kwargs):
    _by_code.clear()
