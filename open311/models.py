from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Open311Client(models.Model):
    """An application allowed to POST service requests (complaints) through Open311.

    GeoReport v2 passes the key as the ``api_key`` parameter. Only its SHA-256 is stored (the key
    is 256 random bits, shown once by ``pelayan open311-key create NAME``); ``prefix`` tells keys
    apart in a listing without holding anything that opens the API.
    """

    name = models.CharField(_("nama klien"), max_length=100, unique=True)
    prefix = models.CharField(max_length=8)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("klien Open311")
        verbose_name_plural = _("klien Open311")
        constraints = [models.CheckConstraint(condition=~Q(name=""), name="open311client_name_set")]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
