from django.urls import path

from notifications import views

app_name = "notifications"
urlpatterns = [
    path("whatsapp/", views.whatsapp_webhook, name="whatsapp_webhook"),
    path("sms/", views.sms_webhook, name="sms_webhook"),
]
