"""Staff reports: cases waiting for placement, capacity by language, hours; and their CSV forms.

On screen, staff see exact figures. Anything exported (it may leave the program) is
aggregate only, through a fixed column list, with every count under ``SMALL_CELL`` shown as
"<5" (S20), and cells derived from such a small group suppressed the same way.
"""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, Greatest, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.vocabulary import ReliefType

from ..languages import language_name
from ..models import (
    AttorneyLanguage,
    Case,
    CaseStatus,
    CaseStatusChange,
    Placement,
    PlacementOutcome,
    ReliefResult,
    Representation,
)
from .hours import hours_by_month, hours_totals

WAITING_STATUSES = (CaseStatus.SEEKING, CaseStatus.OFFERED)
SMALL_CELL = 5
SUPPRESSED = "<5"
WORKING_ILR = 3  # "professional working" proficiency: able to take a case in that language


def suppress(value: int) -> int | str:
    return SUPPRESSED if value < SMALL_CELL else value


# ---------------------------------------------------------------------------
# Cases waiting for placement


@dataclass(frozen=True)
class WaitingGroup:
    relief_type: str
    language: str
    cases: int
    median_days: float
    max_days: int

    @property
    def relief_label(self) -> str:
        return str(ReliefType(self.relief_type).label) if self.relief_type in ReliefType.values else self.relief_type

    @property
    def language_label(self) -> str:
        return language_name(self.language) if self.language else _("Not recorded")


def waiting_cases(*, now: datetime.datetime | None = None) -> list[tuple[Case, int]]:
    """Cases waiting for an attorney, with the days since they last entered the pool."""
    now = now or timezone.now()
    entered = (
        CaseStatusChange.objects.filter(case=OuterRef("pk"), to_status=CaseStatus.SEEKING)
        .order_by("-changed_at")
        .values("changed_at")[:1]
    )
    cases = Case.objects.filter(status__in=WAITING_STATUSES).annotate(seeking_since=Subquery(entered))
    return [(case, max(0, (now - (case.seeking_since or case.created_at)).days)) for case in cases]


def waiting_by_relief_and_language(*, now: datetime.datetime | None = None) -> list[WaitingGroup]:
    """One row per (relief type, language) pair; a case seeking two reliefs counts in both."""
    waits: dict[tuple[str, str], list[int]] = defaultdict(list)
    for case, days in waiting_cases(now=now):
        for relief in case.relief_types or [""]:
            for language in case.languages or [""]:
                waits[(relief, language)].append(days)
    groups = [
        WaitingGroup(relief, language, len(days), float(statistics.median(days)), max(days))
        for (relief, language), days in waits.items()
    ]
    groups.sort(key=lambda g: (-g.cases, -g.max_days, g.relief_type, g.language))
    return groups


# ---------------------------------------------------------------------------
# Capacity by language


@dataclass(frozen=True)
class LanguageCapacity:
    language: str
    attorneys: int
    free_slots: int
    waiting_cases: int

    @property
    def label(self) -> str:
        return language_name(self.language)


def capacity_by_language(*, today: datetime.date | None = None) -> list[LanguageCapacity]:
    """Per language: attorneys who work in it, their free case slots, and cases waiting in it."""
    today = today or timezone.localdate()
    # Counted in SQL, per language: reading every attorney took a second at 10,000 of them.
    open_cases = (
        Placement.objects.filter(attorney=OuterRef("profile__user"), closed_at__isnull=True)
        .order_by()
        .values("attorney")
        .annotate(count=Count("pk"))
        .values("count")
    )
    free_slots = Greatest(F("profile__capacity") - Coalesce(Subquery(open_cases), 0), 0)
    per_language = (
        AttorneyLanguage.objects.filter(profile__user__is_active=True, ilr_level__gte=WORKING_ILR)
        .filter(Q(profile__paused_until__isnull=True) | Q(profile__paused_until__lt=today))
        .annotate(free=free_slots)
        .values("code")
        .annotate(attorneys=Count("profile", distinct=True), slots=Sum("free"))
        .order_by()
    )
    attorneys: dict[str, int] = defaultdict(int)
    slots: dict[str, int] = defaultdict(int)
    for row in per_language:
        attorneys[row["code"]] = row["attorneys"]
        slots[row["code"]] = row["slots"] or 0
    waiting: dict[str, int] = defaultdict(int)
    for languages in Case.objects.filter(status__in=WAITING_STATUSES).values_list("languages", flat=True):
        for code in set(languages or []):
            waiting[code] += 1
    codes = set(attorneys) | set(waiting)
    rows = [LanguageCapacity(code, attorneys[code], slots[code], waiting[code]) for code in codes]
    rows.sort(key=lambda r: (-(r.waiting_cases - r.free_slots), -r.waiting_cases, r.language))
    return rows


@dataclass(frozen=True)
class ChartBar:
    x: int
    y: int
    width: int
    height: int
    value: int
    value_x: int
    text_y: int
    css: str


@dataclass(frozen=True)
class ChartRow:
    label: str
    label_x: int
    label_y: int
    bars: tuple[ChartBar, ...]


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    rows: tuple[ChartRow, ...]
    legend_y: int


CHART_LABEL_WIDTH = 170
CHART_VALUE_SPACE = 40
CHART_BAR_HEIGHT = 14
CHART_GAP = 12
CHART_LEGEND = 34


def capacity_chart(rows: list[LanguageCapacity], *, width: int = 640) -> Chart:
    """Geometry for a server-side SVG bar chart: free slots beside waiting cases, per language.

    Every row of the table beneath it, in the same order: cutting the list at the shortage end
    dropped the languages with the most attorneys. Only numbers for SVG attributes, so the page
    needs neither scripts nor style attributes.
    """
    plot = width - CHART_LABEL_WIDTH - CHART_VALUE_SPACE
    top = max([1] + [max(r.free_slots, r.waiting_cases) for r in rows])
    chart_rows = []
    y = CHART_LEGEND
    for row in rows:
        bars = []
        for offset, (value, css) in enumerate(
            ((row.free_slots, "chart-bar--capacity"), (row.waiting_cases, "chart-bar--waiting"))
        ):
            bar_y = y + offset * CHART_BAR_HEIGHT
            bar_width = round(plot * value / top)
            bars.append(
                ChartBar(
                    x=CHART_LABEL_WIDTH,
                    y=bar_y,
                    width=bar_width,
                    height=CHART_BAR_HEIGHT - 2,
                    value=value,
                    value_x=CHART_LABEL_WIDTH + bar_width + 4,
                    text_y=bar_y + CHART_BAR_HEIGHT - 3,
                    css=css,
                )
            )
        chart_rows.append(ChartRow(row.label, CHART_LABEL_WIDTH - 8, y + CHART_BAR_HEIGHT + 3, tuple(bars)))
        y += 2 * CHART_BAR_HEIGHT + CHART_GAP
    return Chart(width=width, height=y, rows=tuple(chart_rows), legend_y=8)


# ---------------------------------------------------------------------------
# Placement activity and the staff summary


def placements_by_month(*, months: list[datetime.date]) -> list[tuple[datetime.date, int]]:
    """Placements made in each of `months` (first days, oldest first), zero where none."""
    if not months:
        return []
    start = timezone.make_aware(datetime.datetime.combine(months[0], datetime.time.min))
    counts = {
        (row["month"].date() if isinstance(row["month"], datetime.datetime) else row["month"]): row["n"]
        for row in Placement.objects.filter(placed_at__gte=start)
        .annotate(month=TruncMonth("placed_at"))
        .values("month")
        .annotate(n=Count("id"))
    }
    return [(month, counts.get(month, 0)) for month in months]


def open_placements_count() -> int:
    return Placement.objects.filter(closed_at__isnull=True).count()


def staff_overview(*, today: datetime.date | None = None) -> dict:
    today = today or timezone.localdate()
    year_start = today.replace(month=1, day=1)
    return {
        "waiting": Case.objects.filter(status__in=WAITING_STATUSES).count(),
        "open_placements": open_placements_count(),
        "hours_year": hours_totals(start=year_start, end=today),
        "hours_all": hours_totals(),
    }


# ---------------------------------------------------------------------------
# Outcomes


OUTCOME_RESULTS = tuple(ReliefResult.values)


@dataclass
class OutcomeGroup:
    relief_type: str
    court: str
    year: int
    results: dict[str, int]
    appeals: int = 0
    placements: set[int] = field(default_factory=set)
    represented: set[int] = field(default_factory=set)

    @property
    def relief_label(self) -> str:
        return str(ReliefType(self.relief_type).label) if self.relief_type in ReliefType.values else self.relief_type

    @property
    def total(self) -> int:
        return sum(self.results.values())


def outcomes_by_relief_court_and_year() -> list[OutcomeGroup]:
    """Recorded outcomes grouped by relief type, court and year (of the decision, else of the
    placement's end), with the count of each result, appeals filed, and how many survivors
    stayed represented. One query."""
    groups: dict[tuple[str, str, int], OutcomeGroup] = {}
    rows = PlacementOutcome.objects.values_list(
        "relief_type",
        "placement__case__court",
        "decided_on",
        "placement__closed_at",
        "recorded_at",
        "result",
        "appeal_filed",
        "placement_id",
        "placement__remained_represented",
    )
    for relief_type, court, decided_on, closed_at, recorded_at, result, appeal, placement_id, represented in rows:
        when = decided_on or (timezone.localtime(closed_at).date() if closed_at else recorded_at.date())
        key = (relief_type, court or "", when.year)
        group = groups.get(key)
        if group is None:
            group = groups[key] = OutcomeGroup(
                relief_type=relief_type, court=court or "", year=when.year, results=dict.fromkeys(OUTCOME_RESULTS, 0)
            )
        group.results[result] = group.results.get(result, 0) + 1
        group.appeals += int(appeal)
        group.placements.add(placement_id)
        if represented == Representation.YES:
            group.represented.add(placement_id)
    return sorted(groups.values(), key=lambda g: (-g.year, g.relief_label, g.court))


def outcome_report_rows() -> tuple[list[str], list[list]]:
    """The outcome report as staff see it and export it: aggregate, every count under
    SMALL_CELL shown as "<5", a small group's every cell suppressed with it."""
    header = [
        _("year"),
        _("relief type"),
        _("court"),
        _("outcomes recorded"),
        *(str(ReliefResult(code).label) for code in OUTCOME_RESULTS),
        _("appeals filed"),
        _("survivors still represented"),
    ]
    rows = []
    for g in outcomes_by_relief_court_and_year():
        small = g.total < SMALL_CELL
        cells = [g.results[code] for code in OUTCOME_RESULTS] + [g.appeals, len(g.represented)]
        rows.append(
            [
                g.year,
                g.relief_label,
                g.court or _("(no court)"),
                suppress(g.total),
                *(SUPPRESSED if small else suppress(n) for n in cells),
            ]
        )
    return header, rows


# ---------------------------------------------------------------------------
# CSV exports: a fixed list of reports, each with a fixed column list


def _export_waiting() -> tuple[list[str], list[list]]:
    header = [_("relief type"), _("language"), _("cases waiting"), _("median days waiting"), _("longest wait (days)")]
    rows = []
    for g in waiting_by_relief_and_language():
        small = g.cases < SMALL_CELL
        rows.append(
            [
                g.relief_label,
                g.language_label,
                suppress(g.cases),
                SUPPRESSED if small else g.median_days,
                SUPPRESSED if small else g.max_days,
            ]
        )
    return header, rows


def _export_capacity() -> tuple[list[str], list[list]]:
    header = [_("language"), _("attorneys"), _("free case slots"), _("cases waiting")]
    rows = [
        [r.label, suppress(r.attorneys), suppress(r.free_slots), suppress(r.waiting_cases)]
        for r in capacity_by_language()
    ]
    return header, rows


def _export_hours() -> tuple[list[str], list[list]]:
    header = [_("month"), _("attorneys reporting"), _("cases"), _("hours")]
    rows = []
    for m in hours_by_month():
        small = m["attorneys"] < SMALL_CELL
        hours = (m["hours"] or Decimal("0")).quantize(Decimal("0.01"))
        rows.append(
            [
                m["month"].strftime("%Y-%m"),
                suppress(m["attorneys"]),
                suppress(m["cases"]),
                SUPPRESSED if small else hours,
            ]
        )
    return header, rows


EXPORTS = {
    "waiting-cases": _export_waiting,
    "capacity-by-language": _export_capacity,
    "hours-by-month": _export_hours,
    "outcomes": outcome_report_rows,
}


def report_rows(*, kind: str) -> tuple[list[str], list[list]] | None:
    """Header and rows of an aggregate export, or None for an unknown report."""
    build = EXPORTS.get(kind)
    return build() if build else None
