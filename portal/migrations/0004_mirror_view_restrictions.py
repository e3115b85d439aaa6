"""Copy each French page's view restriction onto its translations.

Before this, making a French page private left its translations public. From now on
`portal.restrictions` keeps them in step; this carries the restrictions that already exist.
Running it again changes nothing.
"""

from django.conf import settings
from django.db import migrations


def mirror_existing(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    restrictions = PageViewRestriction.objects.filter(
        page__locale__language_code=settings.LANGUAGE_CODE
    ).select_related("page")
    for restriction in restrictions:
        groups = list(restriction.groups.all())
        translations = Page.objects.filter(translation_key=restriction.page.translation_key).exclude(
            pk=restriction.page_id
        )
        for translation in translations:
            mirrored = PageViewRestriction.objects.filter(page=translation).first() or PageViewRestriction(
                page=translation
            )
            mirrored.restriction_type = restriction.restriction_type
            mirrored.password = restriction.password
            mirrored.save()
            mirrored.groups.set(groups)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_editor_help_texts"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(mirror_existing, migrations.RunPython.noop)]
