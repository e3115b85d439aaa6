import contextlib
import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import models
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import BodyBlock
from portal.models import BasePage
from portal.registry import home_sections


class HighlightBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("page"))
    title = blocks.CharBlock(
        label=_("title"), required=False, max_length=80, help_text=_("Leave empty to use the page's title.")
    )
    text = blocks.TextBlock(
        label=_("text"), required=False, max_length=200, help_text=_("Leave empty to use the page's summary.")
    )
    image = ImageChooserBlock(
        label=_("image"), required=False, help_text=_("Decorative: the title says what the highlight is.")
    )

    class Meta:
        icon = "pick"
        label = _("Highlight")
        description = _("A card on the home page that leads to one page.")


class HighlightsBlock(blocks.StreamBlock):
    highlight = HighlightBlock()


class HomePage(BasePage):
    """The front door of the network: the alert, then the sections the apps register (highlights…)."""

    intro = models.CharField(
        _("welcome sentence"),
        max_length=250,
        blank=True,
        help_text=_("One sentence under the library's name, for example “Bienvenue dans vos bibliothèques”."),
    )
    highlights = StreamField(
        HighlightsBlock(max_num=12),
        blank=True,
        verbose_name=_("highlights"),
        help_text=_("The pages to put forward, in the order shown. Six is a good number."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("highlights")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Highlights, and what other apps add (latest posts, upcoming events): portal.registry.
        context["home_sections"] = home_sections(self, request)
        return context


class StandardPage(BasePage):
    """Practical information: registering, borrowing, prices, the network's rules."""

    body = StreamField(
        BodyBlock(),
        verbose_name=_("content"),
        help_text=_(
            "Build the page from blocks: text, images, quotes, buttons, questions and answers, tables, documents."
        ),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "home.ContactPage"]

    class Meta:
        verbose_name = _("standard page")


class ContactFormField(TranslatableMixin, AbstractFormField):
    """Translatable, so that a translated form asks its questions in the page's language."""

    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    # Questions are translated; what the answers are filed under stays the same in every language.
    override_translatable_fields = [
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class ContactPage(AbstractEmailForm, BasePage):
    """A form built by editors; answers are stored and sent to the team by e-mail."""

    def get_submissions_list_view_class(self):
        """CSV exports of the messages with spreadsheet formulas neutralised."""
        from portal.exports import SafeSubmissionsListView

        return SafeSubmissionsListView

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown above the form: say what people can ask and when they will get an answer."),
    )
    thank_you_text = RichTextField(
        _("thank-you message"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after sending, for example “Merci, nous vous répondons sous trois jours.”"),
    )

    content_panels = [
        *BasePage.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail sent to the team"),
        ),
    ]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    footer_order = 20
    allowed_http_methods = [*BasePage.allowed_http_methods, "POST"]
    # The team's address and the e-mail's subject are the same whatever the visitor's language.
    override_translatable_fields = [
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
        SynchronizedField("subject"),
    ]

    class Meta:
        verbose_name = _("contact form")

    def send_mail(self, form):
        self.staff_message(form).send()

    def staff_message(self, form):
        """The e-mail to the team: in French whatever the visitor's language, answerable in one click.

        The questions are those of the French form, the subject names the form and the
        visitor's language, and “Reply” writes to the visitor when they gave a valid address.
        """
        language = translation.get_language() or settings.LANGUAGE_CODE
        source = self.get_translation_or_none(Locale.get_default()) or self
        labels = dict(source.form_fields.values_list("clean_name", "label"))
        reply_to = []
        lines = []
        with translation.override(settings.LANGUAGE_CODE):
            language_name = translation.get_language_info(language)["name_translated"]
            for field in form:
                if field.name not in form.cleaned_data:
                    continue
                value = form.cleaned_data[field.name]
                if isinstance(value, list):
                    value = ", ".join(value)
                elif isinstance(value, datetime.datetime | datetime.date):
                    value = date_format(
                        value,
                        "SHORT_DATETIME_FORMAT"
                        if isinstance(value, datetime.datetime)
                        else "SHORT_DATE_FORMAT",
                    )
                lines.append(f"{labels.get(field.name, field.label)} : {value}")
                if not reply_to and isinstance(field.field, forms.EmailField) and value:
                    with contextlib.suppress(ValidationError):
                        validate_email(value)
                        reply_to = [value]
            subject = _("%(subject)s – %(form)s (%(language)s)") % {
                "subject": source.subject or source.title,
                "form": source.title,
                "language": language_name,
            }
            lines += ["", _("Language of the message: %(language)s") % {"language": language_name}]
        return EmailMessage(
            subject=subject,
            body="\n".join(lines),
            from_email=self.from_address or None,
            to=[address.strip() for address in self.to_address.split(",") if address.strip()],
            reply_to=reply_to,
        )
