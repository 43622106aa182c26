import csv
import io
import zipfile

import pytest
from django.urls import reverse

from courses.certificates.models import Certificate
from courses.certificates.tasks import certificates_issue_task
from tests.factories import EditorFactory, VolunteerFactory


@pytest.fixture
def certificate(completed):
    certificates_issue_task.delay(completed.pk).get()
    return Certificate.objects.get()


@pytest.fixture
def editor_client(db, client_for):
    return client_for(EditorFactory())


def test_cle_administrator_lists_and_filters_certificates(certificate, editor_client):
    response = editor_client.get(reverse("certificates_admin:index"), {"status": "valid"})
    assert response.status_code == 200
    html = response.content.decode()
    assert certificate.display_code in html
    assert reverse("certificates_cle:revoke", args=[certificate.pk]) in html
    assert (
        editor_client.get(reverse("certificates_admin:index"), {"status": "revoked"})
        .content.decode()
        .count(certificate.display_code)
        == 0
    )


def test_certificates_cannot_be_edited_or_added_in_the_admin(certificate, client_for):
    from tests.factories import UserFactory, totp_enrol

    admin = UserFactory(is_superuser=True, is_staff=True)
    totp_enrol(admin)
    client = client_for(admin)
    assert client.get(reverse("certificates_admin:edit", args=[certificate.pk])).status_code in (302, 403)
    assert client.get(reverse("certificates_admin:add")).status_code in (302, 403)
    assert client.get(reverse("certificates_admin:inspect", args=[certificate.pk])).status_code == 200


def test_revoke_from_the_admin_needs_a_reason(certificate, editor_client):
    url = reverse("certificates_cle:revoke", args=[certificate.pk])
    assert editor_client.post(url, {"reason": ""}).status_code == 200
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID
    response = editor_client.post(url, {"reason": "Attendance codes were shared"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoked_reason == "Attendance codes were shared"


def test_reissue_from_the_admin_makes_version_two(certificate, editor_client):
    response = editor_client.post(
        reverse("certificates_cle:reissue", args=[certificate.pk]),
        {"reason": "Name correction", "attorney_name": "Lucía García Pérez", "bar_number": ""},
    )
    assert response.status_code == 302
    new = Certificate.objects.get(version=2)
    assert new.snapshot["attorney"] == {"name": "Lucía García Pérez", "bar_number": "5512345"}
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.SUPERSEDED
    # Reissuing the superseded one again is refused with a form error, not a 500.
    again = editor_client.post(reverse("certificates_cle:reissue", args=[certificate.pk]), {"reason": "again"})
    assert again.status_code == 200
    assert Certificate.objects.count() == 2


def test_unknown_certificate_in_admin_is_404(editor_client, db):
    assert editor_client.get(reverse("certificates_cle:revoke", args=[424242])).status_code == 404


def test_attendance_record_csv_has_what_an_audit_asks_for(certificate, editor_client, world):
    response = editor_client.get(reverse("certificates_cle:attendance"), {"course": world.course.pk, "export": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1
    row = rows[0]
    assert row["name"] == "Lucía García"
    assert row["bar_number"] == "5512345"
    assert row["course"] == world.course.title
    assert row["minutes_engaged"] == "160"
    assert "Attendance code 1: correct" in row["codes_entered"]
    assert row["credits_by_category"] == "Ethics and Professionalism 1.0; Skills 2.0"
    assert row["certificate"] == certificate.display_code


def test_zip_holds_every_valid_certificate_of_the_course(certificate, editor_client, world):
    response = editor_client.get(reverse("certificates_cle:attendance"), {"course": world.course.pk, "export": "zip"})
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert len(names) == 1 and names[0].startswith("NY/") and certificate.code in names[0]
    assert archive.read(names[0]).startswith(b"%PDF")


def test_activity_report_counts_per_course_and_period(certificate, editor_client, world):
    response = editor_client.get(reverse("certificates_cle:activity"), {"grain": "year", "export": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows == [
        {
            "period": str(certificate.issued_at.year),
            "course": world.course.title,
            "enrolments": "1",
            "completions": "1",
            "certificates_issued": "1",
            "revoked": "0",
        }
    ]
    assert editor_client.get(reverse("certificates_cle:activity")).status_code == 200
    assert editor_client.get(reverse("certificates_cle:activity"), {"start": "garbage"}).status_code == 200


def test_volunteers_reach_none_of_the_cle_admin(certificate, client_for):
    client = client_for(VolunteerFactory())
    for url in (
        reverse("certificates_cle:activity"),
        reverse("certificates_cle:attendance"),
        reverse("certificates_cle:revoke", args=[certificate.pk]),
        reverse("certificates_admin:index"),
    ):
        assert client.get(url).status_code == 404
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID


def test_settings_feed_the_next_certificate_only(completed, editor_client, world):
    from courses.certificates.models import CertificateSettings, JurisdictionProvider
    from courses.models import CourseAccreditation

    config = CertificateSettings.load()
    config.administrator_name = "Renata Okafor"
    config.save()
    CourseAccreditation.objects.filter(course=world.course, jurisdiction=world.ny).update(provider_number="")
    JurisdictionProvider.objects.create(settings=config, jurisdiction=world.ny, provider_number="NY-DEFAULT-9")
    certificates_issue_task.delay(completed.pk).get()
    certificate = Certificate.objects.get()
    assert certificate.snapshot["administrator"]["name"] == "Renata Okafor"
    assert certificate.snapshot["provider"]["number"] == "NY-DEFAULT-9"
    config.administrator_name = "Someone Else"
    config.save()
    certificate.refresh_from_db()
    assert certificate.snapshot["administrator"]["name"] == "Renata Okafor"


def test_cle_settings_are_edited_in_the_admin_with_provider_numbers_per_jurisdiction(editor_client, world):
    from courses.certificates.models import CertificateSettings

    config = CertificateSettings.load()
    url = reverse("wagtailsettings:edit", args=["certificates", "certificatesettings", config.pk])
    response = editor_client.get(url)
    assert response.status_code == 200
    data = {
        "provider_name": "Pro Bono Academy",
        "provider_contact": "cle@probono.example",
        "administrator_name": "Renata Okafor",
        "administrator_title": "CLE Administrator",
        "provider_numbers-TOTAL_FORMS": "1",
        "provider_numbers-INITIAL_FORMS": "0",
        "provider_numbers-MIN_NUM_FORMS": "0",
        "provider_numbers-MAX_NUM_FORMS": "1000",
        "provider_numbers-0-jurisdiction": str(world.ny.pk),
        "provider_numbers-0-provider_name": "",
        "provider_numbers-0-provider_number": "NY-PB-0421",
        "provider_numbers-0-provider_contact": "",
        "provider_numbers-0-ORDER": "1",
        "provider_numbers-0-id": "",
        "provider_numbers-0-DELETE": "",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    config = CertificateSettings.load()
    config.refresh_from_db()
    assert config.administrator_name == "Renata Okafor"
    assert config.provider_numbers.get().provider_number == "NY-PB-0421"


def test_staff_issue_missing_certificates_once_an_admission_is_added(
    world, editor_client, django_capture_on_commit_callbacks
):
    from tests.factories import bar_admission_make, completed_enrollment_make

    user = VolunteerFactory()
    enrollment = completed_enrollment_make(user=user, course=world.course)
    certificates_issue_task.delay(enrollment.pk).get()
    assert not Certificate.objects.exists()
    bar_admission_make(user=user, jurisdiction=world.ca, bar_number="CA-1")
    url = reverse("certificates_cle:issue_missing", args=[world.course.pk])
    assert editor_client.get(url).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url)
    assert response.status_code == 302
    assert Certificate.objects.get().jurisdiction == world.ca
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(url)
    assert Certificate.objects.count() == 1


@pytest.mark.parametrize("export", ["csv", "zip"])
def test_attendance_exports_ask_for_the_password_first_but_the_page_does_not(certificate, world, export):
    from tests.conftest import login_client
    from tests.factories import DEFAULT_PASSWORD

    client = login_client(EditorFactory(), reauthenticated=False)
    url = reverse("certificates_cle:attendance")
    assert client.get(url, {"course": world.course.pk}).status_code == 200
    response = client.get(url, {"course": world.course.pk, "export": export})
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(reverse("account_reauthenticate"), {"password": DEFAULT_PASSWORD})
    assert client.get(url, {"course": world.course.pk, "export": export}).status_code == 200


@pytest.mark.parametrize("export", ["csv", "zip"])
def test_attendance_exports_refuse_users_without_the_report_permission_before_asking_for_the_password(
    certificate, world, export
):
    from django.contrib.auth.models import Permission

    from tests.conftest import login_client
    from tests.factories import UserFactory

    url = reverse("certificates_cle:attendance")
    admin_user = UserFactory()
    admin_user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    # In the admin but not allowed CLE reports, or not in the admin at all: the export answers
    # exactly as the page does (the admin's refusal), never with the password page.
    for user in (admin_user, VolunteerFactory()):
        client = login_client(user, reauthenticated=False)
        page = client.get(url, {"course": world.course.pk})
        response = client.get(url, {"course": world.course.pk, "export": export})
        # Signed in without admin access: 404 from the whole admin; in it: the admin's redirect.
        assert response.status_code == page.status_code == (302 if user is admin_user else 404)
        if user is admin_user:
            assert response["Location"].split("?")[0] == page["Location"].split("?")[0]
            assert not response["Location"].startswith(reverse("account_reauthenticate"))
