"""The site's URLs plus /bench/bare/: a Django view that does nothing, measured through the same
middleware, server and client as the public pages, as the reference of bench_public_scale.py."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
