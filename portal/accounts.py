from email.headerregistry import Address

from allauth.account.adapter import DefaultAccountAdapter

from django.conf import settings
from django.utils.translation import gettext_lazy as _

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


# The title and heading of each account page, in the portal's words: allauth's own are in
# title case, differ between tab and heading ("Signup", "Sign Up"), and stay English in
# languages it has no catalogue for (Portuguese as "pt").
PAGE_TITLES = {
    "account_login": _("Sign in"),
    "account_signup": _("Create an account"),
    "account_logout": _("Sign out"),
    "account_inactive": _("Account inactive"),
    "account_reauthenticate": _("Confirm it is you"),
    "account_email": _("E-mail addresses"),
    "account_email_verification_sent": _("Confirm your e-mail address"),
    "account_confirm_email": _("Confirm your e-mail address"),
    "account_change_password": _("Change your password"),
    "account_set_password": _("Choose a password"),
    "account_reset_password": _("Forgotten password"),
    "account_reset_password_done": _("Check your e-mail"),
    "account_reset_password_from_key": _("Choose a new password"),
    "account_reset_password_from_key_done": _("Password changed"),
}
EXPIRED_LINK_TITLE = _("This link no longer works")


def page_title(url_name, *, token_fail=False):
    """The title of the account page at `url_name`; "" for a page the portal has no words for."""
    if token_fail and url_name == "account_reset_password_from_key":
        return EXPIRED_LINK_TITLE
    return PAGE_TITLES.get(url_name, "")
