"""CLE certificates: one row per (attorney, course, jurisdiction, version), frozen at issue."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Orderable

# Bump when the certificate template changes in a way a reader would notice; issued
# certificates keep the version they were rendered with (it is in their snapshot).
TEMPLATE_VERSION = "2026.1"


class Certificate(models.Model):
    """A certificate of attendance for one attorney, course and jurisdiction.

    Everything it states is frozen in `snapshot` at issue; the PDF is rendered from the
    snapshot alone. A correction is a new row (version + 1, new code) and the old row
    becomes `superseded`; its code still resolves on the verification page.
    """

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        SUPERSEDED = "superseded", _("Superseded")
        REVOKED = "revoked", _("Revoked")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="cle_certificates",
        verbose_name=_("attorney"),
    )
    enrollment = models.ForeignKey(
        "courses.Enrollment",
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    # Certificates must be kept for years (CLE.md: retention): a course or
    # jurisdiction with certificates cannot be deleted, only unpublished.
    course = models.ForeignKey("courses.CoursePage", on_delete=models.PROTECT, related_name="certificates")
    jurisdiction = models.ForeignKey("courses.Jurisdiction", on_delete=models.PROTECT, related_name="certificates")
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    code = models.CharField(_("verification code"), max_length=20, unique=True, editable=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.VALID)
    snapshot = models.JSONField(_("snapshot"), editable=False)
    template_version = models.CharField(_("template version"), max_length=20, editable=False)
    completed_on = models.DateField(_("completion date"))
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    credit_total = models.DecimalField(_("total credit"), max_digits=5, decimal_places=2)
    file_key = models.CharField(_("file"), max_length=200, blank=True, editable=False)
    rendered_at = models.DateTimeField(_("rendered at"), null=True, blank=True, editable=False)
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True, editable=False)
    superseded_by = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="supersedes", editable=False
    )
    reissue_reason = models.CharField(_("reason for reissue"), max_length=300, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.CharField(_("reason for revocation"), max_length=300, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("CLE certificate")
        verbose_name_plural = _("CLE certificates")
        constraints = [
            # Version 1 is what the issue task creates: a retried task or two racing
            # completions meet this constraint and end with one certificate.
            models.UniqueConstraint(
                fields=["user", "course", "jurisdiction", "version"], name="certificate_unique_version"
            ),
            models.UniqueConstraint(
                fields=["user", "course", "jurisdiction"],
                condition=Q(status="valid"),
                name="certificate_one_valid",
            ),
        ]
        indexes = [models.Index(fields=["course", "completed_on"]), models.Index(fields=["user", "status"])]
        permissions = [
            ("revoke_certificate", _("Can revoke a CLE certificate")),
            ("reissue_certificate", _("Can correct and reissue a CLE certificate")),
            ("view_cle_reports", _("Can view and export CLE reports")),
        ]

    def __str__(self) -> str:
        return f"{self.display_code} (v{self.version})"

    @property
    def display_code(self) -> str:
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))

    @property
    def attorney_name(self) -> str:
        return self.snapshot.get("attorney", {}).get("name", "")

    @property
    def course_title(self) -> str:
        return self.snapshot.get("course", {}).get("title", "")

    @property
    def credit_lines(self) -> list[dict]:
        return self.snapshot.get("credits", {}).get("lines", [])


@register_setting(icon="doc-full")
class CertificateSettings(ClusterableModel, BaseGenericSetting):
    """What every CLE certificate states about the provider and who signs it.

    Changing these affects certificates issued afterwards only: an issued certificate
    keeps what it said.
    """

    provider_name = models.CharField(_("provider name"), max_length=200, default="Pro Bono Academy")
    provider_contact = models.CharField(
        _("provider contact"),
        max_length=300,
        blank=True,
        help_text=_("Address, email or phone an auditor can use; printed on every certificate."),
    )
    administrator_name = models.CharField(_("CLE administrator's name"), max_length=200, blank=True)
    administrator_title = models.CharField(
        _("CLE administrator's title"), max_length=200, default="CLE Administrator", blank=True
    )
    signature_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A scan of the CLE administrator's signature (PNG with a transparent background works best)."),
    )
    logo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    panels = [
        MultiFieldPanel(
            [FieldPanel("provider_name"), FieldPanel("provider_contact"), FieldPanel("logo")], _("Provider")
        ),
        MultiFieldPanel(
            [FieldPanel("administrator_name"), FieldPanel("administrator_title"), FieldPanel("signature_image")],
            _("Signature"),
        ),
        InlinePanel("provider_numbers", label=_("Provider numbers per jurisdiction")),
    ]

    class Meta:
        verbose_name = _("CLE certificate settings")


class JurisdictionProvider(Orderable):
    """The provider's name and number as a jurisdiction's CLE board knows them.

    Used when a course's accreditation row leaves its own provider details blank.
    """

    settings = ParentalKey(CertificateSettings, on_delete=models.CASCADE, related_name="provider_numbers")
    jurisdiction = models.ForeignKey("courses.Jurisdiction", on_delete=models.CASCADE, related_name="+")
    provider_name = models.CharField(_("provider name"), max_length=200, blank=True)
    provider_number = models.CharField(_("provider number"), max_length=60)
    provider_contact = models.CharField(_("provider contact"), max_length=300, blank=True)

    panels = [
        FieldPanel("jurisdiction"),
        FieldPanel("provider_name"),
        FieldPanel("provider_number"),
        FieldPanel("provider_contact"),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["settings", "jurisdiction"], name="jurisdiction_provider_unique"),
        ]
