"""Progress toward a jurisdiction's CLE requirement in one reporting period, and courses that fill the gaps.

`progress_compute` is the arithmetic on plain data (credit earned, the requirement's lines and
caps); `requirement_progress` reads the requirement snippet and our catalog around it. The rules:

- credit in a category counts toward its own line, toward the line of its parent category (and
  that line's parent), and toward the total;
- a cap limits the hours in one format that count toward the total (California self-study at
  most half, Rules of the State Bar 2.72); specialty lines still count them, as the rule does not
  bar self-study from specialty credit;
- for a newly admitted attorney only lines that count for them (by category and format,
  snapshot line `newly_admitted`) count at all;
- pro bono credit counts in the category the jurisdiction grants it in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _

from .snapshot import hours_str

if TYPE_CHECKING:
    from accounts.models import User
    from courses.models import CleRequirement, Jurisdiction

SUGGESTIONS_PER_LINE = 3
ZERO = Decimal(0)


@dataclass(frozen=True)
class EarnedCredit:
    """One line of credit earned in the period (a certificate's category line, or pro bono credit)."""

    category_code: str
    hours: Decimal
    format: str = ""
    newly_admitted: bool = True


@dataclass(frozen=True)
class LineSpec:
    category_code: str
    label: str
    minimum: Decimal
    parent_code: str = ""


@dataclass(frozen=True)
class CapSpec:
    format: str
    format_label: str
    limit: Decimal | None


@dataclass(frozen=True)
class RequirementSpec:
    applies_to: str
    applies_to_label: str
    total: Decimal
    lines: tuple[LineSpec, ...] = ()
    caps: tuple[CapSpec, ...] = ()
    citation: str = ""
    url: str = ""
    checked_on: date | None = None
    summary: str = ""

    def codes_counting_toward(self, code: str) -> set[str]:
        """The category itself and every category whose line sits (at any depth) inside its line."""
        parents = {line.category_code: line.parent_code for line in self.lines}
        codes = {code}
        for child in parents:
            seen = set()
            current = child
            while current and current not in seen:
                seen.add(current)
                if parents.get(current) == code:
                    codes.add(child)
                    break
                current = parents.get(current, "")
        return codes

    def depth(self, line: LineSpec) -> int:
        parents = {item.category_code: item.parent_code for item in self.lines}
        depth, current, seen = 0, line.parent_code, set()
        while current and current not in seen:
            seen.add(current)
            depth += 1
            current = parents.get(current, "")
        return depth


@dataclass(frozen=True)
class Suggestion:
    course_id: int
    title: str
    url: str
    hours: Decimal

    @property
    def hours_str(self) -> str:
        return hours_str(self.hours)


@dataclass
class LineProgress:
    label: str
    category_code: str
    earned: Decimal
    required: Decimal
    depth: int = 0
    suggestions: list[Suggestion] = field(default_factory=list)

    @property
    def missing(self) -> Decimal:
        return max(ZERO, self.required - self.earned)

    @property
    def met(self) -> bool:
        return self.missing == 0

    @property
    def text(self) -> str:
        return _("%(label)s %(earned)s of %(required)s") % {
            "label": self.label,
            "earned": hours_str(self.earned),
            "required": hours_str(self.required),
        }

    @property
    def missing_str(self) -> str:
        return hours_str(self.missing)


@dataclass
class RequirementProgress:
    spec: RequirementSpec
    total: LineProgress
    lines: list[LineProgress]
    notes: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.total.met and all(line.met for line in self.lines)

    @property
    def status(self) -> str:
        return _("Requirement met") if self.complete else _("Not yet met")

    @property
    def summary_text(self) -> str:
        return " · ".join([self.total.text] + [line.text for line in self.lines])

    @property
    def missing(self) -> list[LineProgress]:
        return [line for line in [self.total, *self.lines] if not line.met]


def progress_compute(
    *, spec: RequirementSpec, credits: list[EarnedCredit], newly_admitted: bool
) -> RequirementProgress:
    """Earned, required and missing per line of `spec` for the given credit (pure)."""
    notes = []
    counted = [credit for credit in credits if credit.newly_admitted or not newly_admitted]
    left_out = sum((credit.hours for credit in credits), ZERO) - sum((credit.hours for credit in counted), ZERO)
    if left_out:
        notes.append(
            _("%(hours)s hours were earned in a format that does not count for newly admitted attorneys.")
            % {"hours": hours_str(left_out)}
        )
    total = sum((credit.hours for credit in counted), ZERO)
    for cap in spec.caps:
        if cap.limit is None:
            continue
        in_format = sum((credit.hours for credit in counted if credit.format == cap.format), ZERO)
        if in_format > cap.limit:
            total -= in_format - cap.limit
            notes.append(
                _("At most %(limit)s hours of %(format)s count toward the total; %(excess)s more do not.")
                % {
                    "limit": hours_str(cap.limit),
                    "format": cap.format_label.lower(),
                    "excess": hours_str(in_format - cap.limit),
                }
            )
    lines = []
    for line in spec.lines:
        codes = spec.codes_counting_toward(line.category_code)
        earned = sum((credit.hours for credit in counted if credit.category_code in codes), ZERO)
        lines.append(
            LineProgress(
                label=line.label,
                category_code=line.category_code,
                earned=earned,
                required=line.minimum,
                depth=spec.depth(line),
            )
        )
    total_line = LineProgress(label=_("Total"), category_code="", earned=total, required=spec.total)
    return RequirementProgress(spec=spec, total=total_line, lines=lines, notes=notes)


# --- Reading the requirement and the catalog ---------------------------------------------------


def requirement_spec(*, requirement: CleRequirement) -> RequirementSpec:
    lines = tuple(
        LineSpec(
            category_code=line.category.code,
            label=line.label or line.category.name,
            minimum=line.minimum_hours,
            parent_code=line.parent_category.code if line.parent_category_id else "",
        )
        for line in requirement.lines.select_related("category", "parent_category").order_by("sort_order")
    )
    caps = tuple(
        CapSpec(format=cap.format, format_label=str(cap.get_format_display()), limit=cap.limit(requirement.total_hours))
        for cap in requirement.caps.order_by("sort_order")
    )
    return RequirementSpec(
        applies_to=requirement.applies_to,
        applies_to_label=str(requirement.get_applies_to_display()),
        total=requirement.total_hours,
        lines=lines,
        caps=caps,
        citation=requirement.source_citation,
        url=requirement.source_url,
        checked_on=requirement.checked_on,
        summary=requirement.summary,
    )


def requirement_for(*, jurisdiction: Jurisdiction, newly_admitted: bool) -> CleRequirement | None:
    """The newly admitted requirement for a newly admitted attorney where there is one, else the experienced one."""
    from courses.models import CleRequirement

    rows = {row.applies_to: row for row in CleRequirement.objects.filter(jurisdiction=jurisdiction)}
    if newly_admitted and CleRequirement.AppliesTo.NEWLY_ADMITTED in rows:
        return rows[CleRequirement.AppliesTo.NEWLY_ADMITTED]
    return rows.get(CleRequirement.AppliesTo.EXPERIENCED)


def earned_from_snapshot(*, snapshot: dict, codes_by_name: dict[str, str]) -> list[EarnedCredit]:
    """Credit lines of a frozen certificate; schema 1 snapshots carry neither category code nor per-line flag."""
    fmt = snapshot.get("course", {}).get("format", "")
    approved = bool(snapshot.get("transitional", {}).get("approved", True))
    credits = []
    for line in snapshot["credits"]["lines"]:
        credits.append(
            EarnedCredit(
                category_code=line.get("code") or codes_by_name.get(line["category"], ""),
                hours=Decimal(line["hours"]),
                format=fmt,
                newly_admitted=bool(line.get("newly_admitted", approved)),
            )
        )
    return credits


def course_suggestions(
    *, jurisdiction: Jurisdiction, user: User, spec: RequirementSpec, newly_admitted: bool, on: date
) -> dict[str, list[Suggestion]]:
    """For each line (key: category code, "" for the total), published courses with a current
    accreditation here that the attorney has not completed, with the hours they give toward it."""
    from courses.models import CourseAccreditation, Enrollment

    completed = set(
        Enrollment.objects.filter(user=user, completed_at__isnull=False).values_list("course_id", flat=True)
    )
    categories = {category.pk: category for category in jurisdiction.categories.all()}
    offers: list[tuple[object, dict[str, Decimal]]] = []
    rows = (
        CourseAccreditation.objects.filter(jurisdiction=jurisdiction, course__live=True)
        .exclude(course_id__in=completed)
        .select_related("course")
        # Of each course, its title and address: not its assessment, objectives or summaries.
        .defer(
            "course__final_assessment",
            "course__learning_objectives",
            "course__summary",
            "course__law_change_summary",
            "course__search_description",
        )
        .order_by("course__title", "sort_order")
    )
    for row in rows:
        if not row.is_current(on):
            continue
        hours: dict[str, Decimal] = {}
        for category, amount in row.credit_lines(categories):
            counts = category.counts_for_newly_admitted(
                format=row.format,
                accreditation_approved=row.counts_for_newly_admitted,
                on_demand_allowed=jurisdiction.on_demand_counts_for_newly_admitted,
            )
            if newly_admitted and not counts:
                continue
            hours[category.code] = hours.get(category.code, ZERO) + amount
        if hours:
            offers.append((row.course, hours))
    keys = [""] + [line.category_code for line in spec.lines]
    result: dict[str, list[Suggestion]] = {}
    # A page's URL costs a lookup of the site's root paths: only the courses shown get one.
    urls: dict[int, str] = {}
    for key in keys:
        codes = spec.codes_counting_toward(key) if key else None
        found: dict[int, tuple[object, Decimal]] = {}
        for course, hours in offers:
            amount = sum((value for code, value in hours.items() if codes is None or code in codes), ZERO)
            if amount and course.pk not in found:
                found[course.pk] = (course, amount)
        shown = sorted(found.values(), key=lambda item: (-item[1], item[0].title))[:SUGGESTIONS_PER_LINE]
        for course, _amount in shown:
            if course.pk not in urls:
                urls[course.pk] = course.url or ""
        result[key] = [
            Suggestion(course_id=course.pk, title=course.title, url=urls[course.pk], hours=amount)
            for course, amount in shown
        ]
    return result


def requirement_progress(
    *, user: User, jurisdiction: Jurisdiction, credits: list[EarnedCredit], newly_admitted: bool
) -> RequirementProgress | None:
    """Progress toward the requirement that applies to the attorney, with courses for every gap; None without one."""
    requirement = requirement_for(jurisdiction=jurisdiction, newly_admitted=newly_admitted)
    if requirement is None:
        return None
    spec = requirement_spec(requirement=requirement)
    counts_as_newly_admitted = newly_admitted and requirement.applies_to == requirement.AppliesTo.NEWLY_ADMITTED
    progress = progress_compute(spec=spec, credits=credits, newly_admitted=counts_as_newly_admitted)
    if not progress.complete:
        suggestions = course_suggestions(
            jurisdiction=jurisdiction,
            user=user,
            spec=spec,
            newly_admitted=counts_as_newly_admitted,
            on=timezone.localdate(),
        )
        for line in [progress.total, *progress.lines]:
            if not line.met:
                line.suggestions = suggestions.get(line.category_code, [])
    return progress
