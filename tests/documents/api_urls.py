"""A URL configuration with the documents router mounted as the API will mount it, for its tests
until api/urls.py adds it (docs/documents.md)."""

from django.urls import include, path
from ninja import NinjaAPI

from api.errors import install_error_handlers
from documents.api import build_router

api = NinjaAPI(urls_namespace="documents-api-test", docs_url=None)
install_error_handlers(api)
api.add_router("", build_router())

urlpatterns = [path("api/v1/", api.urls), path("", include("config.urls"))]
