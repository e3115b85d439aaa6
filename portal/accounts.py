from email.headerregistry import Address

from allauth.account.adapter import DefaultAccountAdapter

from django.conf import settings

from portal.models import BrandingSettings


class AccountAdapter(DefaultAccountAdapter):
    def get_from_email(self):
        """The library's name beside the sending address: "Bibliothèques de Bellerive <…>"."""
        from wagtail.models import Site

        site = Site.find_for_request(self.request) if self.request is not None else None
        if site is None:
            return settings.DEFAULT_FROM_EMAIL
        name = BrandingSettings.for_site(site).library_name
        return str(Address(display_name=name, addr_spec=settings.DEFAULT_FROM_EMAIL))
