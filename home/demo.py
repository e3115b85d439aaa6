"""The demo network's pages: a fictional city, Bellerive-sur-Loire, and its libraries.

The home page, the branch list with the eight buildings, the bus and the boat and their
stops, the practical pages and the contact form, in French, translated through
wagtail-localize with the strings of `demo_translations.json`. Called by `manage.py
load_demo` after the portal's own demo (languages, site, accounts).
"""

import datetime
from pathlib import Path

from django.utils import timezone

from home.factories import (
    AccessibilityStatementPageFactory,
    BranchIndexPageFactory,
    BranchPageFactory,
    ContactPageFactory,
    HomePageFactory,
    LegalNoticePageFactory,
    MobileBranchPageFactory,
    MobileStopFactory,
    PrivacyPageFactory,
    StandardPageFactory,
)
from home.models import (
    AccessibilityStatementPage,
    BranchIndexPage,
    BranchPage,
    HomePage,
    MobileBranchPage,
    MobileStop,
)
from portal import demo
from portal.locales import default_locale

TRANSLATIONS_FILE = Path(__file__).with_name("demo_translations.json")
# The legal pages' strings, in their own catalogue: they change with the law, not with the branches.
LEGAL_TRANSLATIONS_FILE = Path(__file__).with_name("demo_legal_translations.json")
STOP_WEEKS = 12


def load(*, stdout):
    home = ensure_home(stdout)
    demo.set_site_root(home)
    branches = ensure_branches(home, stdout)
    practical = ensure_practical_pages(home, branches)
    ensure_highlights(home, branches, practical)
    legal = ensure_legal_pages(home)
    pages = [home, branches, *branches.get_children().specific(), *practical, *legal]
    catalogues = demo.load_translations(TRANSLATIONS_FILE)
    for code, strings in demo.load_translations(LEGAL_TRANSLATIONS_FILE).items():
        catalogues[code] = {**catalogues.get(code, {}), **strings}
    demo.translate_pages(pages, catalogues, stdout=stdout)


def _time(value):
    return datetime.time.fromisoformat(value)


def _openings(pattern):
    return [
        {"weekday": str(day), "opens": _time(opens), "closes": _time(closes)}
        for day, opens, closes in pattern
    ]


def ensure_home(stdout):
    french = default_locale()
    home = HomePage.objects.filter(locale=french).first()
    if home is None:
        home = HomePageFactory(
            parent=demo.root_page(),
            title="Bibliothèques de Bellerive",
            intro=(
                "Lire, écouter, jouer, apprendre et se retrouver : huit bibliothèques ouvertes à toutes et à tous, "
                "et un bus et une péniche qui viennent jusqu'à vous."
            ),
        )
        stdout.write("Home page created.")
    return home


def ensure_branches(home, stdout):
    index = BranchIndexPage.objects.child_of(home).first()
    if index is None:
        index = BranchIndexPageFactory(
            parent=home,
            show_in_menus=True,
            intro="<p>Toutes les bibliothèques du réseau, leurs horaires du jour et leur accès.</p>",
            summary="Adresses, horaires et accessibilité des bibliothèques, du bibliobus et de la péniche.",
        )
    today = timezone.localdate()
    for data in BRANCHES:
        if BranchPage.objects.filter(slug=data["slug"], locale=home.locale).exists():
            continue
        BranchPageFactory(
            parent=index,
            title=data["title"],
            slug=data["slug"],
            street=data["street"],
            postcode=data["postcode"],
            city="Bellerive-sur-Loire",
            latitude=data["latitude"],
            longitude=data["longitude"],
            phone=data["phone"],
            email=f"{data['slug']}@bibliotheques.bellerive.example",
            summary=data["intro"],
            intro=f"<p>{data['intro']}</p>",
            weekly_hours=[("opening", opening) for opening in _openings(WEEKLY_PATTERNS[data["hours"]])],
            seasons=seasons_for(data, today),
            exceptions=exceptions_for(data, today),
            services=[("service", {"name": name, "description": text}) for name, text in data["services"]],
            step_free_access=data["access"][0],
            induction_loop=data["access"][1],
            accessible_toilets=data["access"][2],
            adapted_collections=data["access"][3],
            accessibility_details=data["accessibility_details"],
        )
        stdout.write(f"Branch created: {data['title']}")
    for data in MOBILE_BRANCHES:
        page = MobileBranchPage.objects.filter(slug=data["slug"], locale=home.locale).first()
        if page is None:
            page = MobileBranchPageFactory(
                parent=index,
                title=data["title"],
                slug=data["slug"],
                vehicle=data["vehicle"],
                phone=data["phone"],
                email=f"{data['slug']}@bibliotheques.bellerive.example",
                summary=data["intro"],
                intro=f"<p>{data['intro']}</p>",
                step_free_access=data["vehicle"] == "bus",
            )
            stdout.write(f"Mobile branch created: {data['title']}")
        ensure_stops(page, data["stops"], today)
    return index


def seasons_for(data, today):
    if data["hours"] not in {"neighbourhood", "small"}:
        return []
    year = today.year if today.month <= 8 else today.year + 1
    return [
        (
            "season",
            {
                "name": "Horaires d'été",
                "start_date": datetime.date(year, 7, 7),
                "end_date": datetime.date(year, 8, 29),
                "hours": _openings(SUMMER_PATTERN),
            },
        )
    ]


def exceptions_for(data, today):
    exceptions = [
        ("exception", {"start_date": day, "end_date": None, "reason": reason, "hours": []})
        for year in (today.year, today.year + 1)
        for day, reason in public_holidays(year)
        if day >= today - datetime.timedelta(days=7)
    ]
    if data["hours"] == "closed_for_works":
        exceptions.insert(
            0,
            (
                "exception",
                {
                    "start_date": today - datetime.timedelta(days=60),
                    "end_date": datetime.date(today.year + 1, 4, 30),
                    "reason": "Fermée pour travaux",
                    "hours": [],
                },
            ),
        )
    if data["hours"] == "central":
        night = datetime.date(today.year + 1, 1, 23)
        exceptions.append(
            (
                "exception",
                {
                    "start_date": night,
                    "end_date": None,
                    "reason": "Nuit de la lecture",
                    "hours": [{"opens": _time("10:00"), "closes": _time("00:30")}],
                },
            )
        )
    return exceptions


def ensure_stops(page, stops, today):
    monday = today - datetime.timedelta(days=today.weekday())
    for week in range(STOP_WEEKS):
        for weekday, starts, ends, place, address in stops:
            date = monday + datetime.timedelta(weeks=week, days=weekday)
            if date < today or MobileStop.objects.filter(page=page, date=date, place=place).exists():
                continue
            MobileStopFactory(
                page=page,
                date=date,
                starts_at=_time(starts),
                ends_at=_time(ends),
                place=place,
                address=address,
            )


def ensure_practical_pages(home, branches):
    pages = []
    for data in PRACTICAL_PAGES:
        page = home.get_children().filter(slug=data["slug"]).specific().first()
        if page is None:
            body = []
            for block_type, value in data["body"]:
                if block_type == "call_to_action":
                    value = {**value, "target": {"page": branches, "url": ""}}
                body.append((block_type, value))
            page = StandardPageFactory(
                parent=home,
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                body=body,
                show_in_menus=True,
            )
        pages.append(page)
    contact = home.get_children().filter(slug="nous-ecrire").specific().first()
    if contact is None:
        contact = ContactPageFactory(
            parent=home,
            show_in_menus=True,
            slug="nous-ecrire",
            summary="Une question, une suggestion d'achat, une remarque ? Écrivez-nous.",
            intro="<p>Nous répondons sous trois jours ouvrés.</p>",
            thank_you_text="<p>Merci ! Nous vous répondons sous trois jours ouvrés.</p>",
            questions=[
                ("Votre nom", "singleline"),
                ("Votre adresse e-mail", "email"),
                ("Votre message", "multiline"),
            ],
        )
    pages.append(contact)
    return pages


def ensure_legal_pages(home):
    """The legal notices, the accessibility statement and the personal data page."""
    pages = []
    for factory, fields in LEGAL_PAGES:
        model = factory._meta.model
        page = model.objects.child_of(home).first()
        if page is None:
            if model is AccessibilityStatementPage:
                # An audit a month before the demo is loaded, never one in the future.
                today = timezone.localdate()
                fields = {
                    **fields,
                    "audit_date": today - datetime.timedelta(days=30),
                    "statement_date": today,
                }
            page = factory(parent=home, **fields)
        pages.append(page)
    return pages


def ensure_highlights(home, branches, practical):
    if home.highlights:
        return
    by_slug = {page.slug: page for page in practical}
    by_slug["branches"] = branches
    home.highlights = [
        ("highlight", {"page": by_slug[slug], "title": "", "text": "", "image": None})
        for slug in HOME_HIGHLIGHTS
    ]
    home.save_revision().publish()


BRANCHES = [
    {
        "title": "Médiathèque centrale Jacques-Demy",
        "slug": "mediatheque-centrale",
        "street": "24 quai de la Fosse",
        "postcode": "44000",
        "latitude": "47.209400",
        "longitude": "-1.563400",
        "phone": "02 40 41 95 95",
        "intro": "La plus grande bibliothèque du réseau : quatre étages, un espace jeux vidéo et un auditorium.",
        "hours": "central",
        "services": [
            ("Wi-Fi gratuit", "Dans tout le bâtiment."),
            ("Espace jeux vidéo", "Consoles et PC, sur réservation."),
        ],
        "access": (True, True, True, True),
        "accessibility_details": "Entrée de plain-pied côté quai, ascenseur vers tous les étages.",
    },
    {
        "title": "Bibliothèque des Dervallières",
        "slug": "dervallieres",
        "street": "5 rue Auguste-Renoir",
        "postcode": "44100",
        "latitude": "47.219300",
        "longitude": "-1.595600",
        "phone": "02 40 41 53 70",
        "intro": "Une bibliothèque de quartier avec un grand coin pour les tout-petits.",
        "hours": "neighbourhood",
        "services": [("Coin des tout-petits", "Albums, tapis et coussins.")],
        "access": (True, False, True, True),
        "accessibility_details": "",
    },
    {
        "title": "Bibliothèque de la Manufacture",
        "slug": "manufacture",
        "street": "2 rue Émile-Masson",
        "postcode": "44000",
        "latitude": "47.219800",
        "longitude": "-1.536900",
        "phone": "02 40 41 42 10",
        "intro": "Installée dans l'ancienne manufacture des tabacs, elle accueille un atelier numérique.",
        "hours": "neighbourhood",
        "services": [("Atelier numérique", "Aide aux démarches en ligne le mercredi.")],
        "access": (True, True, False, False),
        "accessibility_details": "",
    },
    {
        "title": "Bibliothèque de Chantenay",
        "slug": "chantenay",
        "street": "41 rue des Réformes",
        "postcode": "44100",
        "latitude": "47.202100",
        "longitude": "-1.598300",
        "phone": "02 40 41 56 20",
        "intro": "Au cœur du village de Chantenay, avec un jardin de lecture ouvert l'été.",
        "hours": "neighbourhood",
        "services": [("Jardin de lecture", "De juin à septembre.")],
        "access": (False, False, False, True),
        "accessibility_details": "Trois marches à l'entrée ; une rampe amovible est disponible sur demande.",
    },
    {
        "title": "Bibliothèque de Bellevue",
        "slug": "bellevue",
        "street": "1 place Mendès-France",
        "postcode": "44100",
        "latitude": "47.210700",
        "longitude": "-1.617000",
        "phone": "02 40 41 57 00",
        "intro": "Une bibliothèque lumineuse, avec un fonds en langues étrangères.",
        "hours": "late",
        "services": [
            ("Livres en langues étrangères", "Arabe, turc, ukrainien, chinois, portugais, espagnol.")
        ],
        "access": (True, True, True, True),
        "accessibility_details": "",
    },
    {
        "title": "Bibliothèque de Doulon",
        "slug": "doulon",
        "street": "30 rue de la Basse-Chénaie",
        "postcode": "44300",
        "latitude": "47.227900",
        "longitude": "-1.515000",
        "phone": "02 40 41 59 30",
        "intro": "Une petite bibliothèque où l'on se connaît toutes et tous.",
        "hours": "small",
        "services": [("Club de lecture", "Le premier samedi du mois.")],
        "access": (True, False, False, False),
        "accessibility_details": "",
    },
    {
        "title": "Bibliothèque de la Halvêque",
        "slug": "halveque",
        "street": "12 rue Henri-Bergson",
        "postcode": "44300",
        "latitude": "47.246100",
        "longitude": "-1.523300",
        "phone": "02 40 41 58 40",
        "intro": "Des bandes dessinées à perte de vue et un club manga.",
        "hours": "small",
        "services": [("Club manga", "Le mercredi après-midi.")],
        "access": (True, True, True, False),
        "accessibility_details": "",
    },
    {
        "title": "Bibliothèque de Saint-Herblain-Nord",
        "slug": "herblain-nord",
        "street": "8 avenue des Lilas",
        "postcode": "44800",
        "latitude": "47.231500",
        "longitude": "-1.620800",
        "phone": "02 40 41 60 60",
        "intro": "Fermée pour travaux jusqu'au printemps : le bibliobus passe devant chaque mardi.",
        "hours": "closed_for_works",
        "services": [],
        "access": (True, True, True, True),
        "accessibility_details": "",
    },
]

MOBILE_BRANCHES = [
    {
        "title": "Le Bibliobus",
        "slug": "bibliobus",
        "vehicle": "bus",
        "phone": "02 40 41 95 60",
        "intro": "Le bus qui apporte des livres dans les quartiers éloignés d'une bibliothèque.",
        "stops": [
            # (weekday, start, end, place, address)
            (1, "09:30", "12:00", "Place du Marché de Zola", "Place Émile-Zola"),
            (1, "14:00", "17:30", "Saint-Herblain-Nord", "Avenue des Lilas, devant la bibliothèque fermée"),
            (3, "10:00", "12:30", "École Port-Boyer", "Rue du Port-Boyer"),
            (4, "15:00", "18:30", "Centre social de la Boissière", "Rue de la Boissière"),
        ],
    },
    {
        "title": "La Péniche-Bibliothèque",
        "slug": "peniche",
        "vehicle": "boat",
        "phone": "02 40 41 95 61",
        "intro": "Une péniche chargée de livres qui remonte l'Erdre et la Loire d'avril à octobre.",
        "stops": [
            (2, "14:00", "18:00", "Quai Ceineray", "Quai Ceineray, au pied des escaliers"),
            (5, "10:00", "13:00", "Île de Versailles", "Ponton de l'île de Versailles"),
            (6, "10:00", "17:00", "Trentemoult", "Quai Marcel-Boissard, Rezé"),
        ],
    },
]

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


def public_holidays(year):
    """French public holidays, Easter-based ones included (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    easter = datetime.date(year, month, day + 1)
    return [
        (datetime.date(year, 1, 1), "Jour de l'an"),
        (easter + datetime.timedelta(days=1), "Lundi de Pâques"),
        (datetime.date(year, 5, 1), "Fête du Travail"),
        (datetime.date(year, 5, 8), "Victoire 1945"),
        (easter + datetime.timedelta(days=39), "Ascension"),
        (easter + datetime.timedelta(days=50), "Lundi de Pentecôte"),
        (datetime.date(year, 7, 14), "Fête nationale"),
        (datetime.date(year, 8, 15), "Assomption"),
        (datetime.date(year, 11, 1), "Toussaint"),
        (datetime.date(year, 11, 11), "Armistice 1918"),
        (datetime.date(year, 12, 25), "Noël"),
    ]


PRACTICAL_PAGES = [
    {
        "title": "S'inscrire",
        "slug": "s-inscrire",
        "summary": "L'inscription est gratuite pour toutes et tous. Elle se fait en bibliothèque ou en ligne.",
        "body": [
            (
                "text",
                "<h2>Qui peut s'inscrire ?</h2><p>Tout le monde, quel que soit l'âge ou le lieu de résidence. "
                "Les moins de 14 ans viennent avec un adulte.</p>",
            ),
            (
                "text",
                "<h2>Ce qu'il faut apporter</h2><ul><li>une pièce d'identité ;</li>"
                "<li>pour les mineurs, l'autorisation d'un parent.</li></ul>",
            ),
            (
                "call_to_action",
                {"text": "Trouver une bibliothèque", "target": {"page": "branches", "url": ""}},
            ),
        ],
    },
    {
        "title": "Emprunter et rendre",
        "slug": "emprunter-et-rendre",
        "summary": "Combien de documents, pour combien de temps, et comment les rendre dans n'importe quelle bibliothèque.",
        "body": [
            (
                "text",
                "<p>Avec votre carte, vous empruntez jusqu'à 20 documents pour quatre semaines, "
                "dans toutes les bibliothèques du réseau. Les automates de prêt lisent la puce de votre carte "
                "et de vos documents.</p>",
            ),
            (
                "table",
                {
                    "table_caption": "Durée des prêts",
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                    "data": [
                        ["Document", "Nombre", "Durée"],
                        ["Livres et revues", "15", "4 semaines"],
                        ["Films et musique", "2", "2 semaines"],
                        ["Jeux vidéo", "2", "2 semaines"],
                        ["Liseuses", "1", "4 semaines"],
                    ],
                },
            ),
            (
                "accordion",
                {
                    "items": [
                        {
                            "title": "Que se passe-t-il si je rends un document en retard ?",
                            "body": "<p>Vous recevez un rappel. Après six semaines de retard, votre carte est suspendue "
                            "jusqu'au retour des documents.</p>",
                        },
                        {
                            "title": "Puis-je prolonger un prêt ?",
                            "body": (
                                "<p>Oui, une fois, depuis votre compte ou à l'accueil, "
                                "si personne n'a réservé le document.</p>"
                            ),
                        },
                    ]
                },
            ),
            (
                "quote",
                {
                    "quote": "Une bibliothèque, c'est le carrefour de tous les rêves de l'humanité.",
                    "attribution": "Julien Green",
                },
            ),
        ],
    },
    {
        "title": "Accessibilité",
        "slug": "accessibilite",
        "summary": "Ce que les bibliothèques proposent aux personnes handicapées, et ce qu'il reste à améliorer.",
        "body": [
            (
                "text",
                "<p>Chaque fiche de bibliothèque indique l'accès de plain-pied, la boucle magnétique et les "
                "collections adaptées : livres en gros caractères, livres audio, livres faciles à lire.</p>",
            ),
        ],
    },
]

HOME_HIGHLIGHTS = ["s-inscrire", "emprunter-et-rendre", "branches", "accessibilite"]


TOWN_HALL = "Hôtel de ville, 2 place de la Mairie, 44000 Bellerive-sur-Loire"

LEGAL_PAGES = [
    (
        LegalNoticePageFactory,
        {
            "title": "Mentions légales",
            "slug": "mentions-legales",
            "summary": "Qui publie ce site, qui en est responsable et qui l'héberge.",
            "publisher": f"<p>Ville de Bellerive-sur-Loire, direction des bibliothèques.</p><p>{TOWN_HALL}.</p>",
            "publication_director": "Camille Durand, maire de Bellerive-sur-Loire",
            "host": f"<p>Direction du numérique de la ville de Bellerive-sur-Loire.</p><p>{TOWN_HALL}.</p>",
            "body": [
                (
                    "text",
                    "<h2>Photographies et textes</h2><p>Les textes et les photographies de ce site "
                    "appartiennent à la ville, sauf mention contraire. Vous pouvez les citer en indiquant la source.</p>",
                )
            ],
        },
    ),
    (
        AccessibilityStatementPageFactory,
        {
            "title": "Accessibilité : partiellement conforme",
            "slug": "declaration-accessibilite",
            "summary": "Ce qui est accessible sur ce site, ce qui ne l'est pas encore, et comment obtenir de l'aide.",
            "compliance_rate": 82,
            "auditor": "la direction du numérique de la ville",
            "audit_method": "<p>Quinze pages testées avec Firefox et NVDA, Safari et VoiceOver, "
            "et les outils axe et WAVE.</p>",
            "non_compliant_content": "<ul><li>Certains documents PDF publiés avant 2024 n'ont pas de structure "
            "lisible par un lecteur d'écran.</li><li>La carte des bibliothèques ne se parcourt pas au clavier ; "
            "la liste des bibliothèques, juste en dessous, donne les mêmes informations.</li></ul>",
            "derogations": "",
            "exempt_content": "<p>Les documents bureautiques publiés avant le 23 septembre 2018.</p>",
            "contact": "<p>Écrivez-nous par le formulaire de contact, ou à l'accueil de n'importe quelle "
            "bibliothèque.</p>",
        },
    ),
    (
        PrivacyPageFactory,
        {
            "title": "Données personnelles",
            "slug": "donnees-personnelles",
            "summary": "Ce que nous savons de vous, pourquoi, combien de temps, et à qui vous adresser.",
            "controller": f"<p>La ville de Bellerive-sur-Loire.</p><p>{TOWN_HALL}.</p>",
            "processing": [
                (
                    "processing",
                    {
                        "purpose": "Répondre à vos messages",
                        "data": "Votre nom, votre adresse e-mail et votre message",
                        "legal_basis": "Mission de service public",
                        "retention": "Un an au plus",
                        "recipients": "L'équipe d'accueil des bibliothèques",
                    },
                ),
                (
                    "processing",
                    {
                        "purpose": "Gérer votre compte",
                        "data": "Votre adresse e-mail et votre mot de passe, chiffré",
                        "legal_basis": "Mission de service public",
                        "retention": "Tant que le compte existe",
                        "recipients": "Les bibliothécaires",
                    },
                ),
            ],
            "contact": "<p>Pour exercer vos droits, écrivez à la déléguée à la protection des données de la ville "
            "par le formulaire de contact, ou par courrier à l'hôtel de ville.</p>",
            "cookies": "<p>Le site dépose deux cookies nécessaires à son fonctionnement : la langue choisie, "
            "et la session quand vous êtes connecté. Aucun cookie de mesure d'audience ni de publicité.</p>",
        },
    ),
]
