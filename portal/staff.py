"""The staff groups of the admin, defined here and nowhere else.

`manage.py setup_groups` creates or updates them (the demo runs it too), with the rights each
app adds on its own models ("bibo_staff_permissions", `portal.registry`). Page rights are
granted on the root of the page tree, so that they cover the tree of every language, present
and future; image and document rights on the root collection, with the permissions Wagtail
checks (`wagtailimages`, `wagtaildocs`), not those of the project's own image models.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import Collection, GroupApprovalTask, GroupCollectionPermission, GroupPagePermission, Page

from portal.registry import staff_permissions

# Made by Wagtail's first migrations as examples; ours replace them where nobody uses them.
WAGTAIL_SAMPLE_GROUPS = ["Editors", "Moderators"]
EDITORS = "Rédaction"
TRANSLATORS = "Traduction"

MEDIA_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]


@dataclass(frozen=True)
class StaffGroup:
    name: str
    description: str
    permissions: list[str] = field(default_factory=list)
    page_permissions: list[str] = field(default_factory=list)
    collection_permissions: list[str] = field(default_factory=list)


STAFF_GROUPS = [
    StaffGroup(
        name=EDITORS,
        description="Writes, translates and publishes pages and alerts in every language; manages media and settings.",
        permissions=[
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            "portal.add_alert",
            "portal.change_alert",
            "portal.delete_alert",
            "portal.publish_alert",
            "portal.add_identitywords",
            "portal.change_identitywords",
            "portal.change_brandingsettings",
            "portal.change_sociallinks",
        ],
        page_permissions=["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        collection_permissions=MEDIA_PERMISSIONS,
    ),
    StaffGroup(
        name=TRANSLATORS,
        description="Translates pages and alerts and submits them for moderation; an editor publishes them.",
        permissions=[
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            "portal.change_alert",
            "portal.change_identitywords",
        ],
        page_permissions=["add_page", "change_page"],
        collection_permissions=["wagtailimages.choose_image", "wagtaildocs.choose_document"],
    ),
]


def _permission(dotted):
    app_label, codename = dotted.split(".")
    if dotted == "wagtail_localize.submit_translation":
        # Made by a wagtail-localize data migration, not by post_migrate: a flushed database
        # (the browser tests) lacks it. Recreated as that migration makes it.
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model="translation")
        return Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": "Can submit translations"}
        )[0]
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


@transaction.atomic
def setup_groups():
    """Create or update every staff group to hold exactly the rights defined above."""
    # Permissions come from post_migrate; a flushed database (browser tests) may lack them.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    # wagtail-localize makes its permission in a migration, on a content type of its own.
    Permission.objects.get_or_create(
        content_type=ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")[0],
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    groups = []
    for definition in STAFF_GROUPS:
        group, _created = Group.objects.get_or_create(name=definition.name)
        names = [*definition.permissions, *staff_permissions(definition.name)]
        group.permissions.set([_permission(name) for name in names])
        wanted = [_page_permission(codename) for codename in definition.page_permissions]
        GroupPagePermission.objects.filter(group=group).exclude(
            page=root_page, permission__in=wanted
        ).delete()
        for permission in wanted:
            GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission)
        wanted = [_permission(name) for name in definition.collection_permissions]
        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection=root_collection, permission__in=wanted
        ).delete()
        for permission in wanted:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
        groups.append(group)
    # Wagtail's sample moderation task asks its sample "Moderators" to approve: editors do.
    editors = groups[0]
    for task in GroupApprovalTask.objects.filter(groups__name__in=WAGTAIL_SAMPLE_GROUPS).distinct():
        task.groups.add(editors)
    Group.objects.filter(name__in=WAGTAIL_SAMPLE_GROUPS, user__isnull=True).delete()
    return groups
