from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BranchesConfig(AppConfig):
    name = "branches"
    verbose_name = _("branches")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal import tree

        # Listings remember branches with their hours and stops until one of these changes.
        tree.watch(
            *(
                self.get_model(name)
                for name in ("Branch", "Season", "HoursException", "Stop", "Reason", "Place")
            )
        )
