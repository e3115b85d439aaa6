import datetime

import factory
import wagtail_factories

from branches.factories import (
    BranchFactory,
    HoursExceptionFactory,
    PlaceFactory,
    ReasonFactory,
    SeasonFactory,
    StopFactory,
    VehicleFactory,
    opening,
    time_ranges,
    tuesday_to_saturday,
)
from home.models import (
    AccessibilityStatementPage,
    BranchIndexPage,
    BranchPage,
    ContactFormField,
    ContactPage,
    HomePage,
    LegalNoticePage,
    MobileBranchPage,
    PrivacyPage,
    StandardPage,
)

__all__ = ["opening", "tuesday_to_saturday"]


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


# What a branch page used to hold itself: given to a page factory, it goes to the page's branch.
BRANCH_FIELDS = {
    "street",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "phone",
    "email",
    "step_free_access",
    "induction_loop",
    "accessible_toilets",
    "adapted_collections",
    "weekly_hours",
}


class BranchPageFactory(wagtail_factories.PageFactory):
    """A branch page and, unless `branch` is given, its branch (facts given here go to the branch).

    `seasons=[season(...)]` and `exceptions=[hours_exception(...)]` become the branch's rows.
    """

    title = factory.Sequence(lambda n: f"Bibliothèque {n}")
    branch_factory = BranchFactory

    class Meta:
        model = BranchPage
        exclude = ["branch_factory"]

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        kwargs = super()._adjust_kwargs(**kwargs)
        seasons = kwargs.pop("seasons", ())
        exceptions = kwargs.pop("exceptions", ())
        facts = {name: kwargs.pop(name) for name in list(kwargs) if name in BRANCH_FIELDS}
        if kwargs.get("vehicle"):
            facts["kind"] = kwargs.pop("vehicle")
        if kwargs.get("branch") is None:
            if kwargs.get("slug"):
                facts["code"] = kwargs["slug"]
            facts.setdefault("name", kwargs["title"])
            kwargs["branch"] = cls.branch_factory(**facts)
        branch = kwargs["branch"]
        for spec in seasons:
            SeasonFactory(branch=branch, **spec)
        for spec in exceptions:
            HoursExceptionFactory(branch=branch, **spec)
        return kwargs


class MobileBranchPageFactory(BranchPageFactory):
    title = "Bibliobus"
    branch_factory = VehicleFactory

    class Meta:
        model = MobileBranchPage


def MobileStopFactory(
    page=None, *, place=None, address="Place du Marché, Nantes", latitude=None, longitude=None, **fields
):  # noqa: N802
    """A stop of the vehicle of `page` (a mobile branch page) at a place made for it."""
    branch = page.branch if page is not None else VehicleFactory()
    place_fields = {"address": address, "latitude": latitude, "longitude": longitude}
    if place is not None:
        place_fields["name"] = place
    return StopFactory(branch=branch, place=PlaceFactory(**place_fields), **fields)


def _create_batch(count, **fields):
    """`count` stops one after the other (a vehicle is at one stop at a time): 20 minutes each from 8:00."""
    stops = []
    for number in range(count):
        start = datetime.datetime.combine(datetime.date.min, datetime.time(8)) + datetime.timedelta(
            minutes=20 * number
        )
        times = {"starts_at": start.time(), "ends_at": (start + datetime.timedelta(minutes=15)).time()}
        stops.append(MobileStopFactory(**{**times, **fields}))
    return stops


MobileStopFactory.create_batch = _create_batch


def season(name, start_date, end_date, openings):
    """A season for `BranchPageFactory(seasons=[...])`, its hours given as `opening(...)` lines."""
    return {
        "name": ReasonFactory(text=name),
        "start_date": start_date,
        "end_date": end_date,
        "hours": list(openings),
    }


def hours_exception(start_date, reason, hours=(), end_date=None):
    """An exception for `BranchPageFactory(exceptions=[...])`; `hours` as ("10:00", "23:00") pairs."""
    return {
        "start_date": start_date,
        "end_date": end_date,
        "reason": ReasonFactory(text=reason),
        "hours": time_ranges(hours),
    }


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
