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
