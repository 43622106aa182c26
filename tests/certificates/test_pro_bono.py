"""Pro bono CLE credit: earned through staff approval, at each jurisdiction's rate and cap.

Rules checked (December 2026):
- New York: one Skills credit per six 50-minute hours of pro bono service (300 minutes), at most
  6 credits per biennial cycle; newly admitted attorneys cannot count it in their transition
  (22 NYCRR Part 1500; NY CLE Board Regulations and Guidelines, "Pro Bono Legal Services", as
  summarised by the Fifth Judicial District's Pro Bono CLE page and S.D.N.Y.'s pro bono CLE page).
- Illinois: no general pro bono credit; the MCLE for Pro Bono Pilot Project (from July 1, 2025,
  amending Ill. S. Ct. R. 795(d)) gives 1 credit per 2 hours of service only through Illinois
  Free Legal Answers, at most 5 per two-year period (ISBA Bar News, April 2025; ISBA Mutual).
- California: no pro bono credit.
"""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from courses.certificates.transcripts import pro_bono_line_for, transcript_options
from courses.models import BarAdmission, Jurisdiction
from mentorship.services.hours import hours_approve
from tests.factories import HoursEntryFactory, StaffFactory, bar_admission_make, cle_jurisdiction_make

pytestmark = pytest.mark.django_db

IL_SOURCE = "Ill. S. Ct. R. 795(d), MCLE for Pro Bono Pilot Project (from July 1, 2025)"
NY_SOURCE = "22 NYCRR Part 1500; NY CLE Board Regulations and Guidelines, pro bono legal services"


def _new_york(world) -> Jurisdiction:
    world.ny.pro_bono_minutes_per_credit = 300
    world.ny.pro_bono_max_credits_per_cycle = Decimal("6")
    world.ny.pro_bono_category = world.ny_skills
    world.ny.pro_bono_newly_admitted = False
    world.ny.pro_bono_rule_source = NY_SOURCE
    world.ny.save()
    return world.ny


def _illinois() -> Jurisdiction:
    illinois = cle_jurisdiction_make(
        code="IL",
        name="Illinois",
        minutes=60,
        increment="0.25",
        reporting_cycle_months=24,
        pro_bono_minutes_per_credit=120,
        pro_bono_max_credits_per_cycle=Decimal("5"),
        pro_bono_qualifying_programs="Illinois Free Legal Answers",
        pro_bono_rule_source=IL_SOURCE,
    )
    return illinois


def _hours(attorney, amount: str, *, approved_by=None, days_ago: int = 1):
    entry = HoursEntryFactory(
        attorney=attorney, hours=amount, worked_on=timezone.localdate() - timedelta(days=days_ago)
    )
    if approved_by is not None:
        entry = hours_approve(entry=entry, by=approved_by)
    return entry


def _line(attorney, jurisdiction):
    admission = BarAdmission.objects.filter(user=attorney, jurisdiction=jurisdiction).first()
    today = timezone.localdate()
    return pro_bono_line_for(
        user=attorney, jurisdiction=jurisdiction, start=today - timedelta(days=365), end=today, admission=admission
    )


def test_unapproved_hours_earn_no_new_york_credit_and_show_as_pending(attorney, world):
    """NY Regulations and Guidelines: credit is granted by an approved pro bono provider, so
    hours the attorney merely logged (not yet approved by program staff) earn nothing."""
    ny = _new_york(world)
    _hours(attorney, "10")
    line = _line(attorney, ny)
    assert line.credit == 0 and line.hours_approved == 0
    assert line.hours_pending == Decimal("10.00")


def test_approved_hours_earn_new_york_skills_credit_at_one_per_300_minutes(attorney, world):
    """NY: 1 Skills credit per six 50-minute hours (300 minutes) of approved service."""
    ny = _new_york(world)
    staff = StaffFactory()
    _hours(attorney, "7.5", approved_by=staff)
    _hours(attorney, "4", approved_by=staff)
    _hours(attorney, "3")  # pending: does not count
    line = _line(attorney, ny)
    # 11.5 h = 690 min / 300 = 2.3 → 2.0 in NY half-credit increments.
    assert line.hours_approved == Decimal("11.50")
    assert line.credit == Decimal("2.0")
    assert line.category == "Skills"
    assert line.approved_on == timezone.localdate()
    assert line.hours_pending == Decimal("3.00")


def test_new_york_pro_bono_credit_is_capped_at_six_per_cycle(attorney, world):
    """NY: at most 6 pro bono credits in one biennial reporting cycle."""
    ny = _new_york(world)
    staff = StaffFactory()
    for days_ago in (1, 2, 3):
        _hours(attorney, "20", approved_by=staff, days_ago=days_ago)  # 60 h would be 12 credits
    line = _line(attorney, ny)
    assert line.capped is True and line.credit == Decimal("6")


def test_newly_admitted_new_york_attorney_counts_no_pro_bono_credit(world):
    """NY: newly admitted attorneys cannot count pro bono credit during the transitional period."""
    from tests.factories import VolunteerFactory

    ny = _new_york(world)
    newcomer = VolunteerFactory()
    bar_admission_make(user=newcomer, jurisdiction=ny, admitted_on=timezone.localdate() - timedelta(days=200))
    _hours(newcomer, "12", approved_by=StaffFactory())
    line = _line(newcomer, ny)
    assert line.credit == 0
    assert "newly admitted" in line.not_counted and NY_SOURCE in line.not_counted


def test_illinois_gives_our_approved_hours_no_credit_and_says_why(attorney):
    """Ill. S. Ct. R. 795(d) pilot: credit only for service through Illinois Free Legal Answers
    (1 per 2 hours, at most 5 per period); hours served through this program do not qualify."""
    illinois = _illinois()
    bar_admission_make(user=attorney, jurisdiction=illinois)
    _hours(attorney, "10", approved_by=StaffFactory())
    line = _line(attorney, illinois)
    assert line.hours_approved == Decimal("10.00")
    assert line.credit == 0
    assert "only for service through Illinois Free Legal Answers" in line.not_counted
    assert "Ill. S. Ct. R. 795(d)" in line.not_counted


def test_illinois_rate_and_cap_apply_to_a_qualifying_program(attorney, settings):
    """Ill. S. Ct. R. 795(d) pilot: 1 credit per 2 hours, at most 5 per two-year period, when the
    provider is the qualifying program (here the provider's name is set to it)."""
    from courses.certificates.models import CertificateSettings

    config = CertificateSettings.load()
    config.provider_name = "Illinois Free Legal Answers"
    config.save()
    illinois = _illinois()
    staff = StaffFactory()
    _hours(attorney, "7", approved_by=staff)
    assert _line(attorney, illinois).credit == Decimal("3.5")
    _hours(attorney, "8", approved_by=staff, days_ago=2)
    line = _line(attorney, illinois)
    assert line.capped is True and line.credit == Decimal("5")


def test_transcript_html_csv_and_pdf_show_approval_rate_cap_and_pending(attorney, world, client_for):
    """NY rate and cap as above; the approval is the provider's affirmation on the transcript."""
    _new_york(world)
    staff = StaffFactory()
    _hours(attorney, "12.5", approved_by=staff)
    _hours(attorney, "2")
    client = client_for(attorney)
    response = client.get(reverse("certificates:transcript"))
    html = response.content.decode()
    transcript = response.context["transcript"]
    assert dict(transcript.category_totals) == {"Skills": "2.5"}  # 750 min / 300
    for shown in ("12.50 approved hours", "300 minutes", "at most 6", "Approved by Pro Bono Academy on", "2.00 more"):
        assert shown in html
    rows = list(
        csv.reader(io.StringIO(client.get(reverse("certificates:transcript_download", args=["csv"])).content.decode()))
    )
    assert any(len(row) > 8 and row[3] == "Pro Bono Academy" and row[-2:] == ["Skills", "2.5"] for row in rows)
    assert any(row[:1] == ["Pro bono"] and "Approved by Pro Bono Academy" in row[1] for row in rows)
    pdf = client.get(reverse("certificates:transcript_download", args=["pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_the_demo_attorneys_illinois_transcript_shows_no_illinois_pro_bono_credit(demo_seed, client_for):
    """The demo's Illinois rule follows the Rule 795(d) pilot: García's approved hours on our cases
    earn no Illinois credit, and the transcript says why."""
    demo_seed()
    illinois = Jurisdiction.objects.get(code="IL")
    assert (illinois.pro_bono_minutes_per_credit, illinois.pro_bono_max_credits_per_cycle) == (120, Decimal("5"))
    assert illinois.pro_bono_programs == ["Illinois Free Legal Answers"]
    ny = Jurisdiction.objects.get(code="NY")
    assert (ny.pro_bono_minutes_per_credit, ny.pro_bono_max_credits_per_cycle) == (300, Decimal("6"))
    garcia = User.objects.get(email="l.garcia@lawfirm.example")
    # The demo has her read the site in Spanish; these assertions quote the English wording.
    User.objects.filter(pk=garcia.pk).update(preferred_language="en")
    assert [option.jurisdiction_code for option in transcript_options(user=garcia)] == ["IL"]
    response = client_for(garcia).get(reverse("certificates:transcript"))
    transcript = response.context["transcript"]
    assert transcript.jurisdiction_code == "IL"
    assert transcript.pro_bono.hours_approved > 0  # the demo's staff approved her older hours
    assert transcript.pro_bono.credit == 0
    assert transcript.total == transcript.course_total  # nothing added for pro bono
    html = response.content.decode()
    assert "Illinois grants pro bono credit only for service through Illinois Free Legal Answers" in html
