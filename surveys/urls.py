"""Included at the site root before the public pages, whose first segment is an agency slug."""

from django.urls import path

from surveys import views

app_name = "surveys"
urlpatterns = [
    path("skm/<str:token>/", views.respond, name="respond"),
    path("kerja/skm/", views.staff_index, name="staff_index"),
    path("kerja/skm/<slug:agency_slug>/laporan/", views.staff_report, name="staff_report"),
    path("kerja/skm/<slug:agency_slug>/laporan.xlsx", views.staff_report_xlsx, name="staff_report_xlsx"),
    path("kerja/skm/<slug:agency_slug>/laporan.pdf", views.staff_report_pdf, name="staff_report_pdf"),
    path("kerja/skm/<slug:agency_slug>/mesin-skm/", views.staff_kiosk_enable, name="staff_kiosk_enable"),
    path("kerja/skm/<slug:agency_slug>/tugas/", views.staff_tasks, name="staff_tasks"),
    path("kerja/skm/<slug:agency_slug>/tugas/<int:task_id>/", views.staff_task_done, name="staff_task_done"),
    path("kerja/skm/<slug:agency_slug>/<slug:service_slug>/isi/", views.staff_entry, name="staff_entry"),
    path("kerja/skm/<slug:agency_slug>/<slug:service_slug>/impor/", views.staff_import, name="staff_import"),
    path("<slug:agency_slug>/skm/kiosk/", views.kiosk, name="kiosk"),
    path("<slug:agency_slug>/skm/kiosk/terima-kasih/", views.kiosk_thanks, name="kiosk_thanks"),
    path("<slug:agency_slug>/<slug:service_slug>/kinerja/", views.performance, name="performance"),
]
