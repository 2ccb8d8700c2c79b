"""The site's own error pages, also with DEBUG on, and the favicon at /favicon.ico.

With DEBUG off Django answers a missing page with templates/404.html (and a crash with
templates/500.html through config.busy.server_error). With DEBUG on it would show its technical
404 page, listing every URL pattern; a visitor of a demo run with PELAYAN_DEBUG=1 sees the site's
own page instead. The API keeps its JSON 404s. A crash under DEBUG still shows Django's traceback
page: that is what DEBUG is for (docs/configuration.md).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotFound, HttpResponseRedirect
from django.template import loader
from django.urls import Resolver404, resolve


def not_found_page(request: HttpRequest) -> HttpResponse:
    return HttpResponseNotFound(loader.get_template("404.html").render({}, request))


def _is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/")


class SiteNotFoundPageMiddleware:
    """Under DEBUG only: a path nothing answers, or a view's Http404, gets templates/404.html.
    Placed after CommonMiddleware, so "/kerja" still redirects to "/kerja/" first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.DEBUG and not _is_api(request):
            try:
                resolve(request.path_info)
            except Resolver404:
                return not_found_page(request)
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if settings.DEBUG and isinstance(exception, Http404) and not _is_api(request):
            return not_found_page(request)
        return None


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page links; it lives with the static files."""
    return HttpResponseRedirect(staticfiles_storage.url("favicon.ico"))
