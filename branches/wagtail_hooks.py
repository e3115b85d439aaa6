"""What the branches app adds to the admin: its menu, an everyday task and the staff's rights."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from branches.viewsets import BranchesGroup
from portal.registry import EVERYDAY_TASKS, STAFF_PERMISSIONS, EverydayTask
from portal.staff import EDITORS, TRANSLATORS

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


# Translating a reason or a stop place makes its row in the language.
WORDS_PERMISSIONS = [
    "branches.add_place",
    "branches.change_place",
    "branches.add_reason",
    "branches.change_reason",
]


@hooks.register(STAFF_PERMISSIONS)
def staff_permissions():
    return {
        # Editors keep the branches: address, accessibility, hours and stops, and their words.
        EDITORS: [
            "branches.add_branch",
            "branches.change_branch",
            "branches.add_stop",
            "branches.change_stop",
            "branches.delete_stop",
            *WORDS_PERMISSIONS,
        ],
        TRANSLATORS: WORDS_PERMISSIONS,
    }
