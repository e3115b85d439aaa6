import datetime

from allauth.account.models import EmailAddress

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale, Page, Site
from wagtail.users.models import UserProfile

from home.factories import (
    BranchIndexPageFactory,
    BranchPageFactory,
    ContactPageFactory,
    HomePageFactory,
    MobileBranchPageFactory,
    MobileStopFactory,
    StandardPageFactory,
)
from home.models import BranchIndexPage, BranchPage, HomePage, MobileBranchPage, MobileStop
from portal.demo import content
from portal.demo.translate import export_strings, load_translations, translate_page
from portal.factories import AlertFactory, UserFactory
from portal.locales import default_locale
from portal.models import Alert, BrandingSettings, SocialLinks, User
from portal.staff import EDITORS, setup_groups

ADMIN_EMAIL = "admin@bibo.example"
ADMIN_PASSWORD = "bibo-admin-demo"  # noqa: S105  (a demo account on a laptop)
EDITOR_EMAIL = "redaction@bibo.example"
PATRON_EMAILS = ["lea.martin@example.org", "karim.benali@example.org", "oksana.kovalenko@example.org"]
DEMO_PASSWORD = "bibo-demo-2026"  # noqa: S105
STOP_WEEKS = 12


def _time(value):
    return datetime.time.fromisoformat(value)


def _openings(pattern):
    return [
        {"weekday": str(day), "opens": _time(opens), "closes": _time(closes)}
        for day, opens, closes in pattern
    ]


class Command(BaseCommand):
    help = "Build the demo library network, in French with translations. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo even though DEBUG is off (a benchmark or a test). Never in production.",
        )
        parser.add_argument(
            "--export-strings",
            metavar="FILE",
            help="Write the demo pages' French strings to FILE (JSON) for translators, then stop.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "The demo creates accounts with published passwords: it runs only with DEBUG on "
                "(make run), or with --force on a throw-away database."
            )
        with transaction.atomic():
            locales = self.ensure_locales()
            home = self.ensure_home()
            branches = self.ensure_branches(home)
            practical = self.ensure_practical_pages(home, branches)
            self.ensure_highlights(home, branches, practical)
            self.ensure_settings(home)
            self.ensure_alert()
            self.ensure_accounts(home)
        pages = [home, branches, *branches.get_children().specific(), *practical]
        if options["export_strings"]:
            count = export_strings(pages, options["export_strings"])
            self.stdout.write(f"{count} strings written to {options['export_strings']}.")
            return
        with transaction.atomic():
            self.translate(pages, locales)
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
        self.stdout.write(f"  Admin: http://127.0.0.1:8000/admin/  {ADMIN_EMAIL} / {ADMIN_PASSWORD}")
        self.stdout.write(f"  Editor: {EDITOR_EMAIL} / {DEMO_PASSWORD}")
        self.stdout.write(f"  Patrons: {', '.join(PATRON_EMAILS)} / {DEMO_PASSWORD}")

    def ensure_locales(self):
        return {
            code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES
        }

    def ensure_home(self):
        french = default_locale()
        home = HomePage.objects.filter(locale=french).first()
        if home is None:
            # The tree's root comes from Wagtail's migrations; `manage.py flush` removes it.
            root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
            # Wagtail's installation page, "Welcome to your new Wagtail site!", makes way.
            for page in root.get_children().exclude(content_type__model="homepage"):
                page.delete()
            home = HomePageFactory(
                parent=root,
                title="Bibliothèques de Bellerive",
                intro=(
                    "Lire, écouter, jouer, apprendre et se retrouver : huit bibliothèques ouvertes à toutes et à tous, "
                    "et un bus et une péniche qui viennent jusqu'à vous."
                ),
            )
            self.stdout.write("Home page created.")
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Bibo"},
        )
        return home

    def ensure_branches(self, home):
        index = BranchIndexPage.objects.child_of(home).first()
        if index is None:
            index = BranchIndexPageFactory(
                parent=home,
                intro="<p>Toutes les bibliothèques du réseau, leurs horaires du jour et leur accès.</p>",
                summary="Adresses, horaires et accessibilité des bibliothèques, du bibliobus et de la péniche.",
            )
        today = timezone.localdate()
        for data in content.BRANCHES:
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
                weekly_hours=[
                    ("opening", opening) for opening in _openings(content.WEEKLY_PATTERNS[data["hours"]])
                ],
                seasons=self.seasons_for(data, today),
                exceptions=self.exceptions_for(data, today),
                services=[
                    ("service", {"name": name, "description": text}) for name, text in data["services"]
                ],
                step_free_access=data["access"][0],
                induction_loop=data["access"][1],
                accessible_toilets=data["access"][2],
                adapted_collections=data["access"][3],
                accessibility_details=data["accessibility_details"],
            )
            self.stdout.write(f"Branch created: {data['title']}")
        for data in content.MOBILE_BRANCHES:
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
                self.stdout.write(f"Mobile branch created: {data['title']}")
            self.ensure_stops(page, data["stops"], today)
        return index

    def seasons_for(self, data, today):
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
                    "hours": _openings(content.SUMMER_PATTERN),
                },
            )
        ]

    def exceptions_for(self, data, today):
        exceptions = [
            ("exception", {"start_date": day, "end_date": None, "reason": reason, "hours": []})
            for year in (today.year, today.year + 1)
            for day, reason in content.public_holidays(year)
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

    def ensure_stops(self, page, stops, today):
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

    def ensure_practical_pages(self, home, branches):
        pages = []
        for data in content.PRACTICAL_PAGES:
            page = home.get_children().filter(slug=data["slug"]).specific().first()
            if page is None:
                body = []
                for block_type, value in data["body"]:
                    if block_type == "call_to_action":
                        value = {**value, "target": {"page": branches, "url": ""}}
                    body.append((block_type, value))
                page = StandardPageFactory(
                    parent=home, title=data["title"], slug=data["slug"], summary=data["summary"], body=body
                )
            pages.append(page)
        contact = home.get_children().filter(slug="nous-ecrire").specific().first()
        if contact is None:
            contact = ContactPageFactory(
                parent=home,
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

    def ensure_highlights(self, home, branches, practical):
        if home.highlights:
            return
        by_slug = {page.slug: page for page in practical}
        by_slug["branches"] = branches
        home.highlights = [
            ("highlight", {"page": by_slug[slug], "title": "", "text": "", "image": None})
            for slug in content.HOME_HIGHLIGHTS
        ]
        home.save_revision().publish()

    def ensure_settings(self, home):
        site = Site.objects.get(is_default_site=True)
        branding = BrandingSettings.for_site(site)
        if branding.library_name != "Bibliothèques de Bellerive":
            branding.library_name = "Bibliothèques de Bellerive"
            branding.tagline = "Lire, jouer, se retrouver"
            branding.save()
        social = SocialLinks.for_site(site)
        if not social.facebook:
            social.facebook = "https://www.facebook.com/bibliotheques.bellerive.example"
            social.save()

    def ensure_alert(self):
        if Alert.objects.exists():
            return
        AlertFactory(
            title="Canicule : horaires adaptés",
            message=(
                "Pendant l'alerte canicule, la médiathèque centrale reste ouverte jusqu'à 21 h : "
                "ses salles sont climatisées et de l'eau fraîche vous attend."
            ),
            level=Alert.Level.WARNING,
            starts_at=timezone.now() - datetime.timedelta(hours=1),
            ends_at=timezone.now() + datetime.timedelta(days=30),
        )

    def ensure_accounts(self, home):
        admin = User.objects.filter(email=ADMIN_EMAIL).first()
        if admin is None:
            admin = User.objects.create_superuser(
                username="admin", email=ADMIN_EMAIL, password=ADMIN_PASSWORD, display_name="Admin"
            )
        editors = next(group for group in setup_groups() if group.name == EDITORS)
        editor = UserFactory(email=EDITOR_EMAIL, display_name="Camille, rédaction", password=DEMO_PASSWORD)
        editor.groups.add(editors)
        for staff in (admin, editor):
            # The admin follows each person's choice, else their browser: the demo's staff work in French.
            profile = UserProfile.get_for_user(staff)
            if profile.preferred_language != "fr":
                profile.preferred_language = "fr"
                profile.save()
        for user in [
            admin,
            editor,
            *[UserFactory(email=email, password=DEMO_PASSWORD) for email in PATRON_EMAILS],
        ]:
            EmailAddress.objects.get_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )

    def translate(self, pages, locales):
        catalogues = load_translations()
        targets = [
            (page.pk, locale)
            for page in pages
            for code, locale in locales.items()
            if code != settings.LANGUAGE_CODE and not page.has_translation(locale)
        ]
        translated = set()
        # Twice: the first pass creates the pages, the second points their links to translations.
        for _pass in range(2):
            for page_pk, locale in targets:
                page = Page.objects.get(pk=page_pk).specific
                if translate_page(page, locale, catalogues.get(locale.language_code, {})):
                    translated.add((page_pk, locale.pk))
        self.stdout.write(f"{len(translated)} page translations made.")
