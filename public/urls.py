from django.urls import path

from public import citizen_views, views

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    # Before the agency pages, whose first segment is an agency slug.
    path("lacak/", citizen_views.track, name="track"),
    path("lacak/permohonan/", citizen_views.track_case, name="track_case"),
    path("lacak/permohonan/kirim-kembali/", citizen_views.track_resubmit, name="track_resubmit"),
    path("lacak/keluar/", citizen_views.track_forget, name="track_forget"),
    path("<slug:agency_slug>/", views.agency_detail, name="agency"),
    path("<slug:agency_slug>/maklumat/", views.maklumat, name="maklumat"),
    path("<slug:agency_slug>/<slug:service_slug>/", views.service_detail, name="service"),
    path("<slug:agency_slug>/<slug:service_slug>/ajukan/", citizen_views.apply, name="apply"),
    path(
        "<slug:agency_slug>/<slug:service_slug>/ajukan/terkirim/", citizen_views.apply_done, name="apply_done"
    ),
]
