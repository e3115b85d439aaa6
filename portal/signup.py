"""Sign-up that does not tell whether an address already has an account.

allauth's enumeration prevention already answers both cases with the same page and one
e-mail each (a confirmation link, or "you already have an account"). The new-account path
also hashes the password, which is slow on purpose: the other path hashes it as well, so
that neither the answer nor the work behind it differs.
"""

from allauth.account.forms import SignupForm as AllauthSignupForm

from django.contrib.auth.hashers import make_password


class SignupForm(AllauthSignupForm):
    def try_save(self, request):
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1") or "")
        return super().try_save(request)
