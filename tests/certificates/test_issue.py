import io

from django.core import mail
from django.core.files.storage import storages
from pypdf import PdfReader

from courses.certificates.models import Certificate
from courses.certificates.services import certificate_render, certificates_issue_for_enrollment
from courses.certificates.tasks import certificates_issue_task
from tests.factories import VolunteerFactory, bar_admission_make, completed_enrollment_make


def pdf_text(key: str) -> str:
    with storages["private"].open(key, "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


def files_under(root) -> list:
    return list(root.rglob("*.pdf"))


def test_completion_issues_one_certificate_per_jurisdiction_with_an_active_admission(completed, world, private_storage):
    ids = certificates_issue_task.delay(completed.pk).get()
    certificate = Certificate.objects.get()
    assert ids == [certificate.pk]
    assert certificate.jurisdiction == world.ny  # no California admission: no California certificate
    assert certificate.status == Certificate.Status.VALID
    assert str(certificate.credit_total) == "3.00"
    text = pdf_text(certificate.file_key)
    for expected in ("Lucía García", "5512345", "NY-PB-0421", world.course.title, certificate.display_code):
        assert expected in text
    assert len(files_under(private_storage)) == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [completed.user.email]
    assert world.course.title in mail.outbox[0].body


def test_task_run_twice_leaves_one_row_one_file_one_email(completed, private_storage):
    first = certificates_issue_task.delay(completed.pk).get()
    second = certificates_issue_task.delay(completed.pk).get()
    assert first == second
    assert Certificate.objects.count() == 1
    assert len(files_under(private_storage)) == 1
    assert len(mail.outbox) == 1


def test_retry_after_a_crash_between_insert_and_render_finishes_the_job(completed, private_storage, monkeypatch):
    from courses.certificates import services

    def crash(**kwargs):
        raise OSError("worker lost mid-render")

    monkeypatch.setattr(services, "certificate_pdf_render", crash)
    try:
        certificates_issue_for_enrollment(enrollment_id=completed.pk)
    except OSError:
        pass
    assert Certificate.objects.count() == 1
    assert files_under(private_storage) == []
    monkeypatch.undo()
    certificates_issue_task.delay(completed.pk).get()
    assert Certificate.objects.count() == 1
    assert len(files_under(private_storage)) == 1
    assert len(mail.outbox) == 1


def test_rendering_again_keeps_exactly_one_file(completed, private_storage):
    certificates_issue_task.delay(completed.pk).get()
    certificate = Certificate.objects.get()
    certificate_render(certificate=certificate)
    certificate_render(certificate=certificate, force=True)
    assert len(files_under(private_storage)) == 1


def test_attorney_admitted_in_both_gets_two_certificates_in_each_unit(completed, world):
    bar_admission_make(user=completed.user, jurisdiction=world.ca, bar_number="CA-998877")
    certificates_issue_task.delay(completed.pk).get()
    by_code = {c.jurisdiction.code: c for c in Certificate.objects.select_related("jurisdiction")}
    assert set(by_code) == {"NY", "CA"}
    # 160 engaged minutes: NY 3.2 credits → capped at the accredited 3.0; CA 2.67 h → 2.5 in quarter hours.
    assert by_code["NY"].snapshot["credits"]["total"] == "3.0"
    assert by_code["CA"].snapshot["credits"]["total"] == "2.5"
    assert by_code["CA"].snapshot["attorney"]["bar_number"] == "CA-998877"


def test_attorney_without_an_active_admission_gets_none_until_one_is_added(world):
    user = VolunteerFactory()
    enrollment = completed_enrollment_make(user=user, course=world.course)
    assert certificates_issue_task.delay(enrollment.pk).get() == []
    bar_admission_make(user=user, jurisdiction=world.ny)
    assert len(certificates_issue_task.delay(enrollment.pk).get()) == 1


def test_incomplete_enrollment_issues_nothing(attorney, world):
    enrollment = completed_enrollment_make(user=attorney, course=world.course)
    enrollment.completed_at = None
    enrollment.save()
    assert certificates_issue_task.delay(enrollment.pk).get() == []
    assert certificates_issue_task.delay(999999).get() == []


def test_issued_certificate_is_frozen_against_later_edits(completed, world, attorney):
    from courses.models import BarAdmission, CourseAccreditation

    certificates_issue_task.delay(completed.pk).get()
    certificate = Certificate.objects.get()
    before = dict(certificate.snapshot)
    attorney.full_name = "Lucía García-Pérez"
    attorney.save()
    world.course.title = "Renamed course"
    world.course.save()
    CourseAccreditation.objects.filter(course=world.course).update(provider_number="CHANGED", course_number="X")
    BarAdmission.objects.filter(user=attorney).update(bar_number="000")
    certificates_issue_task.delay(completed.pk).get()
    certificate.refresh_from_db()
    assert certificate.snapshot == before
    certificate_render(certificate=certificate, force=True)
    text = pdf_text(certificate.file_key)
    assert "Lucía García" in text and "García-Pérez" not in text
    assert "NY-PB-0421" in text and "CHANGED" not in text
    assert "Renamed course" not in text


def test_affirmation_and_attendance_codes_are_stored_with_the_certificate(completed):
    certificates_issue_task.delay(completed.pk).get()
    verification = Certificate.objects.get().snapshot["verification"]
    assert verification["affirmation_text"] == completed.affirmation_text
    assert verification["affirmation_signed_at"]
    assert [code["label"] for code in verification["codes"]] == ["Attendance code 1", "Attendance code 2"]
    assert "2 of 2 attendance codes entered" in verification["method"]


def test_completion_service_queues_the_task_on_commit(completed, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            certificates_issue_task.delay_on_commit(completed.pk)
            assert Certificate.objects.count() == 0
    queued = [callback for callback in callbacks if getattr(callback, "func", None) == certificates_issue_task.delay]
    assert len(queued) == 1
    assert Certificate.objects.count() == 1


def test_a_failed_email_is_sent_by_the_retry_and_only_once(completed, monkeypatch):
    import smtplib

    from courses.certificates import services

    real_send = services.send_mail

    def smtp_down(**kwargs):
        raise smtplib.SMTPServerDisconnected("mail server went away")

    monkeypatch.setattr(services, "send_mail", smtp_down)
    try:
        certificates_issue_for_enrollment(enrollment_id=completed.pk)
    except OSError:
        pass
    assert Certificate.objects.get().emailed_at is None
    monkeypatch.setattr(services, "send_mail", real_send)
    certificates_issue_task.delay(completed.pk).get()
    certificates_issue_task.delay(completed.pk).get()
    assert Certificate.objects.get().emailed_at is not None
    assert len(mail.outbox) == 1
