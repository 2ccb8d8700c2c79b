from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from api.urls import api
from config.error_pages import favicon

handler500 = "config.busy.server_error"

admin.site.site_header = "Pelayan"
admin.site.site_title = "Pelayan"
admin.site.index_title = "Administrasi standar pelayanan"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("favicon.ico", favicon),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    # Before the public pages, whose first segment is an agency slug.
    path("open311/v2/", include("open311.urls")),
    # Webhooks of the inbound channels (WhatsApp Cloud API, SMS gateway): no login, no CSRF.
    path("hooks/", include("notifications.urls")),
    path("v/", include("documents.urls")),
    path("kerja/dokumen/", include("documents.workspace_urls")),
    path("", include("complaints.urls")),
    # Consultations: /konsultasi/… (request form), /lacak/konsultasi/…, /kerja/konsultasi/….
    path("", include("consultations.urls")),
    # The front office: /tamu/… (kiosk, call screen) and /kerja/meja/… (the desk).
    path("", include("frontdesk.urls")),
    path("kerja/", include("workspace.urls")),
    path("", include("surveys.urls")),
    path("", include("public.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
