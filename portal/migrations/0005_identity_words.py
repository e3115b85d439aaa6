import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models


def words_to_translatable_model(apps, schema_editor):
    """The name and tagline typed in the visual identity become the French words."""
    BrandingSettings = apps.get_model("portal", "BrandingSettings")
    IdentityWords = apps.get_model("portal", "IdentityWords")
    Locale = apps.get_model("wagtailcore", "Locale")
    french = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    branding = BrandingSettings.objects.order_by("pk").first()
    if french is None or branding is None or IdentityWords.objects.exists():
        return
    IdentityWords.objects.create(
        locale=french, name=branding.library_name, tagline=branding.tagline, translation_key=uuid.uuid4()
    )


def words_back(apps, schema_editor):
    BrandingSettings = apps.get_model("portal", "BrandingSettings")
    IdentityWords = apps.get_model("portal", "IdentityWords")
    words = IdentityWords.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("pk").first()
    if words is not None:
        BrandingSettings.objects.update(library_name=words.name, tagline=words.tagline)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_mirror_view_restrictions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="IdentityWords",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                (
                    "name",
                    models.CharField(
                        default="Bibliothèques de la ville",
                        help_text="Shown in the header, in the browser tab and in e-mails.",
                        max_length=120,
                        verbose_name="library name",
                    ),
                ),
                (
                    "tagline",
                    models.CharField(
                        blank=True,
                        help_text="A short sentence under the name, for example “Lire, jouer, se retrouver”.",
                        max_length=200,
                        verbose_name="tagline",
                    ),
                ),
                (
                    "title_suffix",
                    models.CharField(
                        blank=True,
                        help_text="Shown after each page's title in the browser tab and search engines. Leave empty to use the name.",
                        max_length=120,
                        verbose_name="end of the browser tab's title",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "library name and tagline",
                "verbose_name_plural": "library name and tagline",
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.RunPython(words_to_translatable_model, words_back),
        migrations.RemoveField(
            model_name="brandingsettings",
            name="library_name",
        ),
        migrations.RemoveField(
            model_name="brandingsettings",
            name="tagline",
        ),
    ]
