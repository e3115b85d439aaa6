"""The demo network's pages: a fictional city, Bellerive-sur-Loire, and its libraries.

The home page, the branch list with a page for each of the eight buildings, the bus and the
boat (the branches themselves, their hours and stops, are `branches.demo`'s), the practical
pages and the contact form, in French, translated through wagtail-localize with the strings
of `demo_translations.json`. Called by `manage.py
load_demo` after the portal's own demo (languages, site, accounts).
"""

import datetime
from pathlib import Path

from django.utils import timezone

from branches.models import Branch
from home.factories import (
    AccessibilityStatementPageFactory,
    BranchIndexPageFactory,
    BranchPageFactory,
    ContactPageFactory,
    HomePageFactory,
    LegalNoticePageFactory,
    MobileBranchPageFactory,
    PrivacyPageFactory,
    StandardPageFactory,
)
from home.models import AccessibilityStatementPage, BranchIndexPage, BranchPage, HomePage, MobileBranchPage
from portal import demo
from portal.locales import default_locale

TRANSLATIONS_FILE = Path(__file__).with_name("demo_translations.json")
# The legal pages' strings, in their own catalogue: they change with the law, not with the branches.
LEGAL_TRANSLATIONS_FILE = Path(__file__).with_name("demo_legal_translations.json")


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
    """The list of branches and a page for each branch of `branches.demo`, which ran before."""
    index = BranchIndexPage.objects.child_of(home).first()
    if index is None:
        index = BranchIndexPageFactory(
            parent=home,
            show_in_menus=True,
            intro="<p>Toutes les bibliothèques du réseau, leurs horaires du jour et leur accès.</p>",
            summary="Adresses, horaires et accessibilité des bibliothèques, du bibliobus et de la péniche.",
        )
    for data in [*BRANCHES, *MOBILE_BRANCHES]:
        model = MobileBranchPage if data in MOBILE_BRANCHES else BranchPage
        if model.objects.filter(slug=data["slug"], locale=home.locale).exists():
            continue
        factory = MobileBranchPageFactory if model is MobileBranchPage else BranchPageFactory
        factory(
            parent=index,
            branch=Branch.objects.get(code=data["slug"]),
            title=data["title"],
            slug=data["slug"],
            summary=data["intro"],
            intro=f"<p>{data['intro']}</p>",
            services=[
                ("service", {"name": name, "description": text}) for name, text in data.get("services", ())
            ],
            accessibility_details=data.get("accessibility_details", ""),
        )
        stdout.write(f"Branch page created: {data['title']}")
    return index


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
        "intro": "La plus grande bibliothèque du réseau : quatre étages, un espace jeux vidéo et un auditorium.",
        "services": [
            ("Wi-Fi gratuit", "Dans tout le bâtiment."),
            ("Espace jeux vidéo", "Consoles et PC, sur réservation."),
        ],
        "accessibility_details": "Entrée de plain-pied côté quai, ascenseur vers tous les étages.",
    },
    {
        "title": "Bibliothèque des Dervallières",
        "slug": "dervallieres",
        "intro": "Une bibliothèque de quartier avec un grand coin pour les tout-petits.",
        "services": [("Coin des tout-petits", "Albums, tapis et coussins.")],
        "accessibility_details": "",
    },
    {
        "title": "Bibliothèque de la Manufacture",
        "slug": "manufacture",
        "intro": "Installée dans l'ancienne manufacture des tabacs, elle accueille un atelier numérique.",
        "services": [("Atelier numérique", "Aide aux démarches en ligne le mercredi.")],
        "accessibility_details": "",
    },
    {
        "title": "Bibliothèque de Chantenay",
        "slug": "chantenay",
        "intro": "Au cœur du village de Chantenay, avec un jardin de lecture ouvert l'été.",
        "services": [("Jardin de lecture", "De juin à septembre.")],
        "accessibility_details": "Trois marches à l'entrée ; une rampe amovible est disponible sur demande.",
    },
    {
        "title": "Bibliothèque de Bellevue",
        "slug": "bellevue",
        "intro": "Une bibliothèque lumineuse, avec un fonds en langues étrangères.",
        "services": [
            ("Livres en langues étrangères", "Arabe, turc, ukrainien, chinois, portugais, espagnol.")
        ],
        "accessibility_details": "",
    },
    {
        "title": "Bibliothèque de Doulon",
        "slug": "doulon",
        "intro": "Une petite bibliothèque où l'on se connaît toutes et tous.",
        "services": [("Club de lecture", "Le premier samedi du mois.")],
        "accessibility_details": "",
    },
    {
        "title": "Bibliothèque de la Halvêque",
        "slug": "halveque",
        "intro": "Des bandes dessinées à perte de vue et un club manga.",
        "services": [("Club manga", "Le mercredi après-midi.")],
        "accessibility_details": "",
    },
    {
        "title": "Bibliothèque de Saint-Herblain-Nord",
        "slug": "herblain-nord",
        "intro": "Fermée pour travaux jusqu'au printemps : le bibliobus passe devant chaque mardi.",
        "services": [],
        "accessibility_details": "",
    },
]

MOBILE_BRANCHES = [
    {
        "title": "Le Bibliobus",
        "slug": "bibliobus",
        "intro": "Le bus qui apporte des livres dans les quartiers éloignés d'une bibliothèque.",
    },
    {
        "title": "La Péniche-Bibliothèque",
        "slug": "peniche",
        "intro": "Une péniche chargée de livres qui remonte l'Erdre et la Loire d'avril à octobre.",
    },
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
