from django.db import models


class TreeVersion(models.Model):
    """One row whose token changes whenever the page tree, its privacy, the sites or the languages do.

    Database triggers (portal/tree.py) write a new token in the same transaction as the change,
    whoever makes it: the admin, wagtail-localize, a bulk `update()`, another process.
    """

    token = models.BigIntegerField()

    class Meta:
        db_table = "portal_treeversion"

    def __str__(self):
        return str(self.token)
