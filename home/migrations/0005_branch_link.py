import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Branch pages point at a branch (nullable until the next migration fills the link)."""

    dependencies = [
        ("home", "0004_listing_image"),
        ("branches", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name=model,
            name="branch",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="branches.branch",
                verbose_name="branch",
            ),
        )
        for model in ("branchpage", "mobilebranchpage")
    ]
