"""Spreadsheet exports that a spreadsheet cannot run.

A visitor can type `=HYPERLINK(…)` or `+cmd|…` into a contact form; opened from a CSV export,
a spreadsheet would take it for a formula. Wagtail's XLSX export already stores such cells
as text; this does the same for its CSV export, the way OWASP advises: a cell starting with
= + - @, a tab or a carriage return gets a leading apostrophe.
"""

from wagtail.contrib.forms.views import SubmissionsListView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeSubmissionsListView(SubmissionsListView):
    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise(value) if export_format == self.FORMAT_CSV else value
