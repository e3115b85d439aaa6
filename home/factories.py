import datetime
from decimal import Decimal

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from django.utils import timezone

from home.models import (
    AccessibilityStatementPage,
    BranchIndexPage,
    BranchPage,
    ContactFormField,
    ContactPage,
    HomePage,
    LegalNoticePage,
    MobileBranchPage,
    MobileStop,
    PrivacyPage,
    StandardPage,
)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Bibliothèques de la ville"
    slug = "accueil"
    intro = "Bienvenue dans vos bibliothèques."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page pratique {n}")
    summary = "Tout ce qu'il faut savoir."
    body = factory.LazyFunction(lambda: [("text", "<p>La bibliothèque est ouverte à toutes et à tous.</p>")])

    class Meta:
        model = StandardPage


def add_questions(page, questions):
    """Required questions, as (label, field type) pairs, added in order at the end of a contact form."""
    start = page.form_fields.count()
    for order, (label, field_type) in enumerate(questions, start=start):
        ContactFormField.objects.create(page=page, sort_order=order, label=label, field_type=field_type)


class ContactPageFactory(wagtail_factories.PageFactory):
    title = "Nous écrire"
    to_address = "accueil@bibliotheque.example"
    from_address = "site@bibliotheque.example"
    subject = "Message depuis le site"

    class Meta:
        model = ContactPage
        skip_postgeneration_save = True

    @factory.post_generation
    def questions(page, create, questions, **kwargs):
        if create and questions:
            add_questions(page, questions)


class BranchIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nos bibliothèques"
    slug = "bibliotheques"

    class Meta:
        model = BranchIndexPage


def tuesday_to_saturday():
    """A common pattern for a neighbourhood library, with a lunch break on Saturday."""
    days = [
        ("1", "10:00", "18:00"),
        ("2", "10:00", "18:00"),
        ("3", "14:00", "19:00"),
        ("4", "10:00", "18:00"),
        ("5", "10:00", "12:30"),
        ("5", "14:00", "17:00"),
    ]
    return [
        (
            "opening",
            {
                "weekday": day,
                "opens": datetime.time.fromisoformat(opens),
                "closes": datetime.time.fromisoformat(closes),
            },
        )
        for day, opens, closes in days
    ]


class BranchPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Bibliothèque {n}")
    street = factory.Sequence(lambda n: f"{n + 1} rue des Lilas")
    postcode = "44000"
    city = "Nantes"
    latitude = factory.Sequence(lambda n: Decimal("47.210000") + Decimal("0.004") * n)
    longitude = factory.Sequence(lambda n: Decimal("-1.550000") + Decimal("0.004") * n)
    phone = "02 40 00 00 00"
    email = "bibliotheque@example.org"
    weekly_hours = factory.LazyFunction(tuesday_to_saturday)

    class Meta:
        model = BranchPage


class MobileBranchPageFactory(wagtail_factories.PageFactory):
    title = "Bibliobus"
    vehicle = MobileBranchPage.Vehicle.BUS

    class Meta:
        model = MobileBranchPage


class MobileStopFactory(DjangoModelFactory):
    page = factory.SubFactory(MobileBranchPageFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=1))
    starts_at = datetime.time(10, 0)
    ends_at = datetime.time(12, 0)
    place = factory.Sequence(lambda n: f"Place du Marché {n}")
    address = "Place du Marché, Nantes"

    class Meta:
        model = MobileStop


def opening(weekday, opens, closes):
    """One line of `weekly_hours`: `opening(5, "10:00", "12:30")` is Saturday morning."""
    return (
        "opening",
        {
            "weekday": str(weekday),
            "opens": datetime.time.fromisoformat(opens),
            "closes": datetime.time.fromisoformat(closes),
        },
    )


def season(name, start_date, end_date, openings):
    """One block of `seasons`, its hours given as `opening(...)` lines."""
    return (
        "season",
        {
            "name": name,
            "start_date": start_date,
            "end_date": end_date,
            "hours": [value for _type, value in openings],
        },
    )


def hours_exception(start_date, reason, hours=(), end_date=None):
    """One block of `exceptions`; `hours` as ("10:00", "23:00") pairs, none for a closed day."""
    return (
        "exception",
        {
            "start_date": start_date,
            "end_date": end_date,
            "reason": reason,
            "hours": [
                {"opens": datetime.time.fromisoformat(opens), "closes": datetime.time.fromisoformat(closes)}
                for opens, closes in hours
            ],
        },
    )


class LegalNoticePageFactory(wagtail_factories.PageFactory):
    title = "Mentions légales"
    slug = "mentions-legales"
    publisher = (
        "<p>Ville de Bellerive-sur-Loire, 2 place de l'Hôtel-de-Ville, 44000 Bellerive-sur-Loire. "
        "Téléphone : 02 40 41 90 00.</p>"
    )
    publication_director = "Camille Durand, maire de Bellerive-sur-Loire"
    host = "<p>Service informatique de la ville, 2 place de l'Hôtel-de-Ville, 44000 Bellerive-sur-Loire.</p>"

    class Meta:
        model = LegalNoticePage


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    title = "Déclaration d'accessibilité"
    slug = "accessibilite-du-site"
    conformity = AccessibilityStatementPage.Conformity.PARTIAL
    compliance_rate = 82
    audit_date = datetime.date(2026, 11, 1)
    auditor = "Service numérique de la ville"
    audit_method = "<p>Quinze pages testées avec Firefox et NVDA, Safari et VoiceOver.</p>"
    non_compliant_content = "<ul><li>Certains documents PDF anciens n'ont pas de structure.</li></ul>"
    contact = "<p>Écrivez-nous par le formulaire de contact.</p>"
    statement_date = datetime.date(2026, 12, 1)

    class Meta:
        model = AccessibilityStatementPage


class PrivacyPageFactory(wagtail_factories.PageFactory):
    title = "Données personnelles"
    slug = "donnees-personnelles"
    controller = (
        "<p>La ville de Bellerive-sur-Loire, 2 place de l'Hôtel-de-Ville, 44000 Bellerive-sur-Loire.</p>"
    )
    processing = factory.LazyFunction(
        lambda: [
            (
                "processing",
                {
                    "purpose": "Répondre au formulaire de contact",
                    "data": "Nom, adresse e-mail, message",
                    "legal_basis": "Mission de service public",
                    "retention": "Un an au plus",
                    "recipients": "L'équipe d'accueil",
                },
            )
        ]
    )
    contact = "<p>Délégué à la protection des données : dpo@bellerive.example.</p>"

    class Meta:
        model = PrivacyPage
