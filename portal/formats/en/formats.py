from django.conf.locale.en import formats

from portal.formats import day_first

DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS = day_first(formats)
