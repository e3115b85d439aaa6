"""Blocks for structured opening hours, read by `home.hours`."""

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


WEEK_HELP = _(
    "One line per opening. For a lunch break, add two lines for the same day "
    "(10:00–12:30 and 14:00–18:00). Days without a line are closed."
)


class WeekHoursBlock(blocks.StreamBlock):
    opening = DayHoursBlock()


class SeasonBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=80, help_text=_("For example “Horaires d'été”."))
    start_date = blocks.DateBlock(label=_("from"))
    end_date = blocks.DateBlock(label=_("until (included)"))
    hours = blocks.ListBlock(DayHoursBlock(), label=_("weekly hours during this season"), help_text=WEEK_HELP)

    class Meta:
        icon = "date"
        label = _("Season")
        description = _("Weekly hours that replace the usual ones between two dates.")

    def clean(self, value):
        value = super().clean(value)
        # Drafts are saved without required values: compare the dates only when both are given.
        if value.get("start_date") and value.get("end_date") and value["end_date"] < value["start_date"]:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "end_date": ValidationError(_("The end date must not come before the start date."))
                }
            )
        return value


class ExceptionBlock(blocks.StructBlock):
    start_date = blocks.DateBlock(label=_("from"))
    end_date = blocks.DateBlock(
        label=_("until (included)"), required=False, help_text=_("Leave empty for a single day.")
    )
    reason = blocks.CharBlock(
        label=_("reason"), max_length=120, help_text=_("Shown to visitors, for example “Lundi de Pâques”.")
    )
    hours = blocks.ListBlock(
        TimeRangeBlock(),
        label=_("exceptional hours"),
        required=False,
        default=[],
        help_text=_("Leave empty when the branch is closed on these days; otherwise give the hours."),
    )

    class Meta:
        icon = "warning"
        label = _("Exception")
        description = _("A public holiday, a closure or a late opening on given dates.")

    def clean(self, value):
        value = super().clean(value)
        if value.get("start_date") and value.get("end_date") and value["end_date"] < value["start_date"]:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "end_date": ValidationError(_("The end date must not come before the start date."))
                }
            )
        return value


class SeasonsBlock(blocks.StreamBlock):
    season = SeasonBlock()


class ExceptionsBlock(blocks.StreamBlock):
    exception = ExceptionBlock()


class ServiceBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("service"), max_length=80)
    description = blocks.TextBlock(label=_("description"), required=False, max_length=300)

    class Meta:
        icon = "tick"
        label = _("Service")
        template = "home/blocks/service.html"
        description = _("Something the branch offers: Wi-Fi, printing, study rooms, games…")
        preview_value = {"name": "Wi-Fi gratuit", "description": "Dans tout le bâtiment."}


class ServicesBlock(blocks.StreamBlock):
    service = ServiceBlock()
