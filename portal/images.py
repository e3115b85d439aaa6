"""Image hygiene: no location or camera data kept, no image too big or broken to show.

Phones write where a photo was taken (the EXIF GPS block), the camera's make, model and
serial numbers, and more in XMP. An uploaded original keeps only what a library needs to
credit a picture (author, copyright, description) and how to turn it upright; every rendition
is made from that same short list, so a picture uploaded before this rule is cleaned too when
it is shown.

The pixel limit (`WAGTAILIMAGES_MAX_IMAGE_PIXELS`, also given to Pillow) fits a logo or a
photo from a camera or a phone (50 megapixels), not a decompression bomb.
"""

import io
import warnings
from contextlib import contextmanager

from PIL import ExifTags, Image
from willow.image import Image as WillowImage

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.images.models import Filter

KEPT_EXIF_TAGS = frozenset(
    {
        ExifTags.Base.Artist,
        ExifTags.Base.Copyright,
        ExifTags.Base.ImageDescription,
        ExifTags.Base.Orientation,
        ExifTags.Base.XResolution,
        ExifTags.Base.YResolution,
        ExifTags.Base.ResolutionUnit,
    }
)
# Where Pillow puts XMP (which may repeat the location) and other free-form metadata.
DROPPED_INFO_KEYS = ("xmp", "XML:com.adobe.xmp", "Raw profile type exif", "Raw profile type xmp", "photoshop")
REWRITTEN_FORMATS = {"JPEG", "PNG", "WEBP", "AVIF"}
UNREADABLE = (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError)


def limit_pillow_pixels():
    """Pillow refuses to decode past the same pixel limit the upload form enforces."""
    Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    warnings.simplefilter("error", Image.DecompressionBombWarning)


def kept_exif(raw):
    """The EXIF bytes reduced to the kept tags (None when nothing is left)."""
    if not raw:
        return None
    exif = Image.Exif()
    exif.load(raw)
    kept = Image.Exif()
    for tag in KEPT_EXIF_TAGS & set(exif):
        kept[tag] = exif[tag]
    return kept.tobytes() if len(kept) else None


def needs_cleaning(image):
    if any(key in image.info for key in DROPPED_INFO_KEYS):
        return True
    raw = image.info.get("exif")
    if not raw:
        return False
    exif = Image.Exif()
    exif.load(raw)
    return bool(set(exif) - KEPT_EXIF_TAGS)


def clean_info(image):
    """Strip what must not be kept from a Pillow image's metadata, in place."""
    for key in DROPPED_INFO_KEYS:
        image.info.pop(key, None)
    exif = kept_exif(image.info.pop("exif", None))
    if exif:
        image.info["exif"] = exif
    # Pillow caches the parsed EXIF: read it again from the cleaned bytes.
    image._exif = None


def without_metadata(file):
    """The image in `file` rewritten without location or camera data; None when it has none.

    Decodes the whole image, so that a truncated or damaged file fails here (OSError and
    the like), and Pillow's pixel limit applies.
    """
    file.seek(0)
    try:
        with Image.open(file) as image:
            image.load()
            if image.format not in REWRITTEN_FORMATS or not needs_cleaning(image):
                return None
            clean_info(image)
            options = {"exif": image.info.get("exif", b"")}
            if image.info.get("icc_profile"):
                options["icc_profile"] = image.info["icc_profile"]
            if image.format == "JPEG":
                # The original's quantisation tables and subsampling: no visible loss.
                options.update(quality="keep", subsampling="keep")
            elif image.format in {"WEBP", "AVIF"}:
                options.update(quality=90, save_all=getattr(image, "n_frames", 1) > 1)
            output = io.BytesIO()
            image.save(output, image.format, **options)
            return output.getvalue()
    finally:
        file.seek(0)


DAMAGED_MESSAGE = _(
    "This image file is damaged or incomplete and cannot be shown. "
    "Open it in an image editor, save it again and upload the new file."
)


def cleaned_upload(upload):
    """`without_metadata` for a form: a damaged image is a form error, not a server error."""
    try:
        return without_metadata(upload)
    except UNREADABLE as error:
        raise ValidationError(DAMAGED_MESSAGE, code="invalid_image") from error


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, for which a file Pillow cannot decode is a form error."""

    def to_python(self, data):
        try:
            return super().to_python(data)
        except UNREADABLE as error:
            raise ValidationError(DAMAGED_MESSAGE, code="invalid_image") from error


class ImageForm(BaseImageForm):
    """Wagtail's image form, decoding each upload and storing it without location data."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(self.fields.get("file"), WagtailImageField):
            # Same field, same settings: only its reading of a damaged file changes.
            self.fields["file"].__class__ = CheckedImageField

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload
        content = cleaned_upload(upload)
        if content is None:
            return upload
        cleaned = SimpleUploadedFile(upload.name, content, content_type=upload.content_type)
        if hasattr(upload, "image"):
            cleaned.image = upload.image
        return cleaned


class CleanMetadataFilter(Filter):
    """Wagtail's rendition filter, reading the original through the kept metadata only.

    Originals uploaded through the form are already clean: for them this reads the header
    and the pixels once more, when the rendition is first made.
    """

    @contextmanager
    def get_willow_image(self, image, source=None):
        with super().get_willow_image(image, source) as willow:
            cleaned = without_metadata(willow.f) if hasattr(willow, "f") else None
            yield willow if cleaned is None else WillowImage.open(io.BytesIO(cleaned))
