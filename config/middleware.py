"""Indonesian first: the language is Indonesian unless the visitor chose another one.

Django's LocaleMiddleware would follow the browser's Accept-Language, and many Indonesian phones
are set to English; the standards are published in Indonesian, so only an explicit choice (the
language switch, which sets the language cookie) changes it.
"""

from __future__ import annotations

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

_SUPPORTED = {code for code, _name in settings.LANGUAGES}


class ChosenLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in _SUPPORTED else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
