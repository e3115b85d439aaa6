import sys
from pathlib import Path

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal import restrictions, tree  # noqa: F401  (privacy follows the French page; the tree's version)
        from portal.images import limit_pillow_pixels

        limit_pillow_pixels()


def project_apps():
    """The installed apps that are part of this project (not a library), in INSTALLED_APPS order.

    What every app brings (demo content, strings to translate, caches) is found through this
    list, so that a new app is covered by adding it to INSTALLED_APPS.
    """
    from django.apps import apps
    from django.conf import settings

    base = Path(settings.BASE_DIR).resolve()
    environment = Path(sys.prefix).resolve()  # a virtualenv may sit inside the project: .venv

    def ours(app):
        where = Path(app.path).resolve()
        return (
            base in where.parents and environment not in where.parents and "site-packages" not in where.parts
        )

    return [app for app in apps.get_app_configs() if ours(app)]
