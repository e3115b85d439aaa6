"""The admin panel that takes an editor from a branch's page to the branch's hours in one click."""

from django.urls import reverse

from wagtail.admin.panels import Panel


class BranchLinkPanel(Panel):
    """On a branch page's edit view: a link to edit its branch (address, contact, accessibility, hours)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "branches/panels/branch_link.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            branch_id = getattr(self.instance, "branch_id", None)
            context["branch"] = getattr(self.instance, "branch", None) if branch_id else None
            context["edit_url"] = (
                reverse("wagtailsnippets_branches_branch:edit", args=[branch_id]) if branch_id else None
            )
            context["add_url"] = reverse("wagtailsnippets_branches_branch:add")
            return context
