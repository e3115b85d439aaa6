"""Blocks of the library pages. Opening hours are `branches.blocks`."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class ServiceBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("service"), max_length=80)
    description = blocks.TextBlock(label=_("description"), required=False, max_length=300)

    class Meta:
        icon = "tick"
        label = _("Service")
        template = "home/blocks/service.html"
        description = _("Something the branch offers: Wi-Fi, printing, study rooms, games…")
        preview_value = {"name": "Wi-Fi gratuit", "description": "Dans tout le bâtiment."}


class ServicesBlock(blocks.StreamBlock):
    service = ServiceBlock()
