"""Image hygiene: location and camera data never stored nor shown; bombs and broken files refused."""

import io
from http import HTTPStatus
from pathlib import Path

import pytest
from PIL import ExifTags, Image

from django.conf import settings
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape

from portal.models import CustomImage, User

# `../shared/data/images` beside the clone (a worktree sits one level deeper).
SHARED_IMAGES = next(
    (
        folder / "shared" / "data" / "images"
        for folder in Path(settings.BASE_DIR).resolve().parents[:2]
        if (folder / "shared" / "data" / "images").is_dir()
    ),
    Path("/nonexistent"),
)
GPS = ExifTags.IFD.GPSInfo
EXIF = ExifTags.IFD.Exif


@pytest.fixture
def editor_client(client, home_page):
    """An editor whose admin speaks French, the language the library works in."""
    user = User.objects.create_superuser(username="redac", email="redac@example.org", password="pw-2026-x")
    client.force_login(user)
    return client


def photo_exif():
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = "Lea Martin"
    exif[ExifTags.Base.Copyright] = "Bibliotheques de Bellerive"
    exif[ExifTags.Base.Make] = "Apple"
    exif[ExifTags.Base.Model] = "iPhone 13 Pro"
    exif[EXIF] = {ExifTags.Base.BodySerialNumber: "SN-0042-XYZ", ExifTags.Base.LensMake: "Apple"}
    exif[GPS] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (47.0, 12.0, 30.0),
        ExifTags.GPS.GPSLongitudeRef: "W",
        ExifTags.GPS.GPSLongitude: (1.0, 33.0, 10.0),
    }
    return exif


def photo_bytes(image_format, size=(64, 48)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#1d4f91").save(buffer, image_format, exif=photo_exif())
    return buffer.getvalue()


def metadata(file):
    with Image.open(file) as image:
        exif = image.getexif()
        return {
            "gps": dict(exif.get_ifd(GPS)),
            "camera": dict(exif.get_ifd(EXIF)),
            "make": exif.get(ExifTags.Base.Make),
            "model": exif.get(ExifTags.Base.Model),
            "artist": exif.get(ExifTags.Base.Artist),
            "copyright": exif.get(ExifTags.Base.Copyright),
        }


def upload(client, name, content, content_type):
    return client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, content, content_type), "collection": 1},
    )


FORMATS = [
    ("JPEG", "photo.jpg", "image/jpeg"),
    ("PNG", "photo.png", "image/png"),
    ("WEBP", "photo.webp", "image/webp"),
]


@pytest.mark.parametrize(("image_format", "name", "content_type"), FORMATS)
def test_generated_photo_does_carry_gps(image_format, name, content_type):
    """The test files are what a phone makes: location, camera, serial number, author."""
    found = metadata(io.BytesIO(photo_bytes(image_format)))

    assert found["gps"][ExifTags.GPS.GPSLatitudeRef] == "N"
    assert found["camera"][ExifTags.Base.BodySerialNumber] == "SN-0042-XYZ"
    assert found["artist"] == "Lea Martin"


@pytest.mark.parametrize(("image_format", "name", "content_type"), FORMATS)
def test_uploaded_original_loses_location_and_camera_but_keeps_credit(
    editor_client, image_format, name, content_type
):
    response = upload(editor_client, name, photo_bytes(image_format), content_type)

    assert response.status_code == HTTPStatus.FOUND
    image = CustomImage.objects.get(title=name)
    with image.open_file() as stored:
        found = metadata(stored)
    assert found["gps"] == {}
    assert found["camera"] == {}
    assert found["make"] is None
    assert found["model"] is None
    assert found["artist"] == "Lea Martin"
    assert found["copyright"] == "Bibliotheques de Bellerive"
    assert (image.width, image.height) == (64, 48)
    assert image.file_size == image.file.size


@pytest.mark.parametrize(("image_format", "name", "content_type"), FORMATS)
@pytest.mark.parametrize("spec", ["width-32", "fill-20x20", "width-32|format-webp", "width-32|format-png"])
def test_renditions_of_an_older_original_with_gps_carry_none(db, image_format, name, content_type, spec):
    """An image stored before the rule (or by code that skips the form) is cleaned when shown."""
    image = CustomImage.objects.create(
        title="Ancienne photo", file=ImageFile(io.BytesIO(photo_bytes(image_format)), name=name)
    )
    with image.open_file() as stored:
        assert metadata(stored)["gps"]

    rendition = image.get_rendition(spec)

    with rendition.file.open() as rendered:
        found = metadata(rendered)
    assert found["gps"] == {}
    assert found["camera"] == {}
    assert found["model"] is None


def in_french(message):
    with translation.override("fr"):
        french = translation.gettext(message)
    assert french != message
    return escape(french)


def test_decompression_bomb_png_is_refused_with_a_french_message(editor_client):
    buffer = io.BytesIO()
    Image.new("1", (11_000, 11_000)).save(buffer, "PNG")  # 121 megapixels in a few kilobytes

    response = upload(editor_client, "bombe.png", buffer.getvalue(), "image/png")

    assert response.status_code == HTTPStatus.OK
    assert (
        in_french("This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s.")[:20]
        in response.content.decode()
    )
    assert not CustomImage.objects.filter(title="bombe.png").exists()


def test_a_48_megapixel_phone_photo_is_accepted(editor_client):
    buffer = io.BytesIO()
    Image.new("1", (8_000, 6_000)).save(buffer, "PNG")

    response = upload(editor_client, "grand.png", buffer.getvalue(), "image/png")

    assert response.status_code == HTTPStatus.FOUND
    assert CustomImage.objects.filter(title="grand.png").exists()


DAMAGED = "This image file is damaged or incomplete and cannot be shown."


@pytest.mark.parametrize(("image_format", "name", "content_type"), FORMATS[:2])
def test_truncated_image_is_a_form_error(editor_client, image_format, name, content_type):
    whole = photo_bytes(image_format, size=(400, 300))

    response = upload(editor_client, name, whole[: len(whole) // 2], content_type)

    assert response.status_code == HTTPStatus.OK
    assert (
        in_french(DAMAGED + " Open it in an image editor, save it again and upload the new file.")[:30]
        in response.content.decode()
    )
    assert not CustomImage.objects.exists()


@pytest.mark.parametrize(
    "content",
    [b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, b"\xff\xd8\xff\xe0" + b"garbage" * 20, b"not an image at all"],
)
def test_unidentified_image_is_a_form_error(editor_client, content):
    response = upload(editor_client, "illisible.png", content, "image/png")

    assert response.status_code == HTTPStatus.OK
    assert 'class="error-message"' in response.content.decode() or "error" in response.content.decode()
    assert not CustomImage.objects.exists()


@pytest.mark.skipif(not SHARED_IMAGES.is_dir(), reason="the shared photo set is not here")
@pytest.mark.parametrize(
    "name", ["pug.heic", "arrow.heic", "200MP.heic", "truncated.heic", "corrupted.heic", "empty.heic"]
)
def test_real_phone_photos_never_give_a_server_error(editor_client, name):
    response = upload(editor_client, name, (SHARED_IMAGES / name).read_bytes(), "image/heic")

    assert response.status_code == HTTPStatus.OK  # the form again, with its error
    assert not CustomImage.objects.exists()
