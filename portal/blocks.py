"""The one body block that every page type shares."""

import copy

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtail_localize.segments import StringSegmentValue


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(
        label=_("image"),
        help_text=_(
            "Describe the image for people who cannot see it, or tick “decorative” "
            "if it adds nothing to the text."
        ),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/blocks/figure.html"
        description = _("An image with its description and an optional caption.")
        preview_value = {"caption": "La médiathèque centrale un samedi matin"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("who said it"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/blocks/quote.html"
        description = _("A quotation with who said it.")
        preview_value = {
            "quote": "Une bibliothèque, c'est le carrefour de tous les rêves de l'humanité.",
            "attribution": "Julien Green",
        }


class LinkTargetBlock(blocks.StructBlock):
    """A page of the site or an outside address: exactly one of the two."""

    page = blocks.PageChooserBlock(label=_("page of the site"), required=False)
    url = blocks.URLBlock(label=_("or an outside address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": blocks.BlockValidationError(
                        _("Choose a page of the site or enter an outside address, not both.")
                    )
                }
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("button text"), max_length=80)
    target = LinkTargetBlock(label=_("link"))

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "components/blocks/call_to_action.html"
        description = _("A button that sends the reader to one page, such as “S'inscrire”.")
        preview_value = {"text": "S'inscrire à la bibliothèque", "target": {"url": "https://example.org"}}


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("question or title"), max_length=200)
    body = blocks.RichTextBlock(
        label=_("answer"), features=["bold", "italic", "link", "ol", "ul", "document-link"]
    )


class AccordionBlock(blocks.StructBlock):
    items = blocks.ListBlock(AccordionItemBlock(), label=_("items"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Accordion")
        template = "components/blocks/accordion.html"
        description = _("Questions and answers that open one at a time, such as a FAQ.")
        preview_value = {
            "items": [
                {"title": "Combien de livres puis-je emprunter ?", "body": "<p>Jusqu'à 20 documents.</p>"}
            ]
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=120,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "components/blocks/document_link.html"
        description = _("A link to a document, with its format and size shown.")


class TextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "components/blocks/text.html"
        description = _("Paragraphs, headings, lists and links.")
        preview_value = "<p>La bibliothèque est ouverte à toutes et à tous, gratuitement.</p>"


class DataTableBlock(TableBlock):
    """A table whose caption and cells are translated with the page (wagtail-localize)."""

    def get_translatable_segments(self, value):
        segments = []
        if value and value.get("table_caption"):
            segments.append(StringSegmentValue("caption", value["table_caption"]))
        for row_number, row in enumerate((value or {}).get("data") or []):
            for column, cell in enumerate(row):
                if cell:
                    segments.append(StringSegmentValue(f"cell-{row_number}-{column}", cell))
        return segments

    def restore_translated_segments(self, value, segments):
        value = copy.deepcopy(value)
        for segment in segments:
            text = segment.render_text()
            if segment.path == "caption":
                value["table_caption"] = text
            else:
                _cell, row_number, column = segment.path.split("-")
                value["data"][int(row_number)][int(column)] = text
        return value

    class Meta:
        icon = "table"
        label = _("Table")
        template = "components/blocks/table.html"
        description = _("A table with a caption and header cells, such as prices or loan rules.")


class BodyBlock(blocks.StreamBlock):
    text = TextBlock(features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"])
    figure = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    table = DataTableBlock()
    document = DocumentLinkBlock()
