"""CSV exports: staff only, aggregate, fixed columns, small cells suppressed, every export audited."""

import csv
import datetime
import io

import pytest
import time_machine
from django.urls import reverse

from accounts.models import AuditEvent
from mentorship.selectors.reports import suppress
from tests.factories import CaseFactory, HoursEntryFactory, PlacementFactory, attorney_with_profile
from tests.mentorship.test_authorization import staff_only

pytestmark = pytest.mark.django_db

AUTHZ_MATRIX = {
    "staff:report_csv": [
        ("get", lambda w: {"kind": "waiting-cases"}, staff_only()),
        ("get", lambda w: {"kind": "no-such-report"}, staff_only(404)),
    ]
}


def read_csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_suppress_shows_counts_under_five_as_less_than_five():
    assert [suppress(n) for n in (0, 1, 4, 5, 12)] == ["<5", "<5", "<5", 5, 12]


def test_waiting_cases_export_suppresses_small_groups_and_shows_no_case_data(world, client_for):
    staff = world["staff"]
    for _ in range(6):
        CaseFactory(
            status="seeking", languages=["spa"], relief_types=["asylum"], client_initials="QZ", created_by=staff
        )
    for _ in range(2):
        CaseFactory(status="seeking", languages=["hat"], relief_types=["u_visa"], created_by=staff)
    response = client_for(staff).get(reverse("staff:report_csv", args=["waiting-cases"]))
    assert response.status_code == 200
    rows = read_csv(response)
    assert rows[0] == ["relief type", "language", "cases waiting", "median days waiting", "longest wait (days)"]
    by_key = {(r[0], r[1]): r[2:] for r in rows[1:]}
    # world has one seeking and one offered Spanish asylum case too: 8 in all.
    assert by_key[("Asylum", "Spanish")][0] == "8"
    assert by_key[("U visa", "Haitian")] == ["<5", "<5", "<5"]
    text = response.content.decode()
    assert "QZ" not in text and "PBA-" not in text


def test_capacity_export_suppresses_small_counts(world, client_for):
    for _ in range(5):
        attorney_with_profile(languages=(("por", 4),), capacity=2)
    rows = read_csv(client_for(world["staff"]).get(reverse("staff:report_csv", args=["capacity-by-language"])))
    assert rows[0] == ["language", "attorneys", "free case slots", "cases waiting"]
    portuguese = next(r for r in rows if r[0] == "Portuguese")
    assert portuguese == ["Portuguese", "5", "10", "<5"]


def test_hours_export_hides_hours_of_months_with_fewer_than_five_attorneys(world, client_for):
    HoursEntryFactory(attorney=world["placed_attorney"], case=world["placed_case"], hours="3.00")
    rows = read_csv(client_for(world["staff"]).get(reverse("staff:report_csv", args=["hours-by-month"])))
    assert rows[0] == ["month", "attorneys reporting", "cases", "hours"]
    assert rows[1][1:] == ["<5", "<5", "<5"]


def test_hours_export_shows_hours_when_five_or_more_attorneys_reported(world, client_for):
    for _ in range(5):
        placement = PlacementFactory()
        HoursEntryFactory(attorney=placement.attorney, case=placement.case, hours="2.00")
    rows = read_csv(client_for(world["staff"]).get(reverse("staff:report_csv", args=["hours-by-month"])))
    assert rows[1][1:] == ["5", "5", "10.00"]


@pytest.mark.parametrize("kind", ["waiting-cases", "capacity-by-language", "hours-by-month"])
def test_every_export_writes_one_audit_row(world, client_for, kind):
    staff = world["staff"]
    client_for(staff).get(reverse("staff:report_csv", args=[kind]))
    events = AuditEvent.objects.filter(actor=staff, action="export")
    assert events.count() == 1
    assert events.get().object_type == f"mentorship.report.{kind}"


@pytest.mark.parametrize("who", ["mentor", "placed_attorney"])
def test_exports_are_404_for_non_staff_and_the_denial_is_audited(world, client_for, who):
    response = client_for(world[who]).get(reverse("staff:report_csv", args=["waiting-cases"]))
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action="export").exists()
    assert AuditEvent.objects.filter(actor=world[who], action="denied").exists()


def test_unknown_report_is_404_and_not_audited_as_export(world, client_for):
    response = client_for(world["staff"]).get(reverse("staff:report_csv", args=["cases-with-names"]))
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action="export").exists()


def test_formula_like_cells_are_neutralised():
    from mentorship.views.reports import _safe_cell

    assert _safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _safe_cell("Spanish") == "Spanish"
    assert _safe_cell(5) == "5"


@pytest.mark.parametrize(
    ("route", "kwargs"), [("staff:cases_export", {}), ("staff:report_csv", {"kind": "waiting-cases"})]
)
def test_bulk_exports_ask_staff_to_confirm_their_password_first(world, route, kwargs):
    from django.utils import timezone

    from tests.conftest import login_client
    from tests.factories import DEFAULT_PASSWORD

    client = login_client(world["staff"], reauthenticated=False)
    url = reverse(route, kwargs=kwargs)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).exists()

    confirmed = client.post(reverse("account_reauthenticate"), {"password": DEFAULT_PASSWORD, "next": url})
    assert confirmed.status_code == 302 and confirmed["Location"] == url
    assert client.get(url).status_code == 200
    assert AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT, actor=world["staff"]).count() == 1

    # The confirmation lasts five minutes.
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=6), tick=False):
        assert client.get(url).status_code == 302


def test_capacity_by_language_counts_working_attorneys_their_free_slots_and_waiting_cases(db):
    from mentorship.models import AttorneyProfile
    from mentorship.selectors.reports import capacity_by_language

    today = datetime.date(2026, 12, 1)
    busy = attorney_with_profile(languages=(("spa", 4), ("fra", 3)), capacity=2)
    PlacementFactory(attorney=busy)  # one open case: one free slot left
    PlacementFactory(attorney=busy, closed_at=datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC))  # closed
    full = attorney_with_profile(languages=(("spa", 5),), capacity=1)
    PlacementFactory(attorney=full)
    PlacementFactory(attorney=full)  # over capacity: no slot, never a negative one
    attorney_with_profile(languages=(("spa", 2),), capacity=3)  # below working proficiency
    paused = attorney_with_profile(languages=(("spa", 4),), capacity=3)
    AttorneyProfile.objects.filter(user=paused).update(paused_until=today + datetime.timedelta(days=3))
    inactive = attorney_with_profile(languages=(("spa", 4),), capacity=3)
    inactive.is_active = False
    inactive.save()
    attorney_with_profile(languages=(("fra", 4),), capacity=2)
    for languages in (["spa"], ["spa", "fra"], ["prs"]):
        CaseFactory(status="seeking", languages=languages)

    rows = {
        row.language: (row.attorneys, row.free_slots, row.waiting_cases) for row in capacity_by_language(today=today)
    }

    assert rows == {"spa": (2, 1, 2), "fra": (2, 3, 1), "prs": (0, 0, 1)}
