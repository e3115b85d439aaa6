from django.conf import settings
from django.utils import translation


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
