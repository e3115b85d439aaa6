from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("library pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal import tree

        # The list of branches remembers their pages' photos, which live in these tables.
        tree.watch(self.get_model("BranchPage"), self.get_model("MobileBranchPage"))
