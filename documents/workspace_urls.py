from django.urls import path

from documents import workspace_views as views

app_name = "documents_workspace"
urlpatterns = [
    path("permohonan/<str:number>/<str:code>.pdf", views.case_document_pdf, name="case_document_pdf"),
    path(
        "permohonan/<str:number>/<str:code>/ganti/", views.case_document_replace, name="case_document_replace"
    ),
    path("templat/<slug:agency_slug>/", views.templates, name="templates"),
    path("templat/<slug:agency_slug>/<str:kind>/", views.template_edit, name="template_edit"),
    path(
        "templat/<slug:agency_slug>/<str:kind>/pratinjau.pdf",
        views.template_preview_pdf,
        name="template_preview",
    ),
]
