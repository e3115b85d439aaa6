"""Every admin language reads dates the way the admin's date pickers write them (d/m/Y).

Wagtail's pickers use one format, WAGTAIL_DATE_FORMAT, whatever the admin's language; Django
reads a typed date with the formats of the active language. Where those lack the day-first
form (English would read 02/12/2026 as 12 February), it is put first; display is unchanged.
"""

from django.conf import global_settings

DAY_FIRST_DATE = ["%d/%m/%Y"]
DAY_FIRST_DATETIME = ["%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M"]


def day_first(module=global_settings):
    return (
        DAY_FIRST_DATE + list(module.DATE_INPUT_FORMATS),
        DAY_FIRST_DATETIME + list(module.DATETIME_INPUT_FORMATS),
    )
