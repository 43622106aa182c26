"""The attorney's CLE transcript: credit per jurisdiction and reporting period, by category.

Reads only. Each jurisdiction's `period_rule` (courses.periods) sets the periods: fixed end
dates by last-name group (Illinois, California), birthday cycles after the newly admitted
period (New York), or, by default, `reporting_cycle_months` counted from the admission date
(or 1 January of the year of the first certificate when we have no admission date).
Only valid certificates count: a superseded one is replaced by its correction and a
revoked one counts for nothing.
"""

from __future__ import annotations

import csv
import io
import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _

from courses.credit import round_to_increment

from .models import Certificate
from .requirements import EarnedCredit, RequirementProgress, earned_from_snapshot, requirement_progress
from .snapshot import hours_str

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)
DEFAULT_CYCLE_MONTHS = 24


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


@dataclass(frozen=True)
class Period:
    jurisdiction_id: int
    start: date
    end: date

    @property
    def key(self) -> str:
        return f"{self.jurisdiction_id}:{self.start.isoformat()}"


@dataclass
class TranscriptOption:
    jurisdiction_id: int
    jurisdiction_name: str
    jurisdiction_code: str
    periods: list[Period]
    note: str = ""

    def default_choice(self) -> Period:
        today = timezone.localdate()
        for period in self.periods:
            if period.start <= today <= period.end:
                return period
        return self.periods[0]


@dataclass
class TranscriptRow:
    completed_on: date
    course: str
    course_number: str
    provider: str
    provider_number: str
    code: str
    format: str
    lines: list[dict]
    total: str


@dataclass
class ProBonoLine:
    category: str
    hours_approved: Decimal
    credit: Decimal
    minutes_per_credit: int
    cap: Decimal | None
    capped: bool
    hours_pending: Decimal = Decimal(0)
    approved_by: str = ""
    approved_on: date | None = None
    not_counted: str = ""  # why approved hours earn no credit here, when they do not
    rule_source: str = ""

    @property
    def credit_str(self) -> str:
        return hours_str(self.credit)


@dataclass
class Transcript:
    attorney_name: str
    bar_number: str
    jurisdiction_id: int
    jurisdiction_code: str
    jurisdiction_name: str
    start: date
    end: date
    requirements: str
    rows: list[TranscriptRow] = field(default_factory=list)
    category_totals: list[tuple[str, str]] = field(default_factory=list)
    course_total: Decimal = Decimal(0)
    pro_bono: ProBonoLine | None = None
    pro_bono_unavailable: bool = False
    pro_bono_summary: str = ""
    total: Decimal = Decimal(0)
    period_source: str = ""
    period_note: str = ""
    progress: RequirementProgress | None = None

    @property
    def total_str(self) -> str:
        return hours_str(self.total)

    @property
    def course_total_str(self) -> str:
        return hours_str(self.course_total)


def periods_for(*, jurisdiction_id: int, anchor: date, cycle_months: int, earliest: date, today: date) -> list[Period]:
    """Consecutive cycles from the anchor, from the one holding `earliest` to the one holding today, newest first."""
    cycle_months = cycle_months or DEFAULT_CYCLE_MONTHS
    periods = []
    start = anchor
    index = 0
    horizon = max(today, earliest)
    while start <= horizon and index < 100:
        end = add_months(anchor, cycle_months * (index + 1)) - timedelta(days=1)
        if end >= earliest:
            periods.append(Period(jurisdiction_id=jurisdiction_id, start=start, end=end))
        index += 1
        start = end + timedelta(days=1)
    if not periods:
        periods.append(Period(jurisdiction_id, anchor, add_months(anchor, cycle_months) - timedelta(days=1)))
    return list(reversed(periods))


def _periods_by_rule(*, jurisdiction, admission, user: User, earliest: date, today: date) -> tuple[list[Period], str]:
    """The periods the jurisdiction's rule gives, or ([], why) when the rule cannot be applied to this attorney."""
    from courses import periods as rules

    rule = jurisdiction.period_rule
    spans = None
    note = ""
    if rule == jurisdiction.PeriodRule.SURNAME:
        surname = rules.surname_for(full_name=user.full_name, roll_surname=admission.roll_surname if admission else "")
        spans = rules.surname_periods(jurisdiction=jurisdiction, surname=surname, earliest=earliest, today=today)
        if spans is None:
            note = _("Add the last name you are listed under to see your %(name)s reporting period.") % {
                "name": jurisdiction.name
            }
    elif rule == jurisdiction.PeriodRule.BIRTHDAY:
        if admission is not None and admission.birth_date:
            spans = rules.birthday_periods(
                birth_date=admission.birth_date,
                admitted_on=admission.admitted_on,
                newly_admitted_months=jurisdiction.newly_admitted_period_months,
                earliest=earliest,
                today=today,
            )
        else:
            note = _("Add your date of birth to your bar admission to see your %(name)s cycle.") % {
                "name": jurisdiction.name
            }
    if not spans:
        return [], note
    return [Period(jurisdiction.pk, start, end) for start, end in reversed(spans)], note


def transcript_options(*, user: User) -> list[TranscriptOption]:
    """The jurisdictions the attorney is admitted in or holds certificates for, with their periods."""
    from courses.models import BarAdmission, Jurisdiction

    admissions = {row.jurisdiction_id: row for row in BarAdmission.objects.filter(user=user)}
    first_certificate: dict[int, date] = {}
    for jurisdiction_id, completed_on in (
        Certificate.objects.filter(user=user).order_by("completed_on").values_list("jurisdiction_id", "completed_on")
    ):
        first_certificate.setdefault(jurisdiction_id, completed_on)
    ids = set(admissions) | set(first_certificate)
    today = timezone.localdate()
    options = []
    for jurisdiction in Jurisdiction.objects.filter(pk__in=ids).order_by("code"):
        admission = admissions.get(jurisdiction.pk)
        earliest = first_certificate.get(jurisdiction.pk, today)
        if admission is not None:
            anchor = admission.admitted_on
        else:
            anchor = date(earliest.year, 1, 1)
        earliest = max(min(earliest, today), anchor)
        periods, note = _periods_by_rule(
            jurisdiction=jurisdiction, admission=admission, user=user, earliest=earliest, today=today
        )
        if not periods:
            # No rule, or not enough about the attorney to apply it: cycles from the admission date.
            periods = periods_for(
                jurisdiction_id=jurisdiction.pk,
                anchor=anchor,
                cycle_months=jurisdiction.reporting_cycle_months,
                earliest=earliest,
                today=today,
            )
        options.append(
            TranscriptOption(
                jurisdiction_id=jurisdiction.pk,
                jurisdiction_name=jurisdiction.name,
                jurisdiction_code=jurisdiction.code,
                periods=periods,
                note=note,
            )
        )
    return options


def period_notes(*, options: list[TranscriptOption]) -> list[str]:
    return [option.note for option in options if option.note]


def period_choices(*, options: list[TranscriptOption]) -> list[tuple[str, str]]:
    return [
        (period.key, f"{option.jurisdiction_name}: {period.start.isoformat()} – {period.end.isoformat()}")
        for option in options
        for period in option.periods
    ]


def period_choose(*, options: list[TranscriptOption], key: str) -> Period | None:
    for option in options:
        for period in option.periods:
            if period.key == key:
                return period
    return None


def accredited_jurisdictions_without_admission(*, user: User) -> list[str]:
    """Jurisdictions where a completed course is accredited but the attorney has no active admission."""
    from courses.models import BarAdmission, CourseAccreditation

    active = set(
        BarAdmission.objects.filter(user=user, status=BarAdmission.Status.ACTIVE).values_list(
            "jurisdiction_id", flat=True
        )
    )
    names = (
        CourseAccreditation.objects.filter(
            course__enrollments__user=user, course__enrollments__completed_at__isnull=False
        )
        .exclude(jurisdiction_id__in=active)
        .values_list("jurisdiction__name", flat=True)
        .distinct()
    )
    return sorted(set(names))


def newly_admitted_during(admission, start: date) -> bool:
    """Whether the period starting on `start` begins within the two years after admission."""
    if admission is None:
        return False
    try:
        transition_ends = admission.admitted_on.replace(year=admission.admitted_on.year + 2)
    except ValueError:  # admitted on 29 February
        transition_ends = admission.admitted_on.replace(year=admission.admitted_on.year + 2, day=28)
    return start < transition_ends


def pro_bono_line_for(*, user: User, jurisdiction, start: date, end: date, admission=None) -> ProBonoLine | None:
    """Pro bono credit for the period, per the jurisdiction's rule (None where it grants none).

    Only hours program staff approved count; the approval is the provider's affirmation.
    Service counts only where the jurisdiction accepts this program's service: a rule that
    names qualifying programs (Illinois: Illinois Free Legal Answers) gives our hours none,
    and so does a rule closed to newly admitted attorneys during their transition.
    Raises ImportError when the mentorship app cannot report hours.
    """
    minutes_per_credit = jurisdiction.pro_bono_minutes_per_credit
    if not minutes_per_credit:
        return None
    from courses.certificates.models import CertificateSettings
    from mentorship.selectors import hours as hours_selectors

    program = CertificateSettings.load().provider_name or _("this program")
    approved = Decimal(hours_selectors.pro_bono_hours_for(user=user, start=start, end=end, status="approved"))
    pending = Decimal(hours_selectors.pro_bono_hours_for(user=user, start=start, end=end, status="pending"))
    source = jurisdiction.pro_bono_rule_source
    cited = f" ({source})" if source else ""
    not_counted = ""
    qualifying = jurisdiction.pro_bono_programs
    if qualifying and program.casefold() not in {name.casefold() for name in qualifying}:
        not_counted = _(
            "%(jurisdiction)s grants pro bono credit only for service through %(programs)s%(cited)s; "
            "none of your approved hours qualify."
        ) % {"jurisdiction": jurisdiction.name, "programs": ", ".join(qualifying), "cited": cited}
    elif not jurisdiction.pro_bono_newly_admitted and newly_admitted_during(admission, start):
        not_counted = _(
            "%(jurisdiction)s does not count pro bono credit for newly admitted attorneys%(cited)s; "
            "your approved hours earn none in this period."
        ) % {"jurisdiction": jurisdiction.name, "cited": cited}
    credit = Decimal(0)
    if not not_counted:
        credit = round_to_increment(
            approved * 60 / Decimal(minutes_per_credit), jurisdiction.credit_increment, jurisdiction.rounding
        )
    cap = jurisdiction.pro_bono_max_credits_per_cycle
    capped = cap is not None and credit > cap
    if capped:
        credit = cap
    category = jurisdiction.pro_bono_category.name if jurisdiction.pro_bono_category_id else _("Pro bono")
    return ProBonoLine(
        category=category,
        hours_approved=approved,
        credit=credit,
        minutes_per_credit=minutes_per_credit,
        cap=cap,
        capped=capped,
        hours_pending=pending,
        approved_by=program,
        approved_on=hours_selectors.pro_bono_last_approval_for(user=user, start=start, end=end),
        not_counted=not_counted,
        rule_source=source,
    )


def transcript_for(*, user: User, period: Period) -> Transcript:
    from courses.models import BarAdmission, Jurisdiction

    jurisdiction = Jurisdiction.objects.select_related("pro_bono_category").get(pk=period.jurisdiction_id)
    codes_by_name = {category.name: category.code for category in jurisdiction.categories.all()}
    earned: list[EarnedCredit] = []
    admission = BarAdmission.objects.filter(user=user, jurisdiction=jurisdiction).first()
    certificates = Certificate.objects.filter(
        user=user,
        jurisdiction=jurisdiction,
        status=Certificate.Status.VALID,
        completed_on__gte=period.start,
        completed_on__lte=period.end,
    ).order_by("completed_on", "pk")
    transcript = Transcript(
        attorney_name=user.full_name,
        bar_number=admission.bar_number if admission else "",
        jurisdiction_id=jurisdiction.pk,
        jurisdiction_code=jurisdiction.code,
        jurisdiction_name=jurisdiction.name,
        start=period.start,
        end=period.end,
        requirements=jurisdiction.cycle_requirements,
        period_source=jurisdiction.period_rule_source,
    )
    totals: OrderedDict[str, Decimal] = OrderedDict()
    for certificate in certificates:
        snapshot = certificate.snapshot
        for line in snapshot["credits"]["lines"]:
            totals[line["category"]] = totals.get(line["category"], Decimal(0)) + Decimal(line["hours"])
        transcript.rows.append(
            TranscriptRow(
                completed_on=certificate.completed_on,
                course=snapshot["course"]["title"],
                course_number=snapshot["course"]["number"],
                provider=snapshot["provider"]["name"],
                provider_number=snapshot["provider"]["number"],
                code=certificate.display_code,
                format=snapshot["course"]["format_label"],
                lines=snapshot["credits"]["lines"],
                total=snapshot["credits"]["total"],
            )
        )
        transcript.course_total += Decimal(snapshot["credits"]["total"])
        earned.extend(earned_from_snapshot(snapshot=snapshot, codes_by_name=codes_by_name))
    transcript.total = transcript.course_total
    try:
        transcript.pro_bono = pro_bono_line_for(
            user=user, jurisdiction=jurisdiction, start=period.start, end=period.end, admission=admission
        )
    except ImportError:
        logger.warning("Pro bono hours are not available; the transcript leaves the pro bono line out.")
        transcript.pro_bono_unavailable = True
    if transcript.pro_bono is not None:
        transcript.pro_bono_summary = pro_bono_summary(transcript.pro_bono, jurisdiction_name=jurisdiction.name)
    if transcript.pro_bono is not None and transcript.pro_bono.credit:
        category = transcript.pro_bono.category
        totals[category] = totals.get(category, Decimal(0)) + transcript.pro_bono.credit
        transcript.total += transcript.pro_bono.credit
        if jurisdiction.pro_bono_category_id:
            earned.append(
                EarnedCredit(
                    category_code=jurisdiction.pro_bono_category.code,
                    hours=transcript.pro_bono.credit,
                    format="pro_bono",
                )
            )
    transcript.progress = requirement_progress(
        user=user,
        jurisdiction=jurisdiction,
        credits=earned,
        newly_admitted=newly_admitted_during(admission, period.start),
    )
    transcript.category_totals = [(category, hours_str(hours)) for category, hours in totals.items()]
    return transcript


def current_progress_for(*, user: User) -> list[Transcript]:
    """The transcript of the period running today in each jurisdiction that has a structured requirement."""
    result = []
    for option in transcript_options(user=user):
        transcript = transcript_for(user=user, period=option.default_choice())
        if transcript.progress is not None:
            result.append(transcript)
    return result


def _cell(value) -> str:
    text = str(value)
    # A spreadsheet would run a cell that starts like a formula.
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def transcript_csv(*, transcript: Transcript) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    rows = [
        [_("CLE transcript"), transcript.attorney_name],
        [_("Jurisdiction"), transcript.jurisdiction_name],
        [_("Bar / registration number"), transcript.bar_number],
        [_("Reporting period"), transcript.start.isoformat(), transcript.end.isoformat()],
        [],
        [
            _("Date completed"),
            _("Course"),
            _("Course number"),
            _("Provider"),
            _("Provider number"),
            _("Format"),
            _("Certificate"),
            _("Category"),
            _("Credit"),
        ],
    ]
    for row in transcript.rows:
        for line in row.lines:
            rows.append(
                [
                    row.completed_on.isoformat(),
                    row.course,
                    row.course_number,
                    row.provider,
                    row.provider_number,
                    row.format,
                    row.code,
                    line["category"],
                    line["hours"],
                ]
            )
    pro_bono = transcript.pro_bono
    if pro_bono is not None:
        rows.append(
            [
                pro_bono.approved_on.isoformat() if pro_bono.approved_on else "",
                _("Pro bono service (%(hours)s approved hours)") % {"hours": pro_bono.hours_approved},
                "",
                pro_bono.approved_by,
                "",
                "",
                "",
                pro_bono.category,
                pro_bono.credit_str,
            ]
        )
    rows.append([])
    rows.append([_("Total by category")])
    rows.extend([["", category, hours] for category, hours in transcript.category_totals])
    rows.append([_("Total credit"), "", transcript.total_str])
    if pro_bono is not None:
        rows.append([])
        rows.append([_("Pro bono"), pro_bono_summary(pro_bono, jurisdiction_name=transcript.jurisdiction_name)])
    progress = transcript.progress
    if progress is not None:
        rows.append([])
        rows.append([_("Requirement"), progress.spec.applies_to_label, progress.status, progress.spec.citation])
        rows.append([_("Requirement"), _("Earned"), _("Required"), _("Missing")])
        for line in [*progress.lines, progress.total]:
            rows.append([line.label, hours_str(line.earned), hours_str(line.required), line.missing_str])
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def pro_bono_summary(line: ProBonoLine, *, jurisdiction_name: str) -> str:
    """One sentence for the transcript: approved hours, rate, cap, credit, affirmation, pending hours."""
    parts = [
        _("%(hours)s approved hours at one credit per %(minutes)s minutes of service")
        % {"hours": line.hours_approved, "minutes": line.minutes_per_credit}
    ]
    if line.cap is not None:
        parts.append(_("at most %(cap)s credits per period") % {"cap": hours_str(line.cap)})
    parts.append(_("%(credit)s credit in %(category)s") % {"credit": line.credit_str, "category": line.category})
    text = "; ".join(parts) + "."
    if line.capped:
        text += " " + _("Capped at the period's maximum.")
    if line.approved_on is not None:
        text += " " + _("Approved by %(program)s on %(date)s.") % {
            "program": line.approved_by,
            "date": line.approved_on.isoformat(),
        }
    if line.rule_source:
        text += " " + _("Rule: %(source)s.") % {"source": line.rule_source}
    if line.not_counted:
        text += " " + line.not_counted
    if line.hours_pending:
        text += " " + _("%(hours)s more hours await staff approval and do not count yet.") % {
            "hours": line.hours_pending
        }
    return text


def transcript_pdf(*, transcript: Transcript, user: User) -> bytes:
    from .rendering import transcript_pdf_render

    return transcript_pdf_render(context={"t": transcript, "generated_on": timezone.localdate()})
