"""The pages French law asks of a public site: legal notices, accessibility, personal data.

Each has the structure its text must follow (LCEN article 6, the RGAA model statement, the
GDPR's articles 13 and 14), so that an editor fills in facts instead of writing a legal text
from memory. The parts that are the same for every French public body (the remedies, the
rights of the people concerned) are written once in the template, in every language.
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import BodyBlock
from portal.models import BasePage

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class LegalPage(BasePage):
    """One per language, under the home page, linked from every footer."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True


class LegalNoticePage(LegalPage):
    publisher = RichTextField(
        _("publisher"),
        features=TEXT_FEATURES,
        help_text=_(
            "Who publishes the site: the city or the network's legal name, postal address, "
            "telephone number, e-mail address and SIRET number."
        ),
    )
    publication_director = models.CharField(
        _("publication director"),
        max_length=200,
        help_text=_("Name and position of the person responsible for publication, usually the mayor."),
    )
    host = RichTextField(
        _("host"),
        features=TEXT_FEATURES,
        help_text=_("Who hosts the site: company name, postal address and telephone number."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("more information"),
        help_text=_("For example credits for photos, intellectual property, links to other sites."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("publisher"),
        FieldPanel("publication_director"),
        FieldPanel("host"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("publisher"), index.SearchField("body")]
    footer_order = 30

    class Meta:
        verbose_name = _("legal notices")


class AccessibilityStatementPage(LegalPage):
    """The accessibility statement of the RGAA (French accessibility framework, WCAG-based)."""

    class Conformity(models.TextChoices):
        FULL = "full", _("fully compliant")
        PARTIAL = "partial", _("partially compliant")
        NONE = "none", _("not compliant")

    conformity = models.CharField(
        _("conformity status"),
        max_length=10,
        choices=Conformity.choices,
        default=Conformity.PARTIAL,
        help_text=_(
            "Fully compliant: every RGAA criterion is met. Partially compliant: at least half "
            "are. Not compliant: less than half, or no audit yet."
        ),
    )
    compliance_rate = models.PositiveSmallIntegerField(
        _("criteria met (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("The percentage of RGAA criteria met, from the audit. Leave empty without an audit."),
    )
    rgaa_version = models.CharField(_("RGAA version"), max_length=20, default="4.1.2")
    audit_date = models.DateField(_("audit date"), null=True, blank=True)
    auditor = models.CharField(
        _("audited by"),
        max_length=200,
        blank=True,
        help_text=_("The company or service that carried out the audit."),
    )
    audit_method = RichTextField(
        _("how the audit was made"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("The pages tested, the browsers and screen readers used, the tools."),
    )
    non_compliant_content = RichTextField(
        _("non-compliant content"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("What does not meet the criteria yet, and when it will be fixed."),
    )
    derogations = RichTextField(
        _("derogations for disproportionate burden"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Content left inaccessible because fixing it would cost too much, with the reason."),
    )
    exempt_content = RichTextField(
        _("content not subject to the obligation"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_(
            "For example documents published before 23 September 2018, or maps with a text alternative."
        ),
    )
    contact = RichTextField(
        _("feedback and contact"),
        features=TEXT_FEATURES,
        help_text=_(
            "How to tell the library about a barrier and get the content in another form: "
            "e-mail address, contact form, telephone, postal address."
        ),
    )
    statement_date = models.DateField(_("date of this statement"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("conformity"), FieldPanel("compliance_rate"), FieldPanel("rgaa_version")]
                ),
                FieldRowPanel([FieldPanel("audit_date"), FieldPanel("statement_date")]),
                FieldPanel("auditor"),
                FieldPanel("audit_method"),
            ],
            heading=_("Conformity and audit"),
        ),
        FieldPanel("non_compliant_content"),
        FieldPanel("derogations"),
        FieldPanel("exempt_content"),
        FieldPanel("contact"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("non_compliant_content")]
    override_translatable_fields = [SynchronizedField("rgaa_version")]
    footer_order = 40

    class Meta:
        verbose_name = _("accessibility statement")


class ProcessingBlock(blocks.StructBlock):
    purpose = blocks.CharBlock(
        label=_("purpose"), max_length=200, help_text=_("Why, for example “Answering the contact form”.")
    )
    data = blocks.TextBlock(
        label=_("data collected"), help_text=_("For example: name, e-mail address, message.")
    )
    legal_basis = blocks.CharBlock(
        label=_("legal basis"),
        required=False,
        max_length=200,
        help_text=_("For example: public service mission, consent."),
    )
    retention = blocks.CharBlock(
        label=_("kept for"), max_length=200, help_text=_("For example: one year after the last message.")
    )
    recipients = blocks.CharBlock(
        label=_("who sees it"),
        required=False,
        max_length=200,
        help_text=_("For example: the reception team."),
    )

    class Meta:
        icon = "lock"
        label = _("Processing of personal data")
        template = "home/blocks/processing.html"
        description = _("One use of personal data: what, why, how long, who sees it.")
        preview_value = {
            "purpose": "Répondre au formulaire de contact",
            "data": "Nom, adresse e-mail, message",
            "legal_basis": "Mission de service public",
            "retention": "Un an",
            "recipients": "L'équipe d'accueil",
        }


class PrivacyPage(LegalPage):
    controller = RichTextField(
        _("data controller"),
        features=TEXT_FEATURES,
        help_text=_("Who is responsible for the personal data: usually the city, with its postal address."),
    )
    processing = StreamField(
        [("processing", ProcessingBlock())],
        verbose_name=_("what is collected"),
        help_text=_("One entry per use: accounts, loans, contact form, newsletter, statistics."),
    )
    contact = RichTextField(
        _("whom to ask"),
        features=TEXT_FEATURES,
        help_text=_("The data protection officer's e-mail and postal address, to exercise one's rights."),
    )
    cookies = RichTextField(
        _("cookies"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Which cookies the site sets and why."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("controller"),
        FieldPanel("processing"),
        FieldPanel("contact"),
        FieldPanel("cookies"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("processing")]
    footer_order = 50

    class Meta:
        verbose_name = _("personal data")
