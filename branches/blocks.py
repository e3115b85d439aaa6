"""Blocks for weekly opening hours, read by `branches.hours`.

Only the hours that repeat every week are blocks (the usual week, a season's week, the hours of
an exception): dated things (seasons, exceptions, stops) are rows the database checks.
"""

from django.core.exceptions import ValidationError
from django.utils.dates import WEEKDAYS as DAY_NAMES
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

# Django's own day names, already translated into every language.
WEEKDAYS = [(str(number), name) for number, name in DAY_NAMES.items()]


class TimeRangeBlock(blocks.StructBlock):
    opens = blocks.TimeBlock(label=_("opens at"))
    closes = blocks.TimeBlock(
        label=_("closes at"),
        help_text=_("A closing time earlier than the opening time means after midnight."),
    )

    class Meta:
        icon = "time"
        label = _("Opening")
        # A folded line still says what it holds.
        label_format = "{opens}–{closes}"

    def clean(self, value):
        value = super().clean(value)
        # Drafts are saved without required values: only two equal times are an error.
        if value.get("opens") is not None and value.get("opens") == value.get("closes"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "closes": ValidationError(_("The closing time must differ from the opening time."))
                }
            )
        return value


class DayHoursBlock(TimeRangeBlock):
    weekday = blocks.ChoiceBlock(choices=WEEKDAYS, label=_("day"))

    class Meta:
        icon = "time"
        label = _("Opening")
        # The day first: a folded line shows "Tuesday 10:00–18:00", not only its time.
        label_format = "{weekday} {opens}–{closes}"


WEEK_HELP = _(
    "One line per opening. For a lunch break, add two lines for the same day "
    "(10:00–12:30 and 14:00–18:00). Days without a line are closed."
)


class WeekHoursBlock(blocks.StreamBlock):
    opening = DayHoursBlock()


class DayRangesBlock(blocks.StreamBlock):
    """The hours of an exception's days: times only, the dates are the exception's."""

    opening = TimeRangeBlock()
