from django.urls import path

from consultations import views

app_name = "consultations"
urlpatterns = [
    # Public: the request form of a consultation service and the answers on the tracking page.
    path("konsultasi/<slug:agency_slug>/<slug:service_slug>/", views.request_form, name="request_form"),
    path(
        "konsultasi/<slug:agency_slug>/<slug:service_slug>/terkirim/", views.request_done, name="request_done"
    ),
    path("lacak/konsultasi/konfirmasi/", views.track_confirm, name="track_confirm"),
    path("lacak/konsultasi/jadwal-lain/", views.track_reschedule, name="track_reschedule"),
    # Workspace
    path("kerja/konsultasi/", views.home, name="home"),
    path("kerja/konsultasi/catat/<slug:agency_slug>/<slug:service_slug>/", views.entry, name="entry"),
    path("kerja/konsultasi/<str:number>/", views.detail, name="detail"),
    path("kerja/konsultasi/<str:number>/terima/", views.receive, name="receive"),
    path("kerja/konsultasi/<str:number>/disposisi/", views.dispose, name="dispose"),
    path("kerja/konsultasi/<str:number>/keputusan/", views.decide, name="decide"),
    path("kerja/konsultasi/<str:number>/jadwal/", views.propose, name="propose"),
    path("kerja/konsultasi/<str:number>/tutup/", views.close, name="close"),
]
