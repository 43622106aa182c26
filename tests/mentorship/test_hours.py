"""Pro bono hours: logged by the placed attorney, validated, listed, totalled for staff."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from mentorship.models import HoursEntry
from mentorship.selectors.hours import hours_by_attorney, hours_totals, pro_bono_hours_for
from tests.factories import HoursEntryFactory
from tests.mentorship.test_authorization import ATTORNEYS, expect

pytestmark = pytest.mark.django_db


def _own_entry(w):
    return {"pk": HoursEntryFactory(case=w["placed_case"], attorney=w["placed_attorney"]).pk}


AUTHZ_MATRIX = {
    "mentorship:my_hours": [("get", None, expect(ATTORNEYS, 200))],
    "mentorship:hours_delete": [("post", _own_entry, expect(("placed_attorney",), 302))],
}


def entry_data(case_obj, **overrides):
    data = {
        "case": str(case_obj.pk),
        "worked_on": timezone.localdate().isoformat(),
        "hours": "2.5",
        "description": "Drafted declaration",
    }
    data.update(overrides)
    return data


def test_placed_attorney_logs_hours_and_sees_them_listed(world, client_for):
    attorney = world["placed_attorney"]
    client = client_for(attorney)
    response = client.post(reverse("mentorship:my_hours"), entry_data(world["placed_case"]))
    assert response.status_code == 302
    entry = HoursEntry.objects.get()
    assert (entry.attorney, entry.case, entry.hours) == (attorney, world["placed_case"], Decimal("2.50"))
    page = client.get(reverse("mentorship:my_hours")).content.decode()
    assert world["placed_case"].reference in page
    assert "Drafted declaration" in page
    assert pro_bono_hours_for(user=attorney) == Decimal("2.50")


def test_hours_on_a_case_the_attorney_is_not_placed_on_are_refused(world, client_for):
    client = client_for(world["placed_attorney"])
    for case in (world["other_case"], world["offered_case"], world["seeking_case"]):
        response = client.post(reverse("mentorship:my_hours"), entry_data(case))
        assert response.status_code == 200
    assert not HoursEntry.objects.exists()


@pytest.mark.parametrize(
    "bad",
    [
        {"hours": "0"},
        {"hours": "0.1"},
        {"hours": "0.3"},
        {"hours": "25"},
        {"hours": "-1"},
        {"hours": "NaN"},
        {"hours": "1e400"},
        {"hours": "abc"},
        {"worked_on": "2026-02-30"},
        {"case": "abc"},
        {"case": "999999"},
    ],
)
def test_invalid_hours_are_form_errors_not_500s(world, client_for, bad):
    response = client_for(world["placed_attorney"]).post(
        reverse("mentorship:my_hours"), entry_data(world["placed_case"], **bad)
    )
    assert response.status_code == 200
    assert not HoursEntry.objects.exists()


def test_future_day_is_refused(world, client_for):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client_for(world["placed_attorney"]).post(
        reverse("mentorship:my_hours"), entry_data(world["placed_case"], worked_on=tomorrow)
    )
    assert response.status_code == 200
    assert "future" in response.content.decode()
    assert not HoursEntry.objects.exists()


def test_attorney_removes_own_entry_but_not_someone_elses(world, client_for):
    mine = HoursEntryFactory(case=world["placed_case"], attorney=world["placed_attorney"])
    theirs = HoursEntryFactory(case=world["other_case"], attorney=world["other_attorney"])
    client = client_for(world["placed_attorney"])
    assert client.post(reverse("mentorship:hours_delete", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("mentorship:hours_delete", args=[mine.pk])).status_code == 302
    assert list(HoursEntry.objects.all()) == [theirs]


def test_pro_bono_hours_for_respects_the_date_range(world):
    attorney = world["placed_attorney"]
    HoursEntryFactory(attorney=attorney, case=world["placed_case"], worked_on=datetime.date(2026, 1, 10), hours="1.00")
    HoursEntryFactory(attorney=attorney, case=world["placed_case"], worked_on=datetime.date(2026, 3, 10), hours="2.25")
    HoursEntryFactory(attorney=world["other_attorney"], case=world["other_case"], worked_on=datetime.date(2026, 3, 10))
    assert pro_bono_hours_for(user=attorney) == Decimal("3.25")
    assert pro_bono_hours_for(user=attorney, start=datetime.date(2026, 2, 1)) == Decimal("2.25")
    assert pro_bono_hours_for(user=attorney, end=datetime.date(2026, 1, 31)) == Decimal("1.00")
    assert pro_bono_hours_for(user=world["mentor"]) == Decimal("0.00")


def test_staff_totals_count_hours_attorneys_and_cases(world):
    HoursEntryFactory(attorney=world["placed_attorney"], case=world["placed_case"], hours="1.50")
    HoursEntryFactory(attorney=world["placed_attorney"], case=world["placed_case"], hours="2.00")
    HoursEntryFactory(attorney=world["other_attorney"], case=world["other_case"], hours="4.00")
    totals = hours_totals()
    assert totals == {"hours": Decimal("7.50"), "entries": 3, "attorneys": 2, "cases": 2}


def test_staff_dashboard_shows_hours_per_attorney(world, client_for):
    HoursEntryFactory(attorney=world["placed_attorney"], case=world["placed_case"], hours="1.25")
    HoursEntryFactory(attorney=world["placed_attorney"], case=world["placed_case"], hours="2.00")
    HoursEntryFactory(attorney=world["other_attorney"], case=world["other_case"], hours="7.00")
    rows = hours_by_attorney()
    assert [(r["attorney_id"], r["hours"], r["entries"]) for r in rows] == [
        (world["other_attorney"].pk, Decimal("7.00"), 1),
        (world["placed_attorney"].pk, Decimal("3.25"), 2),
    ]
    page = client_for(world["staff"]).get(reverse("staff:dashboard")).content.decode()
    assert world["placed_attorney"].full_name in page and "3.25" in page


def test_case_page_hours_error_is_a_sentence_and_keeps_what_was_typed(client_for):
    """A refused entry shows the service's reason as plain text, with the typed values kept."""
    from tests.factories import PlacementFactory

    placement = PlacementFactory()
    client = client_for(placement.attorney)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(
        reverse("mentorship:hours_add", args=[placement.case.pk]),
        {"worked_on": tomorrow.isoformat(), "hours": "1.5", "description": "drafted declaration"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hours cannot be logged for a future day." in html
    assert "[&#x27;" not in html and "['" not in html
    assert f'value="{tomorrow.isoformat()}"' in html and 'value="1.5"' in html and 'value="drafted declaration"' in html
    assert not HoursEntry.objects.exists()
