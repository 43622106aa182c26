"""Pictures where people would rather look than read: server-drawn SVG charts, each with a title,
a description and the same figures as a table beside it (home/charts.py)."""

import datetime
import re
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from home.charts import Series, bar_chart, column_chart, last_months, last_weeks, rhythm_chart
from tests.factories import CheckInFactory, HoursEntryFactory, PlacementFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 18)


def _html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_bars_share_one_scale_and_keep_every_row():
    rows = [(f"row {n}", [n]) for n in range(1, 31)]
    chart = bar_chart(rows, series=[Series("cases", "c")], width=640)
    assert [row.label for row in chart.rows] == [label for label, _values in rows]  # none dropped
    widths = [row.bars[0].width for row in chart.rows]
    assert widths[-1] == 640 - 170 - 44 and widths[14] == round(widths[-1] * 15 / 30)
    assert chart.height > 30 * 14


def test_columns_scale_to_the_tallest_and_zero_is_flat():
    chart = column_chart([("Jan", 0), ("Feb", Decimal("2.5")), ("Mar", 5)], css="c", plot_height=100)
    assert [c.height for c in chart.columns] == [0, 50, 100]
    assert all(c.y + c.height == chart.baseline for c in chart.columns)


def test_the_rhythm_marks_the_weeks_with_a_check_in():
    weeks = last_weeks(TODAY, 4)
    assert weeks[-1] == datetime.date(2026, 11, 16) and weeks[0] == datetime.date(2026, 10, 26)
    chart = rhythm_chart([("Ana", [datetime.date(2026, 11, 17), datetime.date(2026, 10, 27)])], weeks=weeks)
    assert [met for _x, met in chart.rows[0].dots] == [True, False, False, True]
    assert chart.rows[0].counts == (1, 0, 0, 1)


def test_last_months_cross_the_year():
    months = last_months(datetime.date(2026, 2, 10), 4)
    assert months == [
        datetime.date(2025, 11, 1),
        datetime.date(2025, 12, 1),
        datetime.date(2026, 1, 1),
        datetime.date(2026, 2, 1),
    ]


def test_the_attorneys_hours_page_draws_her_twelve_months(client_for):
    with time_machine.travel(timezone.make_aware(datetime.datetime(2026, 11, 18, 10)), tick=False):
        placement = PlacementFactory()
        HoursEntryFactory(attorney=placement.attorney, case=placement.case, worked_on=TODAY, hours="3.00")
        HoursEntryFactory(attorney=placement.attorney, case=placement.case, worked_on=TODAY, hours="1.50")
        HoursEntryFactory(
            attorney=placement.attorney, case=placement.case, worked_on=datetime.date(2026, 9, 2), hours="2.00"
        )
        html = _html(client_for(placement.attorney).get(reverse("mentorship:my_hours")))
    assert 'role="img" aria-labelledby="hours-chart-title hours-chart-desc"' in html
    assert '<title id="hours-chart-title">' in html and '<desc id="hours-chart-desc">' in html
    table = html[html.index("The figures as a table") :]
    cells = re.findall(r'<th scope="row">([^<]+)</th><td class="num">([^<]+)</td>', table)
    assert len(cells) >= 12
    figures = dict(cells[:12])
    assert figures["Nov 26"] == "4.5" and figures["Sep 26"] == "2" and figures["Dec 25"] == "0"


def test_the_mentor_sees_each_mentees_check_in_rhythm(client_for, world):
    CheckInFactory(mentorship=world["mentorship"], occurred_on=timezone.localdate())
    html = _html(client_for(world["mentor"]).get(reverse("dashboard")))
    assert 'aria-labelledby="rhythm-chart-title rhythm-chart-desc"' in html
    assert html.count('class="chart-dot--met"') == 1
    assert world["placed_attorney"].get_full_name() in html[html.index("rhythm-chart-title") :]


def test_the_staff_dashboard_draws_waiting_cases_and_placements(client_for, world):
    html = _html(client_for(world["staff"]).get(reverse("staff:dashboard")))
    waiting = html[
        html.index('id="waiting-chart-title"') : html.index("</svg>", html.index('id="waiting-chart-title"'))
    ]
    body = html[html.index("Cases waiting for placement, by relief and language") :]
    table_rows = body[: body.index("</table>")].count("<tr><td>")
    assert waiting.count("<rect ") == table_rows > 0  # one bar per row of the table beneath
    placements = html[html.index('id="placements-chart-title"') :]
    this_month = timezone.localdate().strftime("%b %y")
    assert re.search(rf'<th scope="row">{this_month}</th><td class="num">(\d+)</td>', placements).group(1) == "2"
