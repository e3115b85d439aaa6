from django import template
from django.utils.html import conditional_escape, format_html

register = template.Library()


@register.filter
def words(value):
    """Words typed by editors (a reason, a place), marked with their language when not translated yet.

    Safe HTML, so that it can be given to `blocktranslate` as it is.
    """
    lang = getattr(value, "lang", "")
    if lang:
        return format_html('<span lang="{}">{}</span>', lang, value)
    return conditional_escape(value)
