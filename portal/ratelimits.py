"""Wrong passwords are limited at both logins, in the shared cache, per visitor's address.

allauth limits its own login (`ACCOUNT_RATE_LIMITS["login_failed"]`: 10 a minute per address,
5 in 5 minutes per account). The Wagtail admin login is held to the same limits through
allauth's rate-limit functions. The address is the client's as forwarded by the trusted
proxies (`ALLAUTH_TRUSTED_PROXY_COUNT`), so that visitors behind one proxy are counted apart.
The counters live in the default cache: Redis, shared by every process, once `REDIS_URL` is set.
"""

from allauth.core import ratelimit

from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.account import LoginView

TOO_MANY_ATTEMPTS = _("Too many failed sign-in attempts. Wait a few minutes, then try again.")


class AdminLoginView(LoginView):
    """Wagtail's admin login, refusing further tries after a few wrong passwords."""

    def _key(self):
        return "wagtail-admin:" + self.request.POST.get("username", "").strip().lower()

    def post(self, request, *args, **kwargs):
        if not ratelimit.consume(request, action="login_failed", key=self._key(), dry_run=True):
            form = self.get_form()
            # Refused before any password is checked, even the right one.
            form._errors = ErrorDict({"__all__": form.error_class([TOO_MANY_ATTEMPTS])})
            form.cleaned_data = {}
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 429
            return response
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        ratelimit.consume(request=self.request, action="login_failed", key=self._key())
        return super().form_invalid(form)
