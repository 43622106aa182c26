"""Dashboards: attorney and mentor sections on /dashboard/, the staff dashboard with its SVG chart."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from mentorship.models import CaseDateKind, Mentorship
from tests.factories import (
    CaseDateFactory,
    CaseFactory,
    CheckInFactory,
    HoursEntryFactory,
    MentorFactory,
    MentorshipFactory,
    attorney_with_profile,
)
from tests.mentorship.test_authorization import staff_only

pytestmark = pytest.mark.django_db

AUTHZ_MATRIX = {"staff:dashboard": [("get", None, staff_only())]}


def test_attorney_dashboard_shows_cases_next_dates_mentor_and_checkin_due(world, client_for):
    case = world["placed_case"]
    case.client_initials = "QZ"
    case.save()
    CaseDateFactory(
        case=case, kind=CaseDateKind.MERITS_HEARING, date=timezone.localdate() + datetime.timedelta(days=12)
    )
    Mentorship.objects.filter(pk=world["mentorship"].pk).update(started_at=timezone.now() - datetime.timedelta(days=20))
    world["placement"].__class__.objects.filter(pk=world["placement"].pk).update(
        placed_at=timezone.now() - datetime.timedelta(days=20)
    )
    HoursEntryFactory(attorney=world["placed_attorney"], case=case, hours="3.00")
    page = client_for(world["placed_attorney"]).get(reverse("dashboard")).content.decode()
    assert case.reference in page
    assert "Merits hearing" in page
    assert "in 12 days" in page
    assert world["mentor"].full_name in page
    assert "A check-in is due." in page
    assert "3.00 h this year" in page
    assert world["offer"].case.reference not in page  # someone else's offer
    assert ">QZ<" not in page and " QZ " not in page


def test_attorney_dashboard_lists_pending_offers(world, client_for):
    page = client_for(world["offered_attorney"]).get(reverse("dashboard")).content.decode()
    assert world["offered_case"].reference in page


def test_mentor_dashboard_lists_mentees_with_health_and_flags(world, client_for):
    CheckInFactory(mentorship=world["mentorship"], needs_staff_attention=True)
    page = client_for(world["mentor"]).get(reverse("dashboard")).content.decode()
    assert 'id="dash-mentor"' in page
    assert world["placed_attorney"].full_name in page
    assert "Needs attention" in page
    assert "staff attention requested" in page
    assert world["other_attorney"].full_name not in page
    assert AuditEvent.objects.filter(
        actor=world["mentor"], object_type="mentorship.dashboard", object_id="mentor"
    ).exists()


def test_mentor_without_authenticator_gets_no_mentee_section(db, client_for):
    mentor = MentorFactory()
    MentorshipFactory(mentor=mentor)
    page = client_for(mentor).get(reverse("dashboard")).content.decode()
    assert 'id="dash-mentor"' not in page


def test_staff_dashboard_section_links_to_staff_dashboard(world, client_for):
    page = client_for(world["staff"]).get(reverse("dashboard")).content.decode()
    assert reverse("staff:dashboard") in page


@pytest.mark.parametrize("who", ["mentor", "placed_attorney", "offered_attorney"])
def test_staff_dashboard_is_404_for_everyone_else(world, client_for, who):
    assert client_for(world[who]).get(reverse("staff:dashboard")).status_code == 404


def test_staff_dashboard_shows_waiting_cases_capacity_chart_overdue_and_hours(world, client_for):
    staff = world["staff"]
    attorney_with_profile(languages=(("hat", 5),), capacity=3)
    CaseFactory(status="seeking", languages=["hat"], relief_types=["u_visa"], created_by=staff)
    # world["mentorship"] started now and has no kick-off: make it 10 days old, so it is overdue.
    Mentorship.objects.filter(pk=world["mentorship"].pk).update(started_at=timezone.now() - datetime.timedelta(days=10))
    world["placement"].__class__.objects.filter(pk=world["placement"].pk).update(
        placed_at=timezone.now() - datetime.timedelta(days=10)
    )
    HoursEntryFactory(attorney=world["placed_attorney"], case=world["placed_case"], hours="5.25")
    response = client_for(staff).get(reverse("staff:dashboard"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Haitian" in page and "U visa" in page
    assert "<svg" in page
    # One rect per bar (two per language) plus the two legend squares.
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert len(re.findall(r"<rect ", svg)) >= 2 * 2 + 2
    assert re.search(r'<rect class="chart-bar--waiting" x="\d+" y="\d+" width="\d+"', svg)
    assert "style=" not in page
    assert "<script>" not in page and "<script " not in page.replace('<script src="/static/', "")
    assert world["placed_case"].reference in page  # in the mentorships needing a check-in
    assert "Needs check-in" in page
    assert "5.25" in page
    assert AuditEvent.objects.filter(actor=staff, object_type="mentorship.staff_dashboard").count() == 1


def test_capacity_chart_bars_scale_to_the_largest_value(db):
    from mentorship.selectors.reports import CHART_LABEL_WIDTH, LanguageCapacity, capacity_chart

    chart = capacity_chart(
        [LanguageCapacity("spa", 4, 10, 5), LanguageCapacity("mam", 0, 0, 2)], width=CHART_LABEL_WIDTH + 40 + 200
    )
    spa, mam = chart.rows
    assert [b.width for b in spa.bars] == [200, 100]
    assert [b.width for b in mam.bars] == [0, 40]
    assert spa.label == "Spanish" and mam.label == "Mam"


def test_capacity_chart_shows_every_language_the_table_lists(world, client_for):
    """Languages with many free slots sort last; the chart used to stop before them."""
    from tests.factories import CaseFactory, attorney_with_profile

    codes = ["mam", "quc", "kek", "cak", "tzj", "amh", "tir", "som", "swh", "ben", "urd", "hin", "pan", "tur", "fas"]
    for code in codes:
        CaseFactory(status="seeking", languages=[code], created_by=world["staff"])
    for code in ("spa", "fra", "eng"):
        attorney_with_profile(languages=((code, 5),), capacity=5)
    html = client_for(world["staff"]).get(reverse("staff:dashboard")).content.decode()
    svg = re.search(r"<svg class=\"capacity-chart\".*?</svg>", html, re.S).group(0)
    table = html[html.index("</svg>") :]
    for name in ("Spanish", "French", "English", "Mam"):
        assert name in table
        assert f">{name}</text>" in svg
