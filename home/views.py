"""The branches' hours for other sites and tools: JSON and iCalendar, outside language prefixes.

Addresses use the branches' stable codes (the slugs of the French pages answer too); `?lang=en`
gives titles and page addresses of that language's public translations where they exist, and
the reasons, season names and stop places in that language where translators gave them.
"""

import datetime
from http import HTTPStatus

import icalendar

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from wagtail.models import Locale

from branches import hours
from home.models import BranchPage, MobileBranchPage
from home.models.branches import listed_branches
from portal.locales import default_locale, locale_for
from portal.restrictions import private_q

MAX_AGE = 300
API_DAYS = 7
CALENDAR_WEEKS = 8
LANGUAGES = {code for code, _name in settings.LANGUAGES}


def _cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _not_found():
    return _cors(
        JsonResponse(
            {"error": "not_found", "detail": "No branch has this slug."}, status=HTTPStatus.NOT_FOUND
        )
    )


def _language(request):
    lang = request.GET.get("lang", "").lower()
    return lang if lang in LANGUAGES else None


def _words_locale(lang):
    """The locale whose words (reasons, places) the API gives: `lang`'s, else French."""
    try:
        return locale_for(lang) if lang else default_locale()
    except Locale.DoesNotExist:
        return default_locale()


def _translations(pages, lang):
    """The live, public translations of `pages` in `lang`, by translation key: one query per page type."""
    if not lang or lang == settings.LANGUAGE_CODE:
        return {}
    found = {}
    for model in (BranchPage, MobileBranchPage):
        sources = {page.translation_key: page for page in pages if isinstance(page, model)}
        if not sources:
            continue
        translations = (
            model.objects.live()
            .exclude(private_q())
            .filter(translation_key__in=sources, locale__language_code=lang)
            .select_related("locale")
        )
        for translated in translations:
            found[translated.translation_key] = translated
    return found


def _find(slug, words_locale):
    """The live French page of the branch with this code (or this French slug); None when there is none."""
    locale = default_locale()
    for model in (BranchPage, MobileBranchPage):
        queryset = model.objects.listed(locale).filter(Q(branch__code=slug) | Q(slug=slug))
        if model is MobileBranchPage:
            queryset = queryset.with_upcoming_stops(hours.current_time(), words_locale)
        else:
            queryset = queryset.with_hours(words_locale)
        pages = sorted(queryset, key=lambda page: page.branch.code != slug)
        if pages:
            return pages[0]
    return None


def _interval(interval):
    return {"opens": interval.start.isoformat(), "closes": interval.end.isoformat()}


def _stop(stop):
    position = {"latitude": stop.latitude, "longitude": stop.longitude} if stop.has_position else None
    return {
        "date": stop.date.isoformat(),
        "starts_at": stop.start.isoformat(),
        "ends_at": stop.end.isoformat(),
        "place": stop.place,
        "address": stop.address,
        "position": position,
    }


def branch_data(page, request, now, translation_page=None):
    """One branch as the API shows it; `translation_page` gives the title and address of a translation."""
    shown = translation_page or page
    branch = page.branch
    data = {
        "id": page.pk,
        "slug": page.slug,
        "type": branch.status_kind,
        "title": shown.title,
        "url": shown.get_full_url(request),
        "phone": branch.phone,
        "email": branch.email,
        "links": {
            "json": request.build_absolute_uri(reverse("branch_json", kwargs={"slug": branch.code})),
            "ics": request.build_absolute_uri(reverse("branch_ical", kwargs={"slug": branch.code})),
        },
    }
    if branch.status_kind == "branch":
        timetable = branch.timetable()
        data["address"] = {"street": branch.street, "postcode": branch.postcode, "city": branch.city}
        data["position"] = branch.position(now)
        data["status"] = hours.branch_status(timetable, now).as_json()
        data["days"] = [
            {
                "date": day.date.isoformat(),
                "intervals": [_interval(interval) for interval in day.intervals],
                "reason": day.reason,
            }
            for day in hours.week_hours(timetable, now.date(), API_DAYS)
        ]
    else:
        stops = branch.upcoming_stops(now)
        status = hours.mobile_status(stops, now)
        horizon = now + datetime.timedelta(days=API_DAYS)
        data["vehicle"] = branch.kind
        data["address"] = None
        data["position"] = branch.position(now)
        data["status"] = status.as_json()
        data["stops"] = [_stop(stop) for stop in stops if hours.instant(stop.start) < hours.instant(horizon)]
    return data


@require_safe
@cache_control(max_age=MAX_AGE, public=True)
def branches_json(request):
    now = hours.current_time()
    lang = _language(request)
    pages = listed_branches(default_locale(), now=now, words_locale=_words_locale(lang))
    translations = _translations(pages, lang)
    branches = [branch_data(page, request, now, translations.get(page.translation_key)) for page in pages]
    return _cors(JsonResponse({"generated_at": now.isoformat(), "branches": branches}))


@require_safe
@cache_control(max_age=MAX_AGE, public=True)
def branch_json(request, slug):
    lang = _language(request)
    page = _find(slug, _words_locale(lang))
    if page is None:
        return _not_found()
    now = hours.current_time()
    translations = _translations([page], lang)
    return _cors(JsonResponse(branch_data(page, request, now, translations.get(page.translation_key))))


def _calendar_events(page, shown, request, now):
    """`page` is the French page, `shown` the one whose title the calendar uses."""
    host = request.get_host().split(":")[0]
    title = shown.title
    branch = page.branch
    if branch.status_kind == "branch":
        address = f"{branch.street}, {branch.postcode} {branch.city}"
        position = branch.position(now)
        timetable = branch.timetable()
        for day in hours.week_hours(timetable, now.date(), CALENDAR_WEEKS * 7):
            for interval in day.intervals:
                event = icalendar.Event.new(
                    uid=f"{page.translation_key}-{interval.start.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}@{host}",
                    start=interval.start,
                    end=interval.end,
                    stamp=now.astimezone(datetime.UTC),
                    summary=gettext("%(branch)s: open") % {"branch": title},
                    description=day.reason or None,
                    location=address,
                )
                if position:
                    event.add("geo", (position["latitude"], position["longitude"]))
                yield event
    else:
        horizon = now + datetime.timedelta(weeks=CALENDAR_WEEKS)
        for stop in branch.upcoming_stops(now):
            if hours.instant(stop.start) >= hours.instant(horizon):
                break
            event = icalendar.Event.new(
                uid=f"stop-{stop.id}@{host}",
                start=stop.start,
                end=stop.end,
                stamp=now.astimezone(datetime.UTC),
                summary=gettext("%(branch)s at %(place)s") % {"branch": title, "place": stop.place},
                location=", ".join(part for part in (stop.place, stop.address) if part),
            )
            if stop.has_position:
                event.add("geo", (stop.latitude, stop.longitude))
            yield event


@require_safe
@cache_control(max_age=MAX_AGE, public=True)
def branch_ical(request, slug):
    lang = _language(request) or settings.LANGUAGE_CODE
    page = _find(slug, _words_locale(lang))
    if page is None:
        return _not_found()
    now = hours.current_time()
    shown = _translations([page], lang).get(page.translation_key) or page
    with translation.override(lang):
        calendar = icalendar.Calendar.new(
            name=gettext("%(branch)s: opening hours") % {"branch": shown.title},
            prodid="-//Bibo//Branch hours//EN",
            uid=f"branch-{page.translation_key}",
            url=shown.get_full_url(request),
            refresh_interval=datetime.timedelta(days=1),
            subcomponents=list(_calendar_events(page, shown, request, now)),
        )
    calendar.add_missing_timezones(
        first_date=now.date() - datetime.timedelta(days=1),
        last_date=now.date() + datetime.timedelta(weeks=CALENDAR_WEEKS + 1),
    )
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{page.branch.code}.ics"'
    return _cors(response)
