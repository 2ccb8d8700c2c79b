from django.urls import path

from frontdesk import views

app_name = "frontdesk"
urlpatterns = [
    path("tamu/kiosk/", views.kiosk, name="kiosk"),
    path("tamu/kiosk/aktifkan/", views.kiosk_activate, name="kiosk_activate"),
    path("tamu/kiosk/tiket/<str:signed>/", views.kiosk_ticket, name="kiosk_ticket"),
    path("tamu/<slug:agency_slug>/layar/", views.call_screen, name="call_screen"),
    path("tamu/<slug:agency_slug>/layar/isi/", views.call_screen_panel, name="call_screen_panel"),
    path("kerja/meja/", views.desk_home, name="desk_home"),
    path("kerja/meja/<slug:agency_slug>/", views.desk, name="desk"),
    path("kerja/meja/<slug:agency_slug>/meja/", views.desk_counter, name="desk_counter"),
    path("kerja/meja/<slug:agency_slug>/panggil/", views.desk_call_next, name="call_next"),
    path("kerja/meja/<slug:agency_slug>/nomor/<int:ticket_id>/", views.desk_ticket, name="ticket_action"),
    path(
        "kerja/meja/<slug:agency_slug>/nomor/<int:ticket_id>/cetak/", views.ticket_print, name="ticket_print"
    ),
    path("kerja/meja/<slug:agency_slug>/buku-tamu/", views.guest_list, name="guests"),
    path(
        "kerja/meja/<slug:agency_slug>/buku-tamu/cetak/",
        views.guest_list,
        {"printable": True},
        name="guests_print",
    ),
    path("kerja/meja/<slug:agency_slug>/buku-tamu.xlsx", views.guest_xlsx, name="guests_xlsx"),
    path("kerja/meja/<slug:agency_slug>/buku-tamu/baru/", views.guest_new, name="guest_new"),
    path(
        "kerja/meja/<slug:agency_slug>/buku-tamu/<int:entry_id>/foto/", views.guest_photo, name="guest_photo"
    ),
    path("kerja/meja/<slug:agency_slug>/check-in/", views.check_in, name="check_in"),
    path("kerja/meja/<slug:agency_slug>/pengaturan/", views.desk_settings, name="settings"),
]
