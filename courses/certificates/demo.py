"""Demo content for seed_demo: certificate settings, certificates for completed demo enrolments,
one corrected (superseded) and one revoked certificate so the verification page can be tried.

Runs after `courses.demo`. Idempotent: a second run finds everything in place and changes
no row count.
"""

from __future__ import annotations

import io

from django.conf import settings
from django.core.files.images import ImageFile
from django.core.files.storage import storages
from django.db import transaction
from django.urls import reverse

from .models import Certificate, CertificateSettings, JurisdictionProvider
from .services import certificate_reissue, certificate_revoke, certificates_issue_for_enrollment

DEMO_REISSUE_REASON = "Name correction requested by the attorney (second surname added)"
DEMO_REVOKE_REASON = "Demo: attendance could not be confirmed on audit"
PROVIDER_NUMBERS = {"NY": "NY-PB-0421", "CA": "CA-14277", "IL": "IL-PBA-0093"}


def seed(*, people, stdout) -> None:
    from courses.models import Enrollment, Jurisdiction

    configured_now = _settings_ensure(people=people, jurisdictions=Jurisdiction.objects.all())
    if configured_now:
        _unsigned_demo_certificates_forget()
    for enrollment_id in (
        Enrollment.objects.filter(completed_at__isnull=False).order_by("pk").values_list("pk", flat=True)
    ):
        certificates_issue_for_enrollment(enrollment_id=enrollment_id)
    staff = people.get("staff")
    corrected = _correction_ensure(staff=staff)
    revoked = _revocation_ensure(staff=staff, spare=corrected)
    stdout.write(
        f"Certificates: {Certificate.objects.filter(status=Certificate.Status.VALID).count()} valid, "
        f"{Certificate.objects.filter(status=Certificate.Status.SUPERSEDED).count()} superseded, "
        f"{Certificate.objects.filter(status=Certificate.Status.REVOKED).count()} revoked"
    )
    base = settings.SITE_URL.rstrip("/")
    samples = []
    valid = Certificate.objects.filter(status=Certificate.Status.VALID, version=1).order_by("pk").first()
    if valid:
        samples.append(("valid", valid))
    if corrected:
        samples.append(("superseded", corrected))
        if corrected.superseded_by_id:
            samples.append(("valid, corrected v2", corrected.superseded_by))
    if revoked:
        samples.append(("revoked", revoked))
    for label, certificate in samples:
        url = base + reverse("certificates:verify", kwargs={"code": certificate.code})
        stdout.write(f"  verify ({label}): {certificate.display_code}  {url}")


def _signature_png(name: str) -> bytes:
    """A handwritten-looking signature drawn with the shipped italic font (demo only)."""
    from PIL import Image, ImageDraw, ImageFont

    from .rendering import FONTS_DIR

    font = ImageFont.truetype(str(FONTS_DIR / "DejaVuSerif-Italic.ttf"), 64)
    image = Image.new("RGBA", (640, 120), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.text((12, 10), name, font=font, fill=(20, 50, 61, 255))
    draw.line((20, 96, 560, 88), fill=(20, 50, 61, 200), width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _settings_ensure(*, people, jurisdictions) -> bool:
    """Fill in the CLE settings once; True when this run configured them."""
    from wagtail.images.models import Image

    config = CertificateSettings.load()
    if config.administrator_name:
        return False
    administrator = people.get("staff")
    name = administrator.full_name if administrator else "Renata Okafor"
    with transaction.atomic():
        image = Image(title="CLE administrator signature (demo)")
        image.file = ImageFile(io.BytesIO(_signature_png(name)), name="cle-signature-demo.png")
        image.save()
        config.provider_name = "Pro Bono Academy"
        config.provider_contact = "CLE office, 100 Church St, New York, NY 10007 · cle@probono.example · (212) 555-0142"
        config.administrator_name = name
        config.administrator_title = "CLE Administrator"
        config.signature_image = image
        config.save()
        for jurisdiction in jurisdictions:
            if jurisdiction.code in PROVIDER_NUMBERS:
                JurisdictionProvider.objects.get_or_create(
                    settings=config,
                    jurisdiction=jurisdiction,
                    defaults={"provider_number": PROVIDER_NUMBERS[jurisdiction.code]},
                )
    return True


def _unsigned_demo_certificates_forget() -> None:
    """Certificates that `courses.demo` issued moments ago, before the settings existed, are
    issued again with the signature (demo data only, never done to real certificates)."""
    storage = storages["private"]
    for certificate in Certificate.objects.filter(
        version=1, status=Certificate.Status.VALID, superseded_by__isnull=True, snapshot__administrator__name=""
    ):
        if certificate.file_key and storage.exists(certificate.file_key):
            storage.delete(certificate.file_key)
        certificate.delete()


def _correction_ensure(*, staff) -> Certificate | None:
    existing = Certificate.objects.filter(status=Certificate.Status.SUPERSEDED, reissue_reason="").filter(
        superseded_by__reissue_reason=DEMO_REISSUE_REASON
    )
    if existing.exists():
        return existing.first()
    candidate = (
        Certificate.objects.filter(status=Certificate.Status.VALID, version=1, user__email__startswith="l.garcia")
        .order_by("pk")
        .first()
        or Certificate.objects.filter(status=Certificate.Status.VALID, version=1).order_by("pk").first()
    )
    if candidate is None or staff is None:
        return None
    name = candidate.snapshot["attorney"]["name"]
    corrected_name = f"{name} Ramírez" if "Ramírez" not in name else name
    certificate_reissue(certificate=candidate, by=staff, reason=DEMO_REISSUE_REASON, attorney_name=corrected_name)
    candidate.refresh_from_db()
    return candidate


def _revocation_ensure(*, staff, spare: Certificate | None) -> Certificate | None:
    existing = Certificate.objects.filter(status=Certificate.Status.REVOKED, revoked_reason=DEMO_REVOKE_REASON).first()
    if existing is not None:
        return existing
    candidates = Certificate.objects.filter(status=Certificate.Status.VALID, version=1).order_by("-pk")
    if spare is not None:
        candidates = candidates.exclude(user_id=spare.user_id)
    candidate = candidates.first()
    if candidate is None or staff is None:
        return None
    return certificate_revoke(certificate=candidate, by=staff, reason=DEMO_REVOKE_REASON)
