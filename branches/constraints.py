"""Exclusion constraints where the database has them.

PostgreSQL refuses overlapping rows itself (`EXCLUDE USING gist`, with the `btree_gist`
extension for the equality on the branch). SQLite has no exclusion constraints: there the
models check overlaps in `clean()` and again in `save()`, inside the transaction that writes
(SQLite runs one writing transaction at a time, so the check and the write cannot interleave
with another writer).
"""

from django.contrib.postgres import operations
from django.contrib.postgres.constraints import ExclusionConstraint
from django.db import DEFAULT_DB_ALIAS, models


def _postgres(schema_editor):
    return schema_editor.connection.vendor == "postgresql"


class PostgresExclusionConstraint(ExclusionConstraint):
    """An `ExclusionConstraint` that other databases leave to the model's own checks."""

    def constraint_sql(self, model, schema_editor):
        return super().constraint_sql(model, schema_editor) if _postgres(schema_editor) else None

    def create_sql(self, model, schema_editor):
        return super().create_sql(model, schema_editor) if _postgres(schema_editor) else None

    def remove_sql(self, model, schema_editor):
        return super().remove_sql(model, schema_editor) if _postgres(schema_editor) else None

    def validate(self, model, instance, exclude=None, using=DEFAULT_DB_ALIAS):
        # Forms learn of an overlap from the model's `clean()`, in the same words on every
        # database; the constraint is the database's last word.
        return


class DateRange(models.Func):
    """`daterange(start, end, '[]')`: both days included."""

    function = "daterange"
    output_field = models.Field()

    def __init__(self, start, end):
        super().__init__(start, end, models.Value("[]"))


class TimestampRange(models.Func):
    """`tsrange(start, end)`: the end excluded, so that one stop may start when another ends."""

    function = "tsrange"
    output_field = models.Field()


def at(date_field, time_field):
    """A date and a time of the same row as one timestamp (PostgreSQL's `date + time`)."""
    return models.ExpressionWrapper(
        models.F(date_field) + models.F(time_field), output_field=models.DateTimeField()
    )


class BtreeGistExtension(operations.BtreeGistExtension):
    """PostgreSQL's `btree_gist` extension; elsewhere nothing to do, forwards and backwards."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
