"""Carry the branches entered as pages into `branches` rows: a library that entered them loses nothing.

For each group of translations of a branch page, one `Branch` from the French page (else the
oldest): address, position, contact, accessibility, weekly hours, seasons, exceptions, and for
the bus and the boat their stops. The reasons and season names become `Reason` snippets, one per
French text, with the words translators had given them on translated pages as their
translations; stop places become `Place` snippets. Every translation then points at its branch,
and so do the page revisions and the stored translation sources, so that an old draft or a
translation made later keeps the link.

Before, the first season listed won where two overlapped, and two stops of one vehicle could
overlap; the database now refuses both: a later season keeps only its days not covered by an
earlier one, and a stop overlapping an earlier one of the same vehicle is left out.
"""

import datetime
import json
import uuid

from django.conf import settings
from django.core.management.color import no_style
from django.db import migrations

SOURCE_LANGUAGE = settings.LANGUAGE_CODE


def _items(items):
    # ListBlock items are stored as {"type": "item", "value": …}; older data as bare values.
    return [item["value"] if isinstance(item, dict) and item.get("type") == "item" else item for item in items or ()]


def _children(stream, block_type):
    return [child for child in (stream.raw_data if stream is not None else []) if child["type"] == block_type]


def _date(value):
    if not value:
        return None
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def _openings(values, block_type="opening"):
    return [{"type": block_type, "value": value, "id": str(uuid.uuid4())} for value in values if isinstance(value, dict)]


def _without(start, end, taken):
    """The parts of [start, end] not covered by the ranges of `taken` (all days included)."""
    pieces = [(start, end)]
    for taken_start, taken_end in taken:
        kept = []
        for piece_start, piece_end in pieces:
            if taken_end < piece_start or taken_start > piece_end:
                kept.append((piece_start, piece_end))
                continue
            if piece_start < taken_start:
                kept.append((piece_start, taken_start - datetime.timedelta(days=1)))
            if piece_end > taken_end:
                kept.append((taken_end + datetime.timedelta(days=1), piece_end))
        pieces = kept
    return pieces


class Carrier:
    def __init__(self, apps):
        self.apps = apps
        self.Locale = apps.get_model("wagtailcore", "Locale")
        self.Branch = apps.get_model("branches", "Branch")
        self.Reason = apps.get_model("branches", "Reason")
        self.Place = apps.get_model("branches", "Place")
        self.Season = apps.get_model("branches", "Season")
        self.HoursException = apps.get_model("branches", "HoursException")
        self.Stop = apps.get_model("branches", "Stop")
        self.MobileStop = apps.get_model("home", "MobileStop")
        self.source_locale = self.Locale.objects.filter(language_code=SOURCE_LANGUAGE).first()
        self.reasons = {}
        self.places = {}
        self.codes = set(self.Branch.objects.values_list("code", flat=True))

    def reason(self, text, source_page):
        text = (text or "").strip()
        if not text:
            return None
        locale_id = source_page.locale_id
        key = (text, locale_id)
        if key not in self.reasons:
            reason = self.Reason.objects.filter(text=text, locale_id=locale_id).first()
            if reason is None:
                reason = self.Reason.objects.create(text=text, locale_id=locale_id, translation_key=uuid.uuid4())
            self.reasons[key] = reason
        return self.reasons[key]

    def translate_reason(self, reason, text, locale_id):
        text = (text or "").strip()
        if reason is None or not text or text == reason.text or locale_id == reason.locale_id:
            return
        if not self.Reason.objects.filter(translation_key=reason.translation_key, locale_id=locale_id).exists():
            self.Reason.objects.create(text=text, locale_id=locale_id, translation_key=reason.translation_key)

    def place(self, stop, locale_id):
        key = (stop.place, stop.address, stop.latitude, stop.longitude)
        if key not in self.places:
            self.places[key] = self.Place.objects.create(
                name=stop.place,
                address=stop.address,
                latitude=stop.latitude,
                longitude=stop.longitude,
                locale_id=locale_id,
                translation_key=uuid.uuid4(),
            )
        return self.places[key]

    def code(self, slug):
        code, number = slug[:40], 2
        while code in self.codes:
            code = f"{slug[:36]}-{number}"
            number += 1
        self.codes.add(code)
        return code

    def carry(self, model, kind_of):
        pages = list(model.objects.order_by("pk"))
        groups = {}
        for page in pages:
            groups.setdefault(page.translation_key, []).append(page)
        links = {}
        for group in groups.values():
            source = next(
                (page for page in group if self.source_locale and page.locale_id == self.source_locale.pk), group[0]
            )
            branch = self.branch(source, kind_of(source))
            if model._meta.model_name == "branchpage":
                self.hours(branch, source, [page for page in group if page is not source])
            else:
                self.stops(branch, source)
            for page in group:
                links[page.pk] = branch.pk
        for page_pk, branch_pk in links.items():
            model.objects.filter(pk=page_pk).update(branch_id=branch_pk)
        return links

    def branch(self, page, kind):
        fields = {
            "code": self.code(page.slug),
            "name": page.title,
            "kind": kind,
            "phone": page.phone,
            "email": page.email,
            "step_free_access": page.step_free_access,
            "induction_loop": page.induction_loop,
            "accessible_toilets": page.accessible_toilets,
            "adapted_collections": page.adapted_collections,
        }
        if kind == "building":
            latitude, longitude = page.latitude, page.longitude
            if latitude is None or longitude is None:
                latitude = longitude = None
            fields.update(
                street=page.street,
                postcode=page.postcode,
                city=page.city,
                latitude=latitude,
                longitude=longitude,
                weekly_hours=json.dumps(
                    [
                        {"type": "opening", "value": child["value"], "id": child.get("id") or str(uuid.uuid4())}
                        for child in _children(page.weekly_hours, "opening")
                    ]
                ),
            )
        return self.Branch.objects.create(**fields)

    def hours(self, branch, source, translations):
        words = {}  # block id -> [(locale, text)], the translators' words
        for page in translations:
            for block_type, field in (("season", "name"), ("exception", "reason")):
                stream = page.seasons if block_type == "season" else page.exceptions
                for child in _children(stream, block_type):
                    if child.get("id") and isinstance(child["value"], dict):
                        words.setdefault(child["id"], []).append((page.locale_id, child["value"].get(field)))
        taken = []
        for child in _children(source.seasons, "season"):
            value = child["value"]
            start, end = _date(value.get("start_date")), _date(value.get("end_date"))
            if not start or not end or end < start:
                continue
            name = self.reason(value.get("name"), source)
            for locale_id, text in words.get(child.get("id"), ()):
                self.translate_reason(name, text, locale_id)
            for piece_start, piece_end in _without(start, end, taken):
                self.Season.objects.create(
                    branch=branch,
                    name=name,
                    start_date=piece_start,
                    end_date=piece_end,
                    hours=json.dumps(_openings(_items(value.get("hours")))),
                )
            taken.append((start, end))
        for child in _children(source.exceptions, "exception"):
            value = child["value"]
            start, end = _date(value.get("start_date")), _date(value.get("end_date"))
            if not start or (end and end < start):
                continue
            reason = self.reason(value.get("reason"), source)
            for locale_id, text in words.get(child.get("id"), ()):
                self.translate_reason(reason, text, locale_id)
            self.HoursException.objects.create(
                branch=branch,
                start_date=start,
                end_date=end,
                reason=reason,
                hours=json.dumps(_openings(_items(value.get("hours")))),
            )

    def stops(self, branch, source):
        kept = []
        for stop in self.MobileStop.objects.filter(page_id=source.pk).order_by("date", "starts_at", "pk"):
            if any(
                other.date == stop.date and other.starts_at < stop.ends_at and stop.starts_at < other.ends_at
                for other in kept
            ):
                continue
            kept.append(stop)
            # The same id: calendars know a stop by it (its iCalendar UID).
            self.Stop.objects.create(
                pk=stop.pk,
                branch=branch,
                date=stop.date,
                starts_at=stop.starts_at,
                ends_at=stop.ends_at,
                place=self.place(stop, source.locale_id),
            )


def _relink_stored_content(apps, model_name, links):
    """Revisions and translation sources hold the page's content as JSON: give them the branch too."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="home", model=model_name).first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type, object_id__in=[str(pk) for pk in links]):
        branch = links.get(int(revision.object_id))
        if branch is not None:
            revision.content = {**revision.content, "branch": branch}
            revision.save(update_fields=["content"])
    try:
        TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    except LookupError:
        return
    for source in TranslationSource.objects.filter(specific_content_type=content_type):
        content = json.loads(source.content_json)
        branch = links.get(content.get("pk"))
        if branch is not None:
            content["branch"] = branch
            source.content_json = json.dumps(content, cls=_Encoder)
            source.save(update_fields=["content_json"])


class _Encoder(json.JSONEncoder):
    def default(self, o):
        return str(o)


def carry_branches(apps, schema_editor):
    carrier = Carrier(apps)
    BranchPage = apps.get_model("home", "BranchPage")
    MobileBranchPage = apps.get_model("home", "MobileBranchPage")
    links = carrier.carry(BranchPage, lambda page: "building")
    _relink_stored_content(apps, "branchpage", links)
    links = carrier.carry(MobileBranchPage, lambda page: page.vehicle if page.vehicle in {"bus", "boat"} else "bus")
    _relink_stored_content(apps, "mobilebranchpage", links)
    # Stops kept their ids: the next new stop's id comes after them.
    connection = schema_editor.connection
    for sql in connection.ops.sequence_reset_sql(no_style(), [apps.get_model("branches", "Stop")]):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_branch_link"),
        ("branches", "0001_initial"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(carry_branches, migrations.RunPython.noop)]
