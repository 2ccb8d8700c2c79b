from django.urls import path

from complaints import views

app_name = "complaints"
urlpatterns = [
    # Public
    path("pengaduan/nilai/", views.rate, name="rate"),
    path("pengaduan/<slug:agency_slug>/", views.complaint_form, name="public_form"),
    path("pengaduan/<slug:agency_slug>/terkirim/", views.complaint_done, name="public_done"),
    path("pengaduan/<slug:agency_slug>/daftar/", views.public_list, name="public_list"),
    # Workspace
    path("kerja/pengaduan/", views.home, name="home"),
    path("kerja/pengaduan/<int:pk>/", views.detail, name="detail"),
    path("kerja/pengaduan/<int:pk>/tindakan/", views.act, name="act"),
    path("kerja/pengaduan/<int:pk>/tingkat/", views.tier, name="tier"),
    path("kerja/pengaduan/<int:pk>/catatan/", views.note, name="note"),
    path("kerja/pengaduan/<int:pk>/jawaban/", views.answer, name="answer"),
    path("kerja/pengaduan/<int:pk>/evaluasi/", views.evaluate, name="evaluate"),
    path("kerja/pengaduan/<int:pk>/surat/", views.letter, name="letter"),
    path("kerja/pengaduan/<int:pk>/tanda-terima/", views.receipt, name="receipt"),
    path("kerja/pengaduan/<int:pk>/berkas/<int:file_id>/", views.file, name="file"),
    path("kerja/pengaduan/tanda/<int:pk>/dilihat/", views.escalation_seen, name="escalation_seen"),
    path("kerja/pengaduan/catat/<slug:agency_slug>/", views.entry, name="entry"),
    path("kerja/pengaduan/kotak/<slug:agency_slug>/", views.box, name="box"),
    path("kerja/pengaduan/buku/<slug:agency_slug>/<str:year>/", views.register, name="register"),
    path(
        "kerja/pengaduan/buku/<slug:agency_slug>/<str:year>/xlsx/", views.register_xlsx, name="register_xlsx"
    ),
]
