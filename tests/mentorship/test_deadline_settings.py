"""The deadline-watch thresholds program staff set on the matching settings page."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from mentorship.models import CaseDateKind, MatchingSettings, validate_deadline_watch_days
from mentorship.tasks import deadline_watch_send_task
from tests.factories import CaseDateFactory, CaseFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def at(day: datetime.date, hour: int = 9):
    return time_machine.travel(timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour))), tick=False)


def _settings_post(**overrides) -> dict:
    data = {k: v for k, v in model_to_dict(MatchingSettings.load()).items() if k not in {"id", "deadline_watch_days"}}
    data = {k: ("on" if v is True else v) for k, v in data.items() if v is not False}
    data["deadline_watch_days"] = "30, 14, 7, 3, 1"
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("30, 14, 7, 3, 1", [30, 14, 7, 3, 1]), ("1,3, 7 ;60", [60, 7, 3, 1]), ("5", [5])],
)
def test_thresholds_are_saved_largest_first(staff_user, client_for, typed, stored):
    response = client_for(staff_user).post(
        reverse("staff:matching_settings"), _settings_post(deadline_watch_days=typed)
    )
    assert response.status_code == 302
    assert MatchingSettings.load().deadline_watch_days == stored
    assert AuditEvent.objects.filter(actor=staff_user, object_type="mentorship.matchingsettings").exists()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Give at least one number of days."),
        ("7, seven", "Not whole numbers of days: seven."),
        ("7, -3", "Not whole numbers of days: -3."),
        ("2.5", "Not whole numbers of days: 2.5."),
        ("0, 7", "Every number of days must be 1 or more."),
        ("7, 3, 7", "Give each number of days once (repeated: 7)."),
        ("11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1", "Give at most 10 numbers of days."),
        ("90, 30", "Every number of days must be within the urgent window (60 days)."),
        (", ,", "Give at least one number of days."),
        ("99999999", "Give numbers of days within the urgent window."),
        ("7, 3\x00", "Not whole numbers of days: ?."),
    ],
)
def test_bad_thresholds_get_a_clear_form_error_and_change_nothing(staff_user, client_for, typed, message):
    response = client_for(staff_user).post(
        reverse("staff:matching_settings"), _settings_post(deadline_watch_days=typed)
    )
    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert MatchingSettings.load().deadline_watch_days == [30, 14, 7, 3, 1]


def test_the_settings_page_shows_the_thresholds_as_typed_text(staff_user, client_for):
    page = client_for(staff_user).get(reverse("staff:matching_settings")).content.decode()
    assert 'value="30, 14, 7, 3, 1"' in page


def test_staff_set_thresholds_are_the_ones_used(staff_user, client_for):
    response = client_for(staff_user).post(reverse("staff:matching_settings"), _settings_post(deadline_watch_days="10"))
    assert response.status_code == 302
    assert MatchingSettings.load().deadline_watch_days == [10]
    today = timezone.localdate()
    case = CaseFactory(status="seeking", created_by=staff_user)
    CaseDateFactory(case=case, kind=CaseDateKind.ONE_YEAR_DEADLINE, date=timezone.localdate() + 12 * DAY)
    with at(today):
        assert deadline_watch_send_task() == 0
    with at(today + 2 * DAY):
        assert deadline_watch_send_task() == 1
    with at(today + 11 * DAY):  # 1 day left, but 1 is no longer a threshold
        assert deadline_watch_send_task() == 0


@pytest.mark.parametrize("value", [[], [3, 7], [7, 7], [0], [True], ["7"], list(range(11, 0, -1)), "30,14"])
def test_the_model_refuses_thresholds_the_form_would_refuse(value):
    with pytest.raises(ValidationError):
        validate_deadline_watch_days(value)
    validate_deadline_watch_days([30, 14, 7, 3, 1])
