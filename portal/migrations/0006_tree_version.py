from django.db import migrations, models


class Migration(migrations.Migration):
    """The tree version's table; portal/tree.py installs its triggers after every migration."""

    dependencies = [("portal", "0005_identity_words")]

    operations = [
        migrations.CreateModel(
            name="TreeVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token", models.BigIntegerField()),
            ],
            options={"db_table": "portal_treeversion"},
        ),
    ]
