from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """An image with the description a screen reader needs and its credit."""

    default_alt_text = models.CharField(
        _("default alternative text"),
        max_length=255,
        blank=True,
        help_text=_(
            "Describe what the image shows for people who cannot see it. "
            "Pages can replace this description or mark the image as decorative."
        ),
    )
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Photographer or rights holder, shown under the image."),
    )

    admin_form_fields = (*Image.admin_form_fields, "default_alt_text", "credit")

    def generate_rendition_file(self, filter, *, source=None):
        """Every rendition is made without the original's location and camera data."""
        from portal.images import CleanMetadataFilter

        return super().generate_rendition_file(CleanMetadataFilter(spec=filter.spec), source=source)

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CustomDocument(AbstractDocument):
    """A document with a plain-language description shown next to its link."""

    description = models.CharField(
        _("description"),
        max_length=255,
        blank=True,
        help_text=_("One sentence saying what the document contains."),
    )

    admin_form_fields = (*Document.admin_form_fields, "description")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
