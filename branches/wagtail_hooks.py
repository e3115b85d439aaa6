"""What the branches app adds to the admin: its menu and an everyday task."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from branches.viewsets import BranchesGroup
from portal.registry import EVERYDAY_TASKS, EverydayTask

register_snippet(BranchesGroup)


@hooks.register(EVERYDAY_TASKS)
def everyday_tasks(request):
    return [
        EverydayTask(
            _("Change a branch's opening hours"),
            reverse("wagtailsnippets_branches_branch:list"),
            _(
                "Usual week, seasons, exceptions such as public holidays, and the stops of the bus and "
                "the boat: entered once, shown in every language."
            ),
            order=20,
        )
    ]
