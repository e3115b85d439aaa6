"""Every interface string of the portal has a translation in every enabled language.

Strings are extracted from the project's own Python files and templates (templates through
Django's own `templatize`, as `makemessages` does), so a new string without a translation
fails here even if nobody ran `makemessages`.
"""

import io
from pathlib import Path

import polib
import pytest
from babel.messages.extract import extract_python

from django.conf import settings
from django.utils.translation import to_locale
from django.utils.translation.template import templatize

BASE_DIR = Path(settings.BASE_DIR)
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}


def _messages_from_python(source):
    for _lineno, _func, message, _comments in extract_python(
        io.BytesIO(source.encode()), KEYWORDS.keys(), [], {}
    ):
        if isinstance(message, tuple):
            if _func.startswith(("pgettext", "npgettext")):
                yield message[0], message[1]
            else:
                yield None, message[0]
        else:
            yield None, message


def project_apps():
    """Every app of the project that is installed: a new app's strings cannot escape this test."""
    from portal.apps import project_apps

    return [Path(app.path) for app in project_apps()]


def project_messages():
    found = {}
    for app_dir in project_apps():
        for path in app_dir.rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for context, msgid in _messages_from_python(path.read_text()):
                if msgid:
                    found.setdefault((context, msgid), str(path.relative_to(BASE_DIR)))
        for path in app_dir.rglob("templates/**/*"):
            if path.suffix not in {".html", ".txt"}:
                continue
            code = templatize(path.read_text(), origin=str(path))
            for context, msgid in _messages_from_python(code):
                if msgid:
                    found.setdefault((context, msgid), str(path.relative_to(BASE_DIR)))
    return found


def test_extraction_covers_every_installed_app_of_the_project():
    assert {path.name for path in project_apps()} >= {"portal", "branches", "home"}


def test_extraction_finds_the_strings_of_the_portal():
    messages = project_messages()
    assert (None, "Skip to content") in messages
    assert (None, "This page is not translated yet") in messages
    assert len(messages) > 100


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_interface_string_is_translated(language):
    po_path = BASE_DIR / "locale" / to_locale(language) / "LC_MESSAGES" / "django.po"
    assert po_path.exists(), f"no catalogue for {language}: run make messages"
    catalogue = {
        (entry.msgctxt, entry.msgid): entry for entry in polib.pofile(str(po_path)) if not entry.obsolete
    }
    missing = []
    for key, where in sorted(project_messages().items(), key=lambda item: item[1]):
        entry = catalogue.get(key)
        if entry is None or not entry.translated() or "fuzzy" in entry.flags:
            missing.append(f"{where}: {key[1]!r}")
    assert not missing, f"{len(missing)} string(s) without a {language} translation:\n" + "\n".join(missing)
