from django.urls import path

from public import views

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    path("<slug:agency_slug>/", views.agency_detail, name="agency"),
    path("<slug:agency_slug>/maklumat/", views.maklumat, name="maklumat"),
    path("<slug:agency_slug>/<slug:service_slug>/", views.service_detail, name="service"),
]
