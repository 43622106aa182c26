import csv
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from courses.certificates import ratelimit
from courses.certificates.models import Certificate
from courses.certificates.services import certificate_reissue, certificate_revoke
from courses.certificates.tasks import certificates_issue_task
from tests.factories import StaffFactory, VolunteerFactory


@pytest.fixture
def certificate(completed):
    certificates_issue_task.delay(completed.pk).get()
    return Certificate.objects.get()


def verify(code: str, client=None):
    return (client or Client()).get(reverse("certificates:verify", kwargs={"code": code}))


def test_verify_page_for_a_valid_code_shows_only_name_course_credits_date(certificate, world):
    response = verify(certificate.code)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Valid" in html
    for shown in ("Lucía García", world.course.title, certificate.snapshot["completion"]["completed_on"], "3.0"):
        assert shown in html
    # Nothing beyond the four facts: no bar number, no email, no engaged time, no affirmation.
    for hidden in ("5512345", certificate.user.email, "affirm", "Attendance code 1"):
        assert hidden not in html
    assert 'name="robots" content="noindex"' in html


def test_verify_accepts_the_printed_grouped_code_from_the_form(certificate):
    response = Client().get(reverse("certificates:verify_form"), {"code": certificate.display_code.lower()})
    assert response.status_code == 302
    assert response["Location"] == reverse("certificates:verify", kwargs={"code": certificate.code})


def test_verify_form_rejects_junk_with_a_form_error(db):
    response = Client().get(reverse("certificates:verify_form"), {"code": "<script>"})
    assert response.status_code == 200
    assert "That is not a certificate code" in response.content.decode()


def test_verify_page_says_revoked(certificate):
    certificate_revoke(certificate=certificate, by=StaffFactory(), reason="Attendance could not be confirmed")
    response = verify(certificate.code)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Revoked" in html and "no longer valid" in html
    assert "Attendance could not be confirmed" not in html  # the reason is for staff, not the public


def test_reissue_supersedes_the_old_code_and_the_new_one_is_valid(certificate):
    new = certificate_reissue(
        certificate=certificate, by=StaffFactory(), reason="Name correction", attorney_name="Lucía García Pérez"
    )
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.SUPERSEDED
    assert certificate.superseded_by == new
    assert (new.version, new.status) == (2, Certificate.Status.VALID)
    assert new.code != certificate.code
    assert new.snapshot["attorney"]["name"] == "Lucía García Pérez"
    assert new.snapshot["credits"] == certificate.snapshot["credits"]
    old_page = verify(certificate.code).content.decode()
    assert "Superseded" in old_page
    assert new.code not in old_page and new.display_code not in old_page  # links nothing
    assert "Lucía García Pérez" in verify(new.code).content.decode()


def test_only_a_valid_certificate_can_be_reissued(certificate):
    certificate_revoke(certificate=certificate, by=StaffFactory(), reason="x")
    with pytest.raises(ValueError):
        certificate_reissue(certificate=certificate, by=StaffFactory(), reason="y")


@pytest.mark.parametrize("code", ["ABCDEFGHJKMN", "not-a-code", "0000"])
def test_unknown_code_is_404(db, code):
    assert verify(code).status_code == 404


def test_guessing_codes_is_rate_limited_per_address(certificate):
    client = Client()
    for _ in range(ratelimit.MISSES_PER_WINDOW):
        assert verify("ABCDEFGHJKMN", client).status_code == 404
    assert verify(certificate.code, client).status_code == 429
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert verify(certificate.code, other).status_code == 200


def test_owner_downloads_the_pdf_as_an_attachment(certificate, client_for):
    response = client_for(certificate.user).get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content.startswith(b"%PDF")


def test_another_users_certificate_is_404(certificate, client_for):
    stranger = VolunteerFactory()
    response = client_for(stranger).get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 404
    assert client_for(stranger).get(reverse("certificates:download", args=[999999])).status_code == 404


def test_signed_out_visitor_is_sent_to_sign_in(certificate):
    response = Client().get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_my_certificates_lists_own_certificates_only(certificate, client_for, world):
    html = client_for(certificate.user).get(reverse("certificates:mine")).content.decode()
    assert world.course.title in html and certificate.display_code in html
    stranger_html = client_for(VolunteerFactory()).get(reverse("certificates:mine")).content.decode()
    assert certificate.display_code not in stranger_html


def test_my_certificates_explains_a_missing_bar_admission(world, client_for):
    from tests.factories import completed_enrollment_make

    user = VolunteerFactory()
    completed_enrollment_make(user=user, course=world.course)
    html = client_for(user).get(reverse("certificates:mine")).content.decode()
    assert "no active bar admission" in html


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_transcript_totals_by_category_with_rounding_and_pro_bono(attorney, world, client_for, monkeypatch):
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories import cle_world_make, completed_enrollment_make

    world.ny.pro_bono_minutes_per_credit = 300  # one credit per five hours
    world.ny.pro_bono_max_credits_per_cycle = Decimal("3")
    world.ny.pro_bono_category = world.ny_skills
    world.ny.save()
    monkeypatch.setattr("mentorship.selectors.hours.pro_bono_hours_for", lambda **kwargs: Decimal("12.5"))
    now = timezone.now()
    # 74 minutes: 1.48 NY credits → 1.0 (half-credit increments round down), all Ethics (listed first).
    first = completed_enrollment_make(user=attorney, course=world.course, engaged_minutes=74, completed_at=now)
    second_world = cle_world_make()
    second = completed_enrollment_make(
        user=attorney, course=second_world.course, engaged_minutes=200, completed_at=now - timedelta(days=3)
    )
    certificates_issue_task.delay(first.pk).get()
    certificates_issue_task.delay(second.pk).get()
    client = client_for(attorney)
    response = client.get(reverse("certificates:transcript"))
    assert response.status_code == 200
    transcript = response.context["transcript"]
    totals = dict(transcript.category_totals)
    # Ethics 1.0 + 1.0; Skills 0 + 2.0 from courses, + 2.5 pro bono (12.5 h / 5 h) = 4.5.
    assert totals == {"Ethics and Professionalism": "2.0", "Skills": "4.5"}
    assert transcript.course_total_str == "4.0"
    assert transcript.total_str == "6.5"
    rows = _csv_rows(client.get(reverse("certificates:transcript_download", args=["csv"])))
    assert ["Total credit", "", "6.5"] in rows
    assert any(row[-2:] == ["Skills", "2.5"] and "Pro bono" in row[1] for row in rows if len(row) > 2)
    pdf = client.get(reverse("certificates:transcript_download", args=["pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf["Content-Disposition"].startswith("attachment;")


def test_pro_bono_credit_is_capped_per_cycle(attorney, world, client_for, monkeypatch):
    world.ny.pro_bono_minutes_per_credit = 300
    world.ny.pro_bono_max_credits_per_cycle = Decimal("3")
    world.ny.save()
    monkeypatch.setattr("mentorship.selectors.hours.pro_bono_hours_for", lambda **kwargs: Decimal("40"))
    transcript = client_for(attorney).get(reverse("certificates:transcript")).context["transcript"]
    assert transcript.pro_bono.capped is True
    assert transcript.pro_bono.credit == Decimal("3")
    assert transcript.total_str == "3.0"


def test_transcript_leaves_out_superseded_and_revoked_certificates(certificate, client_for):
    staff = StaffFactory()
    new = certificate_reissue(certificate=certificate, by=staff, reason="fix")
    client = client_for(certificate.user)
    transcript = client.get(reverse("certificates:transcript")).context["transcript"]
    assert [row.code for row in transcript.rows] == [new.display_code]
    assert transcript.total_str == "3.0"
    certificate_revoke(certificate=new, by=staff, reason="x")
    transcript = client.get(reverse("certificates:transcript")).context["transcript"]
    assert transcript.rows == [] and transcript.total_str == "0.0"


def test_transcript_rejects_a_period_that_is_not_the_attorneys_own(attorney, client_for):
    client = client_for(attorney)
    response = client.get(reverse("certificates:transcript"), {"period": "999:2020-01-01"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert (
        client.get(reverse("certificates:transcript_download", args=["csv"]), {"period": "999:2020-01-01"}).status_code
        == 404
    )
    assert client.get(reverse("certificates:transcript_download", args=["exe"])).status_code == 404
