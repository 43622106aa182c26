"""Reporting periods as each jurisdiction's rule defines them, with real examples (today 2026-12-02)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from courses import periods
from courses.certificates.transcripts import transcript_options
from courses.models import BarAdmission, Jurisdiction
from tests.factories import VolunteerFactory, bar_admission_make

TODAY = date(2026, 12, 2)


def illinois(**overrides) -> Jurisdiction:
    fields = {
        "code": "IL",
        "name": "Illinois",
        "reporting_cycle_months": 24,
        "period_rule": Jurisdiction.PeriodRule.SURNAME,
        "period_end_month": 6,
        "period_end_day": 30,
        "period_surname_groups": "A-M 2026\nN-Z 2027",
        "period_rule_source": "Ill. S. Ct. R. 794(a)",
    }
    return Jurisdiction(**{**fields, **overrides})


def california() -> Jurisdiction:
    return Jurisdiction(
        code="CA",
        name="California",
        reporting_cycle_months=36,
        period_rule=Jurisdiction.PeriodRule.SURNAME,
        period_end_month=1,
        period_end_day=31,
        period_surname_groups="A-G 2025\nH-M 2026\nN-Z 2027",
    )


def current(jurisdiction: Jurisdiction, surname: str) -> tuple[date, date]:
    spans = periods.surname_periods(jurisdiction=jurisdiction, surname=surname, earliest=TODAY, today=TODAY)
    assert len(spans) == 1
    return spans[0]


def test_illinois_a_to_m_reports_in_even_years():
    """Ill. S. Ct. R. 794(a) and the MCLE Board's FAQ A405: two-year periods from July 1 to June 30,
    starting and ending in even-numbered years for last names A-M. García: July 1, 2026 - June 30, 2028."""
    assert current(illinois(), "García") == (date(2026, 7, 1), date(2028, 6, 30))
    assert current(illinois(), "Mendoza") == (date(2026, 7, 1), date(2028, 6, 30))


def test_illinois_n_to_z_reports_in_odd_years():
    """Ill. S. Ct. R. 794(a), FAQ A405: N-Z periods start and end in odd-numbered years.
    Novak: July 1, 2025 - June 30, 2027."""
    assert current(illinois(), "Novak") == (date(2025, 7, 1), date(2027, 6, 30))
    assert current(illinois(), "Zimmermann") == (date(2025, 7, 1), date(2027, 6, 30))


def test_illinois_earlier_periods_go_back_to_the_first_certificate():
    spans = periods.surname_periods(jurisdiction=illinois(), surname="Garcia", earliest=date(2024, 3, 1), today=TODAY)
    assert spans == [
        (date(2022, 7, 1), date(2024, 6, 30)),
        (date(2024, 7, 1), date(2026, 6, 30)),
        (date(2026, 7, 1), date(2028, 6, 30)),
    ]


def test_california_three_groups_of_36_months_ending_january_31():
    """Rules of the State Bar of California 2.71-2.72: three compliance groups by last name (1 A-G,
    2 H-M, 3 N-Z), 36-month compliance periods ending January 31 (reporting by February 1).
    The groups' end years (A-G 2025, H-M 2026, N-Z 2027) are data; see the README for the check."""
    assert current(california(), "Garcia") == (date(2025, 2, 1), date(2028, 1, 31))
    assert current(california(), "Hill") == (date(2026, 2, 1), date(2029, 1, 31))
    assert current(california(), "Nguyen") == (date(2024, 2, 1), date(2027, 1, 31))


def test_surname_initial_ignores_accents_and_uses_the_roll_name():
    assert periods.initial_of("Álvarez") == "A"
    assert periods.initial_of("Ñúñez") == "N"
    assert periods.surname_for(full_name="Lucía García") == "García"
    assert periods.surname_for(full_name="Ana García López", roll_surname="García López") == "García López"


def test_new_york_experienced_cycle_ends_on_the_birthday_in_the_birth_years_parity():
    """22 NYCRR 1500.2/1500.13: experienced attorneys report every biennial cycle, tied to registration,
    which 22 NYCRR 118.1(c) sets in alternate years within 30 days after the birthday.
    Born 1985-03-14 (odd year): cycle ends March 14, 2027. Born 1990-03-14 (even year): ended March 14, 2026."""
    odd = periods.birthday_periods(
        birth_date=date(1985, 3, 14),
        admitted_on=date(2012, 1, 20),
        newly_admitted_months=24,
        earliest=TODAY,
        today=TODAY,
    )
    assert odd == [(date(2025, 3, 15), date(2027, 3, 14))]
    even = periods.birthday_periods(
        birth_date=date(1990, 3, 14),
        admitted_on=date(2015, 5, 6),
        newly_admitted_months=24,
        earliest=TODAY,
        today=TODAY,
    )
    assert even == [(date(2026, 3, 15), date(2028, 3, 14))]


def test_new_york_newly_admitted_period_is_two_years_from_admission():
    """22 NYCRR 1500.12(a), 1500.10: newly admitted attorneys complete the transitional requirement in the
    first two years after admission: admitted 2025-06-18, period June 18, 2025 - June 17, 2027."""
    spans = periods.birthday_periods(
        birth_date=date(1999, 8, 2),
        admitted_on=date(2025, 6, 18),
        newly_admitted_months=24,
        earliest=TODAY,
        today=TODAY,
    )
    assert spans == [(date(2025, 6, 18), date(2027, 6, 17))]


def test_new_york_first_experienced_cycle_starts_after_the_newly_admitted_period():
    spans = periods.birthday_periods(
        birth_date=date(1997, 9, 10),
        admitted_on=date(2023, 1, 25),
        newly_admitted_months=24,
        earliest=date(2023, 2, 1),
        today=TODAY,
    )
    assert spans == [
        (date(2023, 1, 25), date(2025, 1, 24)),
        (date(2025, 1, 25), date(2025, 9, 10)),
        (date(2025, 9, 11), date(2027, 9, 10)),
    ]


def test_a_bad_group_line_is_refused_with_a_message():
    jurisdiction = illinois(period_surname_groups="A to M in 2026")
    with pytest.raises(ValidationError) as error:
        jurisdiction.clean()
    assert "A-M 2026" in str(error.value)
    with pytest.raises(ValidationError):
        illinois(period_end_month=2, period_end_day=30).clean()
    illinois().clean()


@pytest.fixture
def on_today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)


@pytest.mark.django_db
def test_transcript_options_follow_the_rule_and_fall_back_with_a_message(on_today):
    il = illinois()
    il.save()
    ny = Jurisdiction.objects.create(
        code="NY",
        name="New York",
        reporting_cycle_months=24,
        period_rule=Jurisdiction.PeriodRule.BIRTHDAY,
        newly_admitted_period_months=24,
    )
    user = VolunteerFactory(full_name="Tomás Novak")
    bar_admission_make(user=user, jurisdiction=il, admitted_on=date(2016, 11, 10))
    bar_admission_make(user=user, jurisdiction=ny, admitted_on=date(2016, 11, 10))
    options = {option.jurisdiction_code: option for option in transcript_options(user=user)}
    chosen = options["IL"].default_choice()
    assert (chosen.start, chosen.end) == (date(2025, 7, 1), date(2027, 6, 30))
    assert options["NY"].note == "Add your date of birth to your bar admission to see your New York cycle."
    assert options["NY"].default_choice().start == date(2026, 11, 10)  # admission-anchored fallback

    BarAdmission.objects.filter(user=user, jurisdiction=ny).update(birth_date=date(1988, 5, 2))
    options = {option.jurisdiction_code: option for option in transcript_options(user=user)}
    chosen = options["NY"].default_choice()
    assert options["NY"].note == ""
    assert (chosen.start, chosen.end) == (date(2026, 5, 3), date(2028, 5, 2))


@pytest.mark.django_db
def test_the_bar_admission_form_takes_an_optional_birth_date_and_explains_why(client_for):
    ny = Jurisdiction.objects.create(code="NY", name="New York", period_rule=Jurisdiction.PeriodRule.BIRTHDAY)
    user = VolunteerFactory(full_name="Ana Ruiz")
    client = client_for(user)
    page = client.get(reverse("courses:bar_admissions")).content.decode()
    assert "New York&#x27;s reporting cycles end on your birthday" in page
    data = {
        "jurisdiction": ny.pk,
        "bar_number": "1234567",
        "status": "active",
        "admitted_on": "2015-03-02",
        "birth_date": "2030-01-01",
    }
    response = client.post(reverse("courses:bar_admissions"), data)
    assert "The date of birth cannot be in the future." in response.content.decode()
    assert not BarAdmission.objects.exists()
    client.post(reverse("courses:bar_admissions"), {**data, "birth_date": "1989-07-21"})
    assert BarAdmission.objects.get(user=user).birth_date == date(1989, 7, 21)


@pytest.mark.django_db
def test_the_demo_attorneys_illinois_transcript_shows_july_2026_to_june_2028(demo_seed, client_for, on_today):
    """Ill. S. Ct. R. 794(a): García (A-M) is in the period July 1, 2026 - June 30, 2028."""
    demo_seed()
    garcia = User.objects.get(email="l.garcia@lawfirm.example")
    # The demo has her read the site in Spanish; these assertions quote the English wording.
    User.objects.filter(pk=garcia.pk).update(preferred_language="en")
    assert garcia.full_name == "Lucía García"
    response = client_for(garcia).get(reverse("certificates:transcript"))
    transcript = response.context["transcript"]
    assert (transcript.jurisdiction_code, transcript.start, transcript.end) == (
        "IL",
        date(2026, 7, 1),
        date(2028, 6, 30),
    )
    html = response.content.decode()
    assert "Ill. S. Ct. R. 794(a)" in html
    # Ill. S. Ct. R. 794(a), (d) as seeded: progress per category, and no Illinois pro bono credit (795(d)
    # pilot credits only Illinois Free Legal Answers service).
    progress = transcript.progress
    assert progress.spec.total == 30
    # Her one Illinois certificate (the asylum course, 0.5 general credit) counts toward the total only.
    assert progress.summary_text == (
        "Total 0.5 of 30.0 · Professional Responsibility 0.0 of 6.0 · Diversity and Inclusion 0.0 of 1.0"
        " · Mental Health and Substance Abuse 0.0 of 1.0"
    )
    assert "Professional Responsibility 0.0 of 6.0" in html
    assert transcript.pro_bono is not None and transcript.pro_bono.credit == 0
