from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The agency administrator: manages the agency's units, services and standards.
ADMIN_ROLE = "admin"


class StaffRole(models.Model):
    """A role an agency's standards name ("Operator Kecamatan", "Camat", "Petugas Front Office").

    Roles are data, not code: each standard's procedure names its own actors, and later the case
    engine routes steps to the members holding the matching role.
    """

    agency = models.ForeignKey("standards.Agency", on_delete=models.CASCADE, related_name="roles")
    code = models.SlugField()
    name = models.CharField(_("nama peran"), max_length=150)
    # Other names the decrees use for the same role ("Operator Kelurahan" vs "operator kelurahan").
    aliases = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["agency", "name"]
        verbose_name = _("peran petugas")
        verbose_name_plural = _("peran petugas")
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="staffrole_code_unique_per_agency")
        ]

    def __str__(self) -> str:
        return f"{self.name} — {self.agency}"


class Membership(models.Model):
    """A staff member holding one agency role; the agency is the role's. Permissions are scoped by these."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.ForeignKey(StaffRole, on_delete=models.PROTECT, related_name="memberships")
    # Set for staff of one unit (a kelurahan's operator, a bagian's staff): they see and act only
    # on the cases of that unit. Empty: the whole agency.
    unit = models.ForeignKey(
        "standards.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("unit kerja"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("keanggotaan")
        verbose_name_plural = _("keanggotaan")
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} · {self.role}"


class ApiToken(models.Model):
    """A staff member's key to the API (``Authorization: Bearer …``).

    Only the SHA-256 of the token is stored: the token itself is shown once, when it is made. A
    plain hash is enough (not a slow password hash) because the token is 256 random bits, not
    something a person chose. ``prefix`` is the token's first characters, so a list of tokens can
    say which one is which without holding anything that opens the API.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("nama"), max_length=100, blank=True)
    prefix = models.CharField(max_length=8)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["user", "-created_at"]
        verbose_name = _("token API")
        verbose_name_plural = _("token API")

    def __str__(self) -> str:
        return f"{self.prefix}… · {self.user}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
