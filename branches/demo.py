"""The demo network's branches: eight buildings, the library bus and the library boat.

Facts only (codes, addresses, contact, accessibility, hours, stops); the pages that present
them in each language are `home.demo`'s. Dates follow the day the demo is loaded: public
holidays of this year and the next, summer hours of the coming summer, the bus's stops of the
next twelve weeks and the boat's from April to October, both skipping public holidays.
Safe to run again: what exists is left as it is, what is missing is added.
"""

import datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from branches.holidays import public_holidays
from branches.models import Branch, HoursException, Place, Reason, Season, StopPattern
from portal import demo
from portal.locales import default_locale

TRANSLATIONS_FILE = Path(__file__).with_name("demo_translations.json")

CITY = "Bellerive-sur-Loire"
BUS_WEEKS = 12
BOAT_SEASON = ((4, 1), (10, 31))  # from 1 April to 31 October

BRANCHES = [
    # code, street, postcode, latitude, longitude, phone, hours, access (step-free, loop, toilets, collections)
    ("mediatheque-centrale", "24 quai de la Fosse", "44000", "47.209400", "-1.563400", "02 40 41 95 95",
     "central", (True, True, True, True)),
    ("dervallieres", "5 rue Auguste-Renoir", "44100", "47.219300", "-1.595600", "02 40 41 53 70",
     "neighbourhood", (True, False, True, True)),
    ("manufacture", "2 rue Émile-Masson", "44000", "47.219800", "-1.536900", "02 40 41 42 10",
     "neighbourhood", (True, True, False, False)),
    ("chantenay", "41 rue des Réformes", "44100", "47.202100", "-1.598300", "02 40 41 56 20",
     "neighbourhood", (False, False, False, True)),
    ("bellevue", "1 place Mendès-France", "44100", "47.210700", "-1.617000", "02 40 41 57 00",
     "late", (True, True, True, True)),
    ("doulon", "30 rue de la Basse-Chénaie", "44300", "47.227900", "-1.515000", "02 40 41 59 30",
     "small", (True, False, False, False)),
    ("halveque", "12 rue Henri-Bergson", "44300", "47.246100", "-1.523300", "02 40 41 58 40",
     "small", (True, True, True, False)),
    ("herblain-nord", "8 avenue des Lilas", "44800", "47.231500", "-1.620800", "02 40 41 60 60",
     "closed_for_works", (True, True, True, True)),
]  # fmt: skip

NAMES = {
    "mediatheque-centrale": "Médiathèque centrale Jacques-Demy",
    "dervallieres": "Bibliothèque des Dervallières",
    "manufacture": "Bibliothèque de la Manufacture",
    "chantenay": "Bibliothèque de Chantenay",
    "bellevue": "Bibliothèque de Bellevue",
    "doulon": "Bibliothèque de Doulon",
    "halveque": "Bibliothèque de la Halvêque",
    "herblain-nord": "Bibliothèque de Saint-Herblain-Nord",
    "bibliobus": "Le Bibliobus",
    "peniche": "La Péniche-Bibliothèque",
}

VEHICLES = [
    # code, kind, phone, stops: (weekday, start, end, place, directions, latitude, longitude)
    (
        "bibliobus",
        Branch.Kind.BUS,
        "02 40 41 95 60",
        [
            (1, "09:30", "12:00", "Place du Marché de Zola", "Place Émile-Zola", "47.215300", "-1.577900"),
            (1, "14:00", "17:30", "Saint-Herblain-Nord", "Avenue des Lilas, devant la bibliothèque fermée",
             "47.231400", "-1.620500"),
            (3, "10:00", "12:30", "École Port-Boyer", "Rue du Port-Boyer", None, None),
            (4, "15:00", "18:30", "Centre social de la Boissière", "Rue de la Boissière", None, None),
        ],
    ),
    (
        "peniche",
        Branch.Kind.BOAT,
        "02 40 41 95 61",
        [
            (2, "14:00", "18:00", "Quai Ceineray", "Quai Ceineray, au pied des escaliers", "47.222300", "-1.553600"),
            (5, "10:00", "13:00", "Île de Versailles", "Ponton de l'île de Versailles", "47.226600", "-1.554800"),
            (6, "10:00", "17:00", "Trentemoult", "Quai Marcel-Boissard, Rezé", "47.194100", "-1.566500"),
        ],
    ),
]  # fmt: skip

WEEKLY_PATTERNS = {
    "central": [(d, "10:00", "19:00") for d in (1, 2, 3, 4, 5)] + [(6, "14:00", "18:00")],
    "neighbourhood": [
        (1, "14:00", "18:00"),
        (2, "10:00", "12:30"),
        (2, "14:00", "18:00"),
        (4, "14:00", "18:00"),
        (5, "10:00", "12:30"),
        (5, "14:00", "17:00"),
    ],
    "late": [
        (1, "12:00", "19:00"),
        (2, "10:00", "19:00"),
        (3, "12:00", "21:00"),
        (4, "12:00", "19:00"),
        (5, "10:00", "18:00"),
    ],
    "small": [(2, "10:00", "12:00"), (2, "14:00", "18:00"), (5, "10:00", "12:30")],
    "closed_for_works": [],
}

SUMMER_PATTERN = [(2, "10:00", "13:00"), (2, "14:00", "18:00"), (5, "10:00", "13:00")]


def _time(value):
    return datetime.time.fromisoformat(value)


def _week(pattern):
    return [
        ("opening", {"weekday": str(day), "opens": _time(opens), "closes": _time(closes)})
        for day, opens, closes in pattern
    ]


def _reason(text):
    return Reason.objects.get_or_create(text=text, locale=default_locale())[0]


def load(*, stdout):
    today = timezone.localdate()
    for code, street, postcode, latitude, longitude, phone, pattern, access in BRANCHES:
        branch, created = Branch.objects.get_or_create(
            code=code,
            defaults={
                "name": NAMES[code],
                "street": street,
                "postcode": postcode,
                "city": CITY,
                "latitude": latitude,
                "longitude": longitude,
                "phone": phone,
                "email": f"{code}@bibliotheques.bellerive.example",
                "step_free_access": access[0],
                "induction_loop": access[1],
                "accessible_toilets": access[2],
                "adapted_collections": access[3],
                "weekly_hours": _week(WEEKLY_PATTERNS[pattern]),
            },
        )
        if created:
            stdout.write(f"Branch created: {branch.name}")
        ensure_hours(branch, pattern, today)
    for code, kind, phone, stops in VEHICLES:
        branch, created = Branch.objects.get_or_create(
            code=code,
            defaults={
                "name": NAMES[code],
                "kind": kind,
                "phone": phone,
                "email": f"{code}@bibliotheques.bellerive.example",
                "step_free_access": kind == Branch.Kind.BUS,
            },
        )
        if created:
            stdout.write(f"Mobile branch created: {branch.name}")
        first, last = stop_dates(kind, today)
        for weekday, starts, ends, name, directions, latitude, longitude in stops:
            place = Place.objects.filter(name=name, locale=default_locale()).first() or Place.objects.create(
                name=name, address=directions, latitude=latitude, longitude=longitude, locale=default_locale()
            )
            pattern = StopPattern.objects.filter(branch=branch, weekday=weekday, place=place).first()
            if pattern is None:
                pattern = StopPattern(branch=branch, weekday=weekday, place=place)
            if pattern.pk is None or pattern.last_date < last:
                pattern.starts_at, pattern.ends_at = _time(starts), _time(ends)
                pattern.first_date, pattern.last_date = first, last
                pattern.save()
    translate_words(stdout)


def stop_dates(kind, today):
    """The bus runs the next twelve weeks; the boat from April to October, this year's or the next."""
    if kind == Branch.Kind.BUS:
        return today, today + datetime.timedelta(weeks=BUS_WEEKS)
    (first_month, first_day), (last_month, last_day) = BOAT_SEASON
    year = today.year if today <= datetime.date(today.year, last_month, last_day) else today.year + 1
    return max(today, datetime.date(year, first_month, first_day)), datetime.date(year, last_month, last_day)


def ensure_hours(branch, pattern, today):
    for year in (today.year, today.year + 1):
        for day, name in public_holidays(year):
            if day >= today - datetime.timedelta(days=7):
                HoursException.objects.get_or_create(
                    branch=branch, start_date=day, defaults={"reason": _reason(name)}
                )
    if pattern in {"neighbourhood", "small"}:
        year = today.year if today <= datetime.date(today.year, 8, 29) else today.year + 1
        start, end = datetime.date(year, 7, 7), datetime.date(year, 8, 29)
        if not Season.objects.filter(branch=branch, start_date__lte=end, end_date__gte=start).exists():
            Season.objects.create(
                branch=branch,
                name=_reason("Horaires d'été"),
                start_date=start,
                end_date=end,
                hours=_week(SUMMER_PATTERN),
            )
    if pattern == "closed_for_works" and not branch.exceptions.filter(end_date__isnull=False).exists():
        HoursException.objects.create(
            branch=branch,
            start_date=today - datetime.timedelta(days=60),
            end_date=datetime.date(today.year + 1, 4, 30),
            reason=_reason("Fermée pour travaux"),
        )
    if pattern == "central":
        night = datetime.date(today.year + 1, 1, 23)
        HoursException.objects.get_or_create(
            branch=branch,
            start_date=night,
            defaults={
                "reason": _reason("Nuit de la lecture"),
                "hours": [("opening", {"opens": _time("10:00"), "closes": _time("00:30")})],
            },
        )


def translate_words(stdout):
    """The reasons and season names in every language the demo's catalogue has them in.

    Stop places keep their French names: proper names, shown marked as French elsewhere.
    """
    catalogues = demo.load_translations(TRANSLATIONS_FILE)
    made = 0
    for reason in Reason.objects.filter(locale=default_locale()):
        for code, locale in demo.locales().items():
            if code != settings.LANGUAGE_CODE and not reason.has_translation(locale):
                made += demo.translate_page(reason, locale, catalogues.get(code, {}))
    if made:
        stdout.write(f"{made} translations of reasons made.")
