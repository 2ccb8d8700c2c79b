from django.urls import path

from workspace import standard_views, views

app_name = "workspace"
urlpatterns = [
    path("masuk/", views.WorkspaceLoginView.as_view(), name="login"),
    path("keluar/", views.WorkspaceLogoutView.as_view(), name="logout"),
    path("", views.inbox, name="inbox"),
    path("cari/", views.search, name="search"),
    path("baru/<slug:agency_slug>/<slug:service_slug>/", views.case_new, name="case_new"),
    path("permohonan/<str:number>/", views.case_detail, name="case"),
    path("permohonan/<str:number>/tindakan/", views.case_action, name="case_action"),
    path("permohonan/<str:number>/berkas/", views.case_upload, name="case_upload"),
    path("permohonan/<str:number>/berkas/<int:file_id>/", views.case_file, name="case_file"),
    path("standar/", standard_views.standard_list, name="standard_list"),
    path("standar/<int:pk>/tinjau/", standard_views.standard_review, name="standard_review"),
]
