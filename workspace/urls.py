from django.urls import path

from workspace import review_views, standard_views, views

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
    # The structured standard editor (agency admins).
    path("standar/", standard_views.standard_list, name="standards"),
    path(
        "standar/<int:standard_id>/draf-baru/", standard_views.standard_new_draft, name="standard_new_draft"
    ),
    path("standar/<int:standard_id>/ubah/", standard_views.standard_edit, name="standard_edit"),
    path(
        "standar/<int:standard_id>/ubah/<str:component>/",
        standard_views.standard_component,
        name="standard_component",
    ),
    # Review and publish (agency admins): imported drafts are published only from here.
    path("standar/draf/", review_views.standard_list, name="standard_list"),
    path("standar/<int:pk>/tinjau/", review_views.standard_review, name="standard_review"),
]
