from django.conf import settings
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http import UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.utils import translation
from django.utils.cache import patch_cache_control


class RememberLanguageMiddleware:
    """Remember the language of the last page read, so that `/` leads back to it.

    Only a language code is stored, in a first-party cookie: nothing that identifies anyone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = getattr(request, "LANGUAGE_CODE", None)
        prefixed = language and request.path_info.startswith(f"/{language}/")
        if (
            prefixed
            and response.status_code == 200
            and "text/html" in response.get("Content-Type", "")
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language
            and translation.check_for_language(language)
        ):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            )
        return response


class RequestBodyMiddleware:
    """A form body Django cannot read is answered with a plain 400, in the visitor's language.

    Django refuses a form sent in another encoding than UTF-8 (or too big, or with too many
    fields) with an exception; its own 400 view then reads the body again for the CSRF check
    and fails with a 500. Reading the body here, once, turns every such request into a 400.
    """

    FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.content_type in self.FORM_TYPES:
            try:
                request.POST  # noqa: B018  (parsed here, once)
            except (BadRequest, SuspiciousOperation, MultiPartParserError, UnreadablePostError):
                from portal.views import bad_request

                return bad_request(request)
        return self.get_response(request)


class PrivateAccountPagesMiddleware:
    """Account pages (`/<lang>/compte/…`: e-mail addresses, password change) are never stored.

    Neither the browser's cache nor a shared proxy keeps them, so that the next user of a
    library's public computer cannot read them from the history.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        parts = request.path_info.split("/", 3)
        if len(parts) > 2 and parts[2] == "compte":
            patch_cache_control(response, no_store=True, no_cache=True, private=True, max_age=0)
        return response
