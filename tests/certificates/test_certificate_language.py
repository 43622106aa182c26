"""A certificate in the course's language where the jurisdiction accepts it, with an English line where it asks."""

import dataclasses

from courses.certificates.models import Certificate
from courses.certificates.rendering import certificate_html
from courses.certificates.snapshot import snapshot_build
from courses.certificates.tasks import certificates_issue_task
from courses.models import Jurisdiction
from tests.certificates.samples import sample_snapshot_inputs
from tests.certificates.test_issue import pdf_text


def spanish_inputs(*, rule: str) -> dict:
    inputs = sample_snapshot_inputs()
    inputs["facts"] = dataclasses.replace(inputs["facts"], course_language="es", course_title="Autopeticiones VAWA")
    inputs["accreditation"] = dataclasses.replace(inputs["accreditation"], certificate_language=rule)
    return inputs


def test_a_jurisdiction_that_keeps_english_gets_an_english_certificate_for_a_spanish_course():
    snapshot = snapshot_build(**spanish_inputs(rule="english"))
    assert snapshot["language"] == "en"
    assert snapshot["english_statement"] == ""
    html = certificate_html(snapshot=snapshot)
    assert '<html lang="en">' in html and "Verification code" in html


def test_a_jurisdiction_that_accepts_the_course_language_with_an_english_line_gets_both():
    snapshot = snapshot_build(**spanish_inputs(rule="course_with_english"))
    assert snapshot["language"] == "es"
    assert snapshot["credits"]["unit_label"] == "Horas de crédito"
    statement = snapshot["english_statement"]
    assert statement.startswith('This certifies that Lucía García completed "Autopeticiones VAWA"')
    assert "taught in Spanish" in statement and "3.0" in statement and "New York" in statement
    html = certificate_html(snapshot=snapshot)
    assert '<html lang="es">' in html and "Código de verificación" in html
    assert 'lang="en">This certifies that' in html


def test_a_jurisdiction_that_accepts_the_course_language_alone_gets_no_english_line():
    snapshot = snapshot_build(**spanish_inputs(rule="course"))
    assert snapshot["language"] == "es" and snapshot["english_statement"] == ""


def test_an_english_course_stays_english_whatever_the_jurisdiction_accepts():
    inputs = sample_snapshot_inputs()
    inputs["accreditation"] = dataclasses.replace(inputs["accreditation"], certificate_language="course_with_english")
    snapshot = snapshot_build(**inputs)
    assert snapshot["language"] == "en" and snapshot["english_statement"] == ""


def test_the_issued_pdf_is_in_spanish_with_the_english_statement(completed, world, private_storage):
    world.course.language = "es"
    world.course.save_revision().publish()
    Jurisdiction.objects.filter(pk=world.ny.pk).update(
        certificate_language=Jurisdiction.CertificateLanguage.COURSE_WITH_ENGLISH
    )
    certificates_issue_task.delay(completed.pk).get()
    certificate = Certificate.objects.get()
    assert certificate.snapshot["language"] == "es"
    text = " ".join(pdf_text(certificate.file_key).split())
    assert "Código de verificación" in text
    assert "This certifies that Lucía García completed" in text
