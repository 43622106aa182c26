"""Writes for CLE certificates: issue, render, email, reissue, revoke.

Invariants live in the database (see the constraints on `Certificate`): issuing is a
get-or-create on (attorney, course, jurisdiction, version 1), the file key is derived
from the row, and the email is claimed with a conditional update, so every step is safe
to run twice or from two workers at once.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import logging
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.audit import audit_record
from accounts.models import AuditEvent
from accounts.services import recipient_language

from . import sources
from .codes import code_generate
from .models import TEMPLATE_VERSION, Certificate
from .rendering import PRIVATE_ASSET_PREFIX, certificate_pdf_render
from .snapshot import AdmissionFacts, SessionFacts, SignatureFacts, snapshot_build

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)


def private_storage():
    return storages["private"]


def verify_url_for(code: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("certificates:verify", kwargs={"code": code})


def certificate_file_key(*, certificate: Certificate) -> str:
    # Derived from the row alone: a retried render writes the same file, never a second one.
    return f"certificates/{certificate.user_id}/{certificate.pk}-v{certificate.version}-{certificate.code}.pdf"


def signature_asset_ensure(*, image, prefix: str) -> str:
    """Copy a Wagtail image into private storage under its content hash; returns the key.

    Content-addressed, so replacing the signature in settings never changes a
    certificate that already refers to the old file.
    """
    if image is None:
        return ""
    try:
        with image.file.open("rb") as handle:
            data = handle.read()
    except (OSError, ValueError):
        logger.warning("Certificate %s image could not be read; certificates go without it.", prefix)
        return ""
    extension = (image.file.name.rsplit(".", 1)[-1] or "png").lower()
    key = f"{PRIVATE_ASSET_PREFIX}{prefix}-{hashlib.sha256(data).hexdigest()[:32]}.{extension}"
    storage = private_storage()
    if not storage.exists(key):
        saved = storage.save(key, ContentFile(data))
        if saved != key:
            storage.delete(saved)
    return key


def signature_facts_current() -> SignatureFacts:
    config = sources.certificate_settings()
    return SignatureFacts(
        administrator_name=config.administrator_name,
        administrator_title=config.administrator_title,
        signature_key=signature_asset_ensure(image=config.signature_image, prefix="signature"),
        logo_key=signature_asset_ensure(image=config.logo, prefix="logo"),
    )


def _new_code() -> str:
    while True:
        code = code_generate()
        if not Certificate.objects.filter(code=code).exists():
            return code


def certificate_issue(
    *,
    enrollment_id: int,
    accreditation: sources.AccreditationFacts,
    admission: AdmissionFacts,
    facts: sources.EnrollmentFacts,
    signature: SignatureFacts,
    session: SessionFacts | None = None,
) -> tuple[Certificate, bool]:
    """Version 1 of the certificate for this attorney, course and jurisdiction: found or created."""
    lookup = {
        "user_id": facts.user_id,
        "course_id": facts.course_id,
        "jurisdiction_id": accreditation.jurisdiction_id,
        "version": 1,
    }
    existing = Certificate.objects.filter(**lookup).first()
    if existing is not None:
        return existing, False
    code = _new_code()
    snapshot = snapshot_build(
        facts=facts,
        accreditation=accreditation,
        admission=admission,
        signature=signature,
        code=code,
        version=1,
        issued_on=timezone.localdate(),
        verify_url=verify_url_for(code),
        template_version=TEMPLATE_VERSION,
        session=session,
    )
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                **lookup,
                enrollment_id=enrollment_id,
                code=code,
                snapshot=snapshot,
                template_version=TEMPLATE_VERSION,
                completed_on=facts.completed_at.date(),
                credit_total=snapshot["credits"]["total"],
            )
    except IntegrityError:
        # Another worker issued it between our look and our insert: theirs stands.
        return Certificate.objects.get(**lookup), False
    audit_record(actor=None, action=AuditEvent.Action.CREATE, obj=certificate, detail="certificate issued")
    return certificate, True


def certificate_render(*, certificate: Certificate, force: bool = False) -> str:
    """Write the certificate's PDF (from its snapshot) to private storage once; returns the key."""
    storage = private_storage()
    key = certificate_file_key(certificate=certificate)
    if not force and certificate.file_key == key and storage.exists(key):
        return key
    if force or not storage.exists(key):
        pdf = certificate_pdf_render(snapshot=certificate.snapshot)
        if force and storage.exists(key):
            storage.delete(key)
        saved = storage.save(key, ContentFile(pdf))
        if saved != key:
            # A concurrent render saved the same key first; keep exactly one file.
            storage.delete(saved)
    Certificate.objects.filter(pk=certificate.pk).update(file_key=key, rendered_at=timezone.now())
    certificate.file_key = key
    return key


def certificate_pdf_bytes(*, certificate: Certificate) -> bytes:
    key = certificate.file_key or certificate_render(certificate=certificate)
    storage = private_storage()
    if not storage.exists(key):
        key = certificate_render(certificate=certificate)
    with storage.open(key, "rb") as handle:
        return handle.read()


def certificate_email_send(*, certificate: Certificate) -> bool:
    """Tell the attorney the certificate is ready, exactly once.

    The claim (a conditional update) and the send share a transaction: a second worker
    waits on the row lock and then finds it claimed; a failed send (SMTP errors are
    OSError, which the task retries) rolls the claim back so the retry sends it.
    """
    if certificate.emailed_at is not None:
        return False
    user = certificate.user
    context = {
        "name": user.full_name,
        "course": certificate.course_title,
        "jurisdiction": certificate.snapshot["jurisdiction"]["name"],
        "url": settings.SITE_URL.rstrip("/") + reverse("certificates:mine"),
        "site_name": settings.SITE_NAME,
    }
    with transaction.atomic():
        claimed = Certificate.objects.filter(pk=certificate.pk, emailed_at__isnull=True).update(
            emailed_at=timezone.now()
        )
        if not claimed:
            return False
        with recipient_language(user=user):
            subject = _("Your CLE certificate is ready")
            message = render_to_string("certificates/email/certificate_ready.txt", context)
        send_mail(subject=subject, message=message, from_email=None, recipient_list=[user.email])
    return True


def certificates_issue_for_enrollment(*, enrollment_id: int) -> list[Certificate]:
    """Issue, render and announce the certificates a completed enrollment earns.

    One per jurisdiction where the course is accredited on demand and the attorney holds an
    active bar admission. An attorney with no such admission gets none now (there is no bar
    number to print); running this again after they add one issues what is missing. An
    enrollment completed by attending a live session earns that session's live certificates
    instead (see `certificates_issue_for_session`).
    """
    facts = sources.enrollment_facts(enrollment_id=enrollment_id)
    if facts is None:
        return []
    if sources.enrollment_completed_by_session(enrollment_id=enrollment_id):
        certificates = []
        for registration_id in sources.session_registration_ids(enrollment_id=enrollment_id):
            certificates += certificates_issue_for_session(registration_id=registration_id)
        return certificates
    # Live and webcast approvals are earned by attending a session, not by the on-demand lessons.
    accreditations = sources.accreditations_for(course_id=facts.course_id, formats=("on_demand",))
    return _issue_and_announce(enrollment_id=enrollment_id, facts=facts, accreditations=accreditations)


def certificates_issue_for_session(*, registration_id: int) -> list[Certificate]:
    """Issue, render and announce the certificates a recorded live attendance earns.

    One per jurisdiction with an accreditation of the session's format (Live for in person,
    Live webcast for a webinar), where the attorney holds an active admission and attended at
    least the jurisdiction's minimum minutes; credit follows the attended minutes.
    """
    found = sources.session_attendance_facts(registration_id=registration_id)
    if found is None:
        return []
    facts, session, accreditation_format = found
    accreditations = [
        dataclasses.replace(accreditation, location=session.location)
        for accreditation in sources.accreditations_for(course_id=facts.course_id, formats=(accreditation_format,))
        if facts.engaged_minutes >= accreditation.minimum_minutes
    ]
    return _issue_and_announce(
        enrollment_id=facts.enrollment_id, facts=facts, accreditations=accreditations, session=session
    )


def _issue_and_announce(
    *,
    enrollment_id: int,
    facts: sources.EnrollmentFacts,
    accreditations: list[sources.AccreditationFacts],
    session: SessionFacts | None = None,
) -> list[Certificate]:
    signature = None
    certificates = []
    issued = {
        certificate.jurisdiction_id: certificate
        for certificate in Certificate.objects.filter(user_id=facts.user_id, course_id=facts.course_id, version=1)
    }
    for accreditation in accreditations:
        if accreditation.jurisdiction_id in issued:
            # Already issued (a retry, a second completion event): no re-checking, no new facts.
            if issued[accreditation.jurisdiction_id] not in certificates:
                certificates.append(issued[accreditation.jurisdiction_id])
            continue
        completed_on = facts.completed_at.date()
        if accreditation.approved_from and completed_on < accreditation.approved_from:
            continue
        if accreditation.approved_to and completed_on > accreditation.approved_to:
            continue
        admission = sources.active_admission(user_id=facts.user_id, jurisdiction_id=accreditation.jurisdiction_id)
        if admission is None:
            continue
        if signature is None:
            signature = signature_facts_current()
        certificate, _created = certificate_issue(
            enrollment_id=enrollment_id,
            accreditation=accreditation,
            admission=admission,
            facts=facts,
            signature=signature,
            session=session,
        )
        issued[accreditation.jurisdiction_id] = certificate
        certificates.append(certificate)
    current = []
    for certificate in certificates:
        # A corrected or revoked certificate stays as staff left it; render what is current.
        latest = certificate
        while latest.superseded_by_id:
            latest = latest.superseded_by
        if latest.status == Certificate.Status.VALID:
            certificate_render(certificate=latest)
            certificate_email_send(certificate=latest)
        current.append(latest)
    return current


def certificates_issue_missing_queue(*, course_id: int) -> int:
    """Queue the issue task, after commit, for each completed enrolment of a course; returns how many."""
    from courses.models import Enrollment

    from .tasks import certificates_issue_task

    ids = list(Enrollment.objects.filter(course_id=course_id, completed_at__isnull=False).values_list("pk", flat=True))
    for enrollment_id in ids:
        transaction.on_commit(lambda pk=enrollment_id: certificates_issue_task.delay(pk))
    return len(ids)


def certificate_revoke(*, certificate: Certificate, by: User, reason: str, request=None) -> Certificate:
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.status == Certificate.Status.REVOKED:
            return locked
        locked.status = Certificate.Status.REVOKED
        locked.revoked_at = timezone.now()
        locked.revoked_reason = reason.strip()
        locked.revoked_by = by
        locked.save(update_fields=["status", "revoked_at", "revoked_reason", "revoked_by"])
        audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=locked, request=request, detail="revoked")
    return locked


def certificate_reissue(
    *,
    certificate: Certificate,
    by: User,
    reason: str,
    attorney_name: str = "",
    bar_number: str = "",
    request=None,
) -> Certificate:
    """Correct a valid certificate: a new version with a new code; the old one becomes superseded.

    The correction starts from the old snapshot (what the certificate said) and changes
    only the name and bar number, taken from the form or from the account now, plus the
    current signature; credits and course facts stay as they were at completion.
    """
    with transaction.atomic():
        old = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if old.status != Certificate.Status.VALID:
            raise ValueError(_("Only a valid certificate can be corrected."))
        name = attorney_name.strip() or old.user.full_name
        number = bar_number.strip() or sources.bar_number_now(
            user_id=old.user_id, jurisdiction_id=old.jurisdiction_id, default=old.snapshot["attorney"]["bar_number"]
        )
        signature = signature_facts_current()
        code = _new_code()
        snapshot = copy.deepcopy(old.snapshot)
        snapshot["template_version"] = TEMPLATE_VERSION
        snapshot["attorney"] = {"name": name, "bar_number": number}
        snapshot["administrator"] = {
            "name": signature.administrator_name,
            "title": signature.administrator_title,
            "signature_key": signature.signature_key,
        }
        snapshot["provider"]["logo_key"] = signature.logo_key
        version = old.version + 1
        snapshot["certificate"] = {
            "code": "-".join(code[i : i + 4] for i in range(0, len(code), 4)),
            "version": version,
            "issued_on": timezone.localdate().isoformat(),
            "verify_url": verify_url_for(code),
            "reissue_note": _("replaces %(code)s") % {"code": old.display_code},
        }
        old.status = Certificate.Status.SUPERSEDED
        old.save(update_fields=["status"])
        new = Certificate.objects.create(
            user_id=old.user_id,
            enrollment_id=old.enrollment_id,
            course_id=old.course_id,
            jurisdiction_id=old.jurisdiction_id,
            version=version,
            code=code,
            snapshot=snapshot,
            template_version=TEMPLATE_VERSION,
            completed_on=old.completed_on,
            credit_total=old.credit_total,
            reissue_reason=reason.strip(),
            emailed_at=timezone.now(),
        )
        old.superseded_by = new
        old.save(update_fields=["superseded_by"])
        audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=new, request=request, detail="reissued")
    certificate_render(certificate=new)
    return new
