"""What public pages read of the page tree, remembered by each process while the tree stays the same.

Every public page asks the same questions of the tree: which site and home page, which page
an address leads to, the menu and footer links, the translations of the page shown, the
private sections, the library's name. Their answers change only when a page, a view
restriction, a site, a language or the name does; asking the database again on every
request is what made pages slow.

Database triggers (installed after every `migrate`, below) write a new token into the one
`portal_treeversion` row whenever those tables change, in the same transaction as the change,
whoever makes it: the admin, wagtail-localize, a bulk `update()`, a script, another process.
A request reads the token once (one indexed read); the process keeps its answers for that
token only, so every change reaches every process at its next request, whatever the cache
backend. This is not a page cache: each page's own content is read for every request.

- SQLite: row triggers; SQLite writes one transaction at a time.
- PostgreSQL: deferred constraint triggers, run at commit, so that the version row is locked
  only while a transaction commits and two editors' transactions cannot deadlock on it. The
  token comes from a sequence: never the same twice, even after a rollback.

A thread that has changed those tables in a transaction not yet committed keeps its answers
under a version of its own until the commit, never under the committed token (a rollback
would otherwise leave answers about pages that never existed).
"""

import secrets
import threading

from django.core.signals import request_finished, request_started
from django.db import connection, connections, transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from wagtail.models import Locale, Page, PageViewRestriction, Site

from portal.memory import forgetter, memory
from portal.models import CustomImage, IdentityWords, TreeVersion

VERSION_TABLE = TreeVersion._meta.db_table
# The page tree, its privacy, the sites and languages, the library's name shown on every page,
# and the images that pages show (a rendition goes only with a change of its image). Apps add
# the models that their listings show (`watch`).
WATCHED = (Page, PageViewRestriction, Site, Locale, IdentityWords, CustomImage)
_watched = list(WATCHED)
LIMIT = 5000  # answers kept per process at most (addresses are the many ones)

_answers = memory("portal.tree")
_thread = threading.local()
_UNREAD = object()


def version():
    """The tree's current version.

    The token is read once per request. A thread with changes of its own not committed yet
    gets a version of its own that changes with each of them, seen by no other request.
    """
    token = getattr(_thread, "token", _UNREAD)
    if token is _UNREAD:
        token = _read_token()
        if getattr(_thread, "in_request", False):
            _thread.token = token
    changes = getattr(_thread, "changes", 0)
    if not changes:
        return token
    # The savepoints open now: after a rollback to one of them, the version is a new one again.
    return (token, changes, tuple(connection.savepoint_ids))


def _read_token():
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token FROM {VERSION_TABLE} WHERE id = 1")  # noqa: S608 (a constant)
        row = cursor.fetchone()
        if row is None:
            # The tables were emptied (a test database flushed): start again from a token never seen.
            cursor.execute(
                f"INSERT INTO {VERSION_TABLE} (id, token) VALUES (1, %s) ON CONFLICT (id) DO NOTHING",  # noqa: S608
                [secrets.randbits(62)],
            )
            cursor.execute(f"SELECT token FROM {VERSION_TABLE} WHERE id = 1")  # noqa: S608
            row = cursor.fetchone()
    return row[0]


def remembered(key, compute):
    """`compute()`, or its answer for the same `key` while the tree has not changed.

    What `compute` returns is shared by every later request of the process: plain values or
    objects that callers copy before changing them.
    """
    token = version()
    current = _answers.get("current")
    if current is None or current[0] != token:
        # A new dictionary per token: a thread still working for the old token writes there.
        current = _answers["current"] = (token, {})
    answers = current[1]
    try:
        return answers[key]
    except KeyError:
        value = compute()
        if len(answers) < LIMIT:
            answers[key] = value
        return value


def watch(*models):
    """Make a change to any row of `models` a change of the tree's version, like a page's.

    For an app whose rows public pages show and `remembered` keeps (the branches' hours on
    the list of branches): call it from the app's `AppConfig.ready()`. The triggers are
    installed on their tables at the next `migrate`.
    """
    _watched.extend(model for model in models if model not in _watched)


def watched():
    return tuple(_watched)


@forgetter
def forget():
    _thread.__dict__.clear()


@receiver(request_started)
def _request_started(**kwargs):
    _thread.in_request = True
    _thread.token = _UNREAD


@receiver(request_finished)
def _request_finished(**kwargs):
    _thread.in_request = False
    _thread.token = _UNREAD
    if not connection.in_atomic_block:
        _thread.changes = 0  # committed or rolled back by now


def _committed():
    _thread.changes = 0
    _thread.token = _UNREAD


@receiver([post_save, post_delete])
def _tree_changed(sender, **kwargs):
    if not issubclass(sender, watched()):
        return
    _thread.token = _UNREAD
    if connection.in_atomic_block:
        _thread.changes = getattr(_thread, "changes", 0) + 1
        transaction.on_commit(_committed)


# The triggers -----------------------------------------------------------------------------


# Table names come from the models, never from input.
def _sqlite_statements(tables):
    for table in tables:
        for event in ("INSERT", "UPDATE", "DELETE"):
            yield (
                f"CREATE TRIGGER IF NOT EXISTS portal_tree_{table}_{event.lower()} AFTER {event} ON {table} "  # noqa: S608
                f"BEGIN INSERT OR REPLACE INTO {VERSION_TABLE} (id, token) VALUES (1, random()); END"
            )


def _postgresql_statements(tables):
    yield "CREATE SEQUENCE IF NOT EXISTS portal_tree_version_tokens"
    yield f"""
        CREATE OR REPLACE FUNCTION portal_raise_tree_version() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO {VERSION_TABLE} (id, token) VALUES (1, nextval('portal_tree_version_tokens'))
            ON CONFLICT (id) DO UPDATE SET token = EXCLUDED.token;
            RETURN NULL;
        END $$
    """  # noqa: S608
    for table in tables:
        yield f"DROP TRIGGER IF EXISTS portal_tree_version ON {table}"
        yield (
            f"CREATE CONSTRAINT TRIGGER portal_tree_version AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION portal_raise_tree_version()"
        )


def install_triggers(using="default"):
    """Create the triggers (again): a migration that rebuilds a table drops its triggers with it.

    Only on the watched tables that exist: a database migrated back before an app has none.
    """
    target = connections[using]
    statements = {"sqlite": _sqlite_statements, "postgresql": _postgresql_statements}.get(target.vendor)
    if statements is None:
        return
    existing = set(target.introspection.table_names())
    tables = [model._meta.db_table for model in _watched if model._meta.db_table in existing]
    with target.cursor() as cursor:
        for statement in statements(tables):
            cursor.execute(statement)


@receiver(post_migrate)
def _migrated(sender, using="default", plan=None, **kwargs):
    if sender.name != "portal":
        return
    if VERSION_TABLE in connections[using].introspection.table_names():
        install_triggers(using)
