"""Structured outcomes: closing a placement records what each relief came to, all of it or
nothing, and the outcome report counts them by relief, court and year with small cells suppressed."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from mentorship.models import CaseStatus, PlacementOutcome
from mentorship.selectors.reports import outcome_report_rows
from mentorship.services.offers import OfferError, placement_close
from mentorship.services.outcomes import ReliefOutcome
from tests.factories import PlacementFactory, StaffFactory, totp_enrol
from tests.mentorship.test_authorization import staff_only

pytestmark = pytest.mark.django_db

AUTHZ_MATRIX = {
    # The world's placement is open: its outcome is recorded by ending it.
    "staff:placement_outcome": [("get", lambda w: {"pk": w["placement"].pk}, staff_only(302))],
    "staff:outcomes_report": [("get", None, staff_only())],
}

TWO_RELIEFS = ["asylum", "withholding_cat"]


@pytest.fixture
def staff(client_for):
    user = StaffFactory()
    totp_enrol(user)
    return user, client_for(user)


def close_data(**overrides):
    data = {
        "reason": "Asylum granted at the merits hearing",
        "result_asylum": "granted",
        "decided_on_asylum": "2026-11-20",
        "result_withholding_cat": "no_decision",
        "remained_represented": "yes",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_ending_a_placement_records_a_result_for_each_relief(staff):
    _user, client = staff
    placement = PlacementFactory(case__relief_types=TWO_RELIEFS, case__status=CaseStatus.PLACED)
    url = reverse("staff:placement_close", args=[placement.pk])
    page = client.get(url).content.decode()
    assert "Asylum: result" in page and "Withholding of removal / CAT: result" in page

    response = client.post(url, close_data(appeal_withholding_cat=None))
    assert response.status_code == 302
    placement.refresh_from_db()
    assert placement.closed_at is not None and placement.remained_represented == "yes"
    assert placement.case.status == CaseStatus.CLOSED
    outcomes = {o.relief_type: (o.result, o.decided_on, o.appeal_filed) for o in placement.outcomes.all()}
    assert outcomes == {
        "asylum": ("granted", datetime.date(2026, 11, 20), False),
        "withholding_cat": ("no_decision", None, False),
    }
    assert AuditEvent.objects.filter(object_type="mentorship.placement", detail="outcome recorded").count() == 1
    case_page = client.get(reverse("staff:case_detail", args=[placement.case_id])).content.decode()
    assert "Asylum — Granted" in case_page and "Correct the outcome" in case_page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"result_asylum": None}, "This field is required"),
        ({"remained_represented": None}, "This field is required"),
        ({"result_asylum": "won_big"}, "Select a valid choice"),
        ({"decided_on_asylum": "2999-01-01"}, "A decision date cannot be in the future."),
        ({"decided_on_withholding_cat": "2026-11-01"}, "With no decision yet there is no decision date or appeal."),
        ({"decided_on_asylum": "31/31/2026"}, "Enter a valid date"),
    ],
)
def test_a_bad_outcome_ends_nothing_and_keeps_what_was_typed(staff, overrides, message):
    _user, client = staff
    placement = PlacementFactory(case__relief_types=TWO_RELIEFS, case__status=CaseStatus.PLACED)
    response = client.post(reverse("staff:placement_close", args=[placement.pk]), close_data(**overrides))
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page and "Asylum granted at the merits hearing" in page
    placement.refresh_from_db()
    assert placement.closed_at is None and placement.remained_represented == ""
    assert not PlacementOutcome.objects.exists()
    assert placement.case.status == CaseStatus.PLACED


def test_the_service_refuses_outcomes_that_do_not_match_the_reliefs_sought():
    placement = PlacementFactory(case__relief_types=TWO_RELIEFS, case__status=CaseStatus.PLACED)
    with pytest.raises(OfferError, match="one result for each relief"):
        placement_close(
            placement=placement,
            by=StaffFactory(),
            reason="Done",
            outcomes=[ReliefOutcome("asylum", "granted")],
            remained_represented="yes",
        )
    placement.refresh_from_db()
    assert placement.closed_at is None and not placement.outcomes.exists()


def test_a_decision_that_came_later_is_recorded_on_the_ended_placement(staff):
    user, client = staff
    placement = PlacementFactory(case__relief_types=["u_visa"], case__status=CaseStatus.PLACED)
    placement_close(
        placement=placement,
        by=user,
        reason="Filed; waiting for USCIS",
        outcomes=[ReliefOutcome("u_visa", "no_decision")],
        remained_represented="yes",
    )
    url = reverse("staff:placement_outcome", args=[placement.pk])
    assert 'value="no_decision" selected' in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "result_u_visa": "denied",
            "decided_on_u_visa": "2026-11-30",
            "appeal_u_visa": "on",
            "remained_represented": "yes",
        },
    )
    assert response.status_code == 302
    outcome = placement.outcomes.get()
    assert (outcome.result, outcome.decided_on, outcome.appeal_filed) == ("denied", datetime.date(2026, 11, 30), True)
    # An open placement's outcome is recorded by ending it.
    open_placement = PlacementFactory()
    assert client.get(reverse("staff:placement_outcome", args=[open_placement.pk])).url == reverse(
        "staff:placement_close", args=[open_placement.pk]
    )


def _ended(court: str, result: str, *, decided_on=None, relief="asylum", represented="yes", appeal=False):
    placement = PlacementFactory(case__relief_types=[relief], case__court=court, case__status=CaseStatus.PLACED)
    placement_close(
        placement=placement,
        by=StaffFactory(),
        reason="Ended",
        outcomes=[ReliefOutcome(relief, result, decided_on=decided_on, appeal_filed=appeal)],
        remained_represented=represented,
    )
    return placement


def test_the_outcome_report_groups_by_relief_court_and_year_and_suppresses_small_cells(staff):
    _user, client = staff
    houston, chicago = "Houston Immigration Court", "Chicago Immigration Court"
    for _ in range(6):
        _ended(houston, "granted", decided_on=datetime.date(2026, 3, 1))
    _ended(houston, "denied", decided_on=datetime.date(2026, 4, 1), appeal=True, represented="no")
    _ended(houston, "granted", decided_on=datetime.date(2025, 6, 1))
    _ended(chicago, "withdrawn")  # no decision date: the year the placement ended
    header, rows = outcome_report_rows()
    columns = {name: i for i, name in enumerate(header)}
    by_key = {(row[0], row[2]): row for row in rows if row[1] == "Asylum"}
    houston_2026 = by_key[(2026, houston)]
    assert houston_2026[columns["outcomes recorded"]] == 7
    assert houston_2026[columns["Granted"]] == 6
    assert houston_2026[columns["Denied"]] == "<5"  # one denial, in a group large enough to show
    assert houston_2026[columns["survivors still represented"]] == 6
    # A group of one: every figure suppressed, its count included.
    assert set(by_key[(2025, houston)][3:]) == {"<5"}
    assert by_key[(timezone.localdate().year, chicago)][3] == "<5"

    page = client.get(reverse("staff:outcomes_report")).content.decode()
    assert houston in page and "<td>7</td>" in page


def test_the_outcome_export_is_the_report_and_is_audited(staff):
    _user, client = staff
    for _ in range(5):
        _ended("Houston Immigration Court", "granted", decided_on=datetime.date(2026, 3, 1))
    response = client.get(reverse("staff:report_csv", args=["outcomes"]))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["year", "relief type", "court", "outcomes recorded"]
    assert rows[1][:5] == ["2026", "Asylum", "Houston Immigration Court", "5", "5"]
    assert AuditEvent.objects.filter(object_type="mentorship.report.outcomes").exists()
