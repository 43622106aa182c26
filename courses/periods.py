"""Reporting periods as each jurisdiction's rule defines them; the rule and its parameters are data on Jurisdiction.

- admission: cycles of `reporting_cycle_months` counted from the admission date (the old default);
- surname: periods end on a fixed month/day; the first letter of the last name picks a group and one
  year in which that group's period ends (Illinois A-M even years, N-Z odd; California's three groups);
- birthday: biennial cycles ending on the birthday, in years of the same parity as the year of birth
  (New York registers in alternate years within 30 days after the birthday), after a newly admitted
  period of `newly_admitted_period_months` from admission.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

GROUP_LINE = re.compile(r"^\s*([A-Za-z])\s*[-–]\s*([A-Za-z])\s+(\d{4})\s*$")


class PeriodRuleError(ValueError):
    pass


@dataclass(frozen=True)
class SurnameGroup:
    first: str
    last: str
    end_year: int


def surname_groups(text: str) -> list[SurnameGroup]:
    """Parse "A-M 2026" lines; a clear message for the editor on any bad line."""
    groups = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = GROUP_LINE.match(line)
        if not match or match.group(1).upper() > match.group(2).upper():
            raise PeriodRuleError(
                _('Line %(number)s: write the letters and a year a period ends, e.g. "A-M 2026".') % {"number": number}
            )
        groups.append(SurnameGroup(match.group(1).upper(), match.group(2).upper(), int(match.group(3))))
    return groups


def initial_of(surname: str) -> str:
    """First letter of a last name without accents ("Álvarez" -> "A"); empty when there is no letter."""
    plain = unicodedata.normalize("NFKD", surname).encode("ascii", "ignore").decode()
    letters = [char for char in plain if char.isalpha()]
    return letters[0].upper() if letters else ""


def surname_for(*, full_name: str, roll_surname: str = "") -> str:
    if roll_surname.strip():
        return roll_surname.strip()
    words = full_name.split()
    return words[-1] if words else ""


def _on(year: int, month: int, day: int) -> date:
    if month == 2 and day == 29:
        try:
            return date(year, 2, 29)
        except ValueError:
            return date(year, 2, 28)
    return date(year, month, day)


def _ending_periods(*, month: int, day: int, step_years: int, reference_year: int, earliest: date, today: date):
    """(start, end) of every period ending on month/day in reference_year ± k*step_years that overlaps earliest..today."""
    horizon = max(today, earliest)
    year = reference_year + ((earliest.year - 1 - reference_year) // step_years) * step_years
    periods = []
    while True:
        end = _on(year, month, day)
        start = _on(year - step_years, month, day) + timedelta(days=1)
        if start > horizon:
            break
        if end >= earliest:
            periods.append((start, end))
        year += step_years
    return periods


def surname_periods(*, jurisdiction, surname: str, earliest: date, today: date) -> list[tuple[date, date]] | None:
    """None when the surname matches no group (or the rule is incomplete)."""
    initial = initial_of(surname)
    try:
        groups = surname_groups(jurisdiction.period_surname_groups)
    except PeriodRuleError:
        return None
    group = next((g for g in groups if initial and g.first <= initial <= g.last), None)
    step_years = (jurisdiction.reporting_cycle_months or 24) // 12
    if group is None or not jurisdiction.period_end_month or not jurisdiction.period_end_day or step_years < 1:
        return None
    return _ending_periods(
        month=jurisdiction.period_end_month,
        day=jurisdiction.period_end_day,
        step_years=step_years,
        reference_year=group.end_year,
        earliest=earliest,
        today=today,
    )


def birthday_periods(
    *, birth_date: date, admitted_on: date | None, newly_admitted_months: int | None, earliest: date, today: date
) -> list[tuple[date, date]]:
    """The newly admitted period from admission, then biennial cycles ending on birthdays in years of the birth year's parity."""
    from courses.certificates.transcripts import add_months

    periods = []
    transition_end = None
    if admitted_on and newly_admitted_months:
        transition_end = add_months(admitted_on, newly_admitted_months) - timedelta(days=1)
        if transition_end >= earliest:
            periods.append((admitted_on, transition_end))
    cycles = _ending_periods(
        month=birth_date.month,
        day=birth_date.day,
        step_years=2,
        reference_year=birth_date.year,
        earliest=max(earliest, transition_end + timedelta(days=1)) if transition_end else earliest,
        today=today,
    )
    if transition_end:
        # The first experienced cycle starts the day after the newly admitted period ends.
        cycles = [
            (max(start, transition_end + timedelta(days=1)), end) for start, end in cycles if end > transition_end
        ]
    if transition_end and today <= transition_end:
        cycles = []
    return periods + cycles
