from django.urls import re_path

from open311 import views

app_name = "open311"

_FMT = r"\.(?P<fmt>[a-z]{1,8})"

urlpatterns = [
    re_path(rf"^services{_FMT}$", views.services, name="services"),
    re_path(rf"^services/(?P<code>[-\w]{{1,100}}){_FMT}$", views.service_definition, name="service"),
    re_path(rf"^requests{_FMT}$", views.requests, name="requests"),
    # The specification and its clients write requests/{id}; the published swagger writes request/{id}.
    re_path(rf"^requests/(?P<request_id>[-\w]{{1,40}}){_FMT}$", views.request_detail, name="request"),
    re_path(rf"^request/(?P<request_id>[-\w]{{1,40}}){_FMT}$", views.request_detail, name="request-singular"),
    re_path(rf"^tokens/(?P<token_id>[-\w]{{1,40}}){_FMT}$", views.token, name="token"),
]
