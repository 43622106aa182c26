"""Charts drawn on the server as SVG: geometry only, so templates stay plain and pages need no script.

Every chart is shown with a title and a description (`<title>`/`<desc>`, `role="img"`) and,
beside it, a table of the same figures (`templates/includes/chart_*.html`): the picture is for
those who would rather look, the table for everyone else and for screen readers.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

Number = int | Decimal

LABEL_WIDTH = 170
VALUE_SPACE = 44
BAR_HEIGHT = 14
ROW_GAP = 10
LEGEND_HEIGHT = 26


@dataclass(frozen=True)
class Series:
    label: str
    css: str


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    value_text: str
    value_x: int
    text_y: int
    css: str


@dataclass(frozen=True)
class BarRow:
    label: str
    label_x: int
    label_y: int
    bars: tuple[Bar, ...]
    values: tuple[str, ...]


@dataclass(frozen=True)
class LegendItem:
    label: str
    css: str
    x: int
    text_x: int
    y: int
    text_y: int


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    rows: tuple[BarRow, ...]
    series: tuple[Series, ...]
    legend: tuple[LegendItem, ...]


def _legend(series: Sequence[Series], *, x: int) -> tuple[LegendItem, ...]:
    items, cursor = [], x
    for item in series:
        items.append(LegendItem(item.label, item.css, cursor, cursor + 14, 6, 15))
        cursor += 24 + 7 * len(item.label)
    return tuple(items)


def bar_chart(
    rows: Sequence[tuple[str, Sequence[Number]]],
    *,
    series: Sequence[Series],
    width: int = 640,
    fmt: Callable[[Number], str] = str,
) -> BarChart:
    """Horizontal bars, one group per row and one bar per series, on a common scale from zero."""
    plot = width - LABEL_WIDTH - VALUE_SPACE
    top = max([Decimal(1)] + [Decimal(value) for _label, values in rows for value in values])
    chart_rows, y = [], LEGEND_HEIGHT if len(series) > 1 else 4
    for label, values in rows:
        bars = []
        for offset, (value, item) in enumerate(zip(values, series, strict=True)):
            bar_y = y + offset * BAR_HEIGHT
            bar_width = round(plot * Decimal(value) / top)
            bars.append(
                Bar(
                    x=LABEL_WIDTH,
                    y=bar_y,
                    width=bar_width,
                    height=BAR_HEIGHT - 2,
                    value_text=fmt(value),
                    value_x=LABEL_WIDTH + bar_width + 4,
                    text_y=bar_y + BAR_HEIGHT - 3,
                    css=item.css,
                )
            )
        group_height = len(series) * BAR_HEIGHT
        chart_rows.append(
            BarRow(
                label=label,
                label_x=LABEL_WIDTH - 8,
                label_y=y + group_height // 2 + 4,
                bars=tuple(bars),
                values=tuple(fmt(value) for value in values),
            )
        )
        y += group_height + ROW_GAP
    legend = _legend(series, x=LABEL_WIDTH) if len(series) > 1 else ()
    return BarChart(width=width, height=y, rows=tuple(chart_rows), series=tuple(series), legend=legend)


@dataclass(frozen=True)
class Column:
    label: str
    value_text: str
    x: int
    y: int
    width: int
    height: int
    label_x: int
    value_y: int


@dataclass(frozen=True)
class ColumnChart:
    width: int
    height: int
    baseline: int
    columns: tuple[Column, ...]
    css: str


def column_chart(
    points: Sequence[tuple[str, Number]],
    *,
    css: str,
    width: int = 640,
    plot_height: int = 120,
    fmt: Callable[[Number], str] = str,
) -> ColumnChart:
    """Vertical columns over time (one per month, say), labelled beneath, values above."""
    count = max(len(points), 1)
    slot = width // count
    top = max([Decimal(1)] + [Decimal(value) for _label, value in points])
    baseline = plot_height + 16
    columns = []
    for index, (label, value) in enumerate(points):
        column_height = round(plot_height * Decimal(value) / top)
        x = index * slot + 4
        columns.append(
            Column(
                label=label,
                value_text=fmt(value),
                x=x,
                y=baseline - column_height,
                width=max(slot - 8, 2),
                height=column_height,
                label_x=x + (slot - 8) // 2,
                value_y=baseline - column_height - 4,
            )
        )
    return ColumnChart(width=width, height=baseline + 18, baseline=baseline, columns=tuple(columns), css=css)


@dataclass(frozen=True)
class RhythmRow:
    label: str
    label_y: int
    dots: tuple[tuple[int, bool], ...]  # (x, whether a check-in happened that week)
    counts: tuple[int, ...]


@dataclass(frozen=True)
class RhythmChart:
    width: int
    height: int
    weeks: tuple[tuple[int, datetime.date], ...]  # (x, the week's Monday)
    rows: tuple[RhythmRow, ...]
    label_width: int


def rhythm_chart(
    rows: Sequence[tuple[str, Sequence[datetime.date]]], *, weeks: Sequence[datetime.date], width: int = 640
) -> RhythmChart:
    """One line per person, one dot per week: filled where something (a check-in) happened that week."""
    label_width = LABEL_WIDTH
    step = (width - label_width - 8) // max(len(weeks), 1)
    xs = [label_width + index * step + step // 2 for index in range(len(weeks))]
    chart_rows, y = [], 30
    for label, days in rows:
        counts = tuple(sum(1 for day in days if start <= day < start + datetime.timedelta(days=7)) for start in weeks)
        chart_rows.append(
            RhythmRow(
                label=label,
                label_y=y + 4,
                dots=tuple((x, n > 0) for x, n in zip(xs, counts, strict=True)),
                counts=counts,
            )
        )
        y += 22
    week_labels = tuple(zip(xs, weeks, strict=True))
    return RhythmChart(width=width, height=y, weeks=week_labels, rows=tuple(chart_rows), label_width=label_width)


def hours_text(value: Number) -> str:
    """Hours as people write them, in the active locale: 4.5, 2, 0.25 (no trailing zeros)."""
    from django.utils.formats import number_format

    return number_format(Decimal(f"{Decimal(value).normalize():f}"))


def last_months(today: datetime.date, count: int = 12) -> list[datetime.date]:
    """The first days of the `count` months ending with today's, oldest first."""
    months, year, month = [], today.year, today.month
    for _ in range(count):
        months.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def last_weeks(today: datetime.date, count: int = 12) -> list[datetime.date]:
    """The Mondays of the `count` weeks ending with today's, oldest first."""
    monday = today - datetime.timedelta(days=today.weekday())
    return [monday - datetime.timedelta(weeks=back) for back in range(count - 1, -1, -1)]
