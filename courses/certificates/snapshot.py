"""What a certificate states, computed once at issue from plain facts (no ORM here).

`snapshot_build` turns the facts gathered by `sources.py` into the JSON the certificate
row keeps for ever; `credits_earned` is the credit arithmetic, kept pure so it can be
tested on hand-made numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from courses.credit import ROUND_DOWN_RULE, round_to_increment

# 2: the jurisdiction's rounding rule, and per credit line its category code and whether it
# counts for a newly admitted attorney (by category and format). Schema 1 has neither.
# 3: the language the certificate is issued in, and the English statement of the credit
# where the jurisdiction asks for one beside a certificate in another language.
SNAPSHOT_SCHEMA = 3


@dataclass(frozen=True)
class CreditLine:
    category: str
    hours: Decimal
    code: str = ""
    newly_admitted: bool = True


@dataclass(frozen=True)
class AccreditationFacts:
    jurisdiction_id: int
    jurisdiction_code: str
    jurisdiction_name: str
    credit_hour_minutes: int
    credit_increment: Decimal
    provider_name: str
    provider_number: str
    provider_contact: str
    course_number: str
    format: str
    format_label: str
    location: str
    counts_for_newly_admitted: bool
    verification_method: str
    lines: tuple[CreditLine, ...]
    approved_from: date | None = None
    approved_to: date | None = None
    minimum_minutes: int = 0
    rounding: str = ROUND_DOWN_RULE
    # Jurisdiction.CertificateLanguage: "english", "course_with_english" or "course".
    certificate_language: str = "english"


@dataclass(frozen=True)
class AdmissionFacts:
    bar_number: str
    is_newly_admitted: bool


@dataclass(frozen=True)
class CodeEntry:
    label: str
    entered_at: datetime | None


@dataclass(frozen=True)
class EnrollmentFacts:
    enrollment_id: int
    user_id: int
    course_id: int
    attorney_name: str
    course_title: str
    started_on: date | None
    completed_at: datetime
    engaged_minutes: int
    affirmation_signed_at: datetime | None
    affirmation_text: str
    codes_required: int
    codes_entered: tuple[CodeEntry, ...] = field(default_factory=tuple)
    assessment_passed: bool | None = None
    course_language: str = "en"


@dataclass(frozen=True)
class SessionFacts:
    """A live session the attorney attended (in person or by webinar), for a live certificate."""

    session_id: int
    format: str
    format_label: str
    date: date
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    location: str
    attended_minutes: int
    signed_in_at: datetime
    signed_out_at: datetime
    code_entered_at: datetime | None


@dataclass(frozen=True)
class SignatureFacts:
    administrator_name: str
    administrator_title: str
    signature_key: str = ""
    logo_key: str = ""


def floor_to(value: Decimal, increment: Decimal) -> Decimal:
    return round_to_increment(value, increment, ROUND_DOWN_RULE)


def credits_earned(
    *,
    engaged_minutes: int,
    credit_hour_minutes: int,
    increment: Decimal,
    lines: tuple[CreditLine, ...],
    minimum_minutes: int = 0,
    rounding: str = ROUND_DOWN_RULE,
) -> tuple[Decimal, list[CreditLine]]:
    """Credit in the jurisdiction's unit, and how it splits across categories.

    Engaged minutes / minutes per credit hour, rounded to the jurisdiction's increment by
    its rule (down by default, NY half credits; California to the nearest quarter hour,
    Rules of the State Bar 2.51(D)), with nothing below the jurisdiction's minimum minutes (NY 25), then
    capped by the accredited hours: time spent beyond the approved length earns nothing
    more, since the board approved the course for that many credits. If the total falls
    short of the accredited hours, categories are filled in the order the accreditation
    lists them (editors list specialty categories such as ethics first).
    """
    accredited = sum((line.hours for line in lines), Decimal(0))
    earned = round_to_increment(Decimal(engaged_minutes) / Decimal(max(credit_hour_minutes, 1)), increment, rounding)
    if engaged_minutes < minimum_minutes:
        earned = Decimal(0)
    total = min(earned, accredited)
    remaining = total
    split = []
    for line in lines:
        hours = min(line.hours, remaining)
        remaining -= hours
        split.append(
            CreditLine(category=line.category, hours=hours, code=line.code, newly_admitted=line.newly_admitted)
        )
    return total, split


def hours_str(value: Decimal) -> str:
    """Credit as printed: at least one decimal place, no trailing noise (1.0, 1.5, 0.25)."""
    text = format(value.normalize(), "f")
    if "." not in text:
        return f"{text}.0"
    return text


def verification_statement(*, facts: EnrollmentFacts, method: str) -> str:
    parts = []
    if method:
        parts.append(method.strip().rstrip("."))
    if facts.codes_required:
        parts.append(
            _("%(entered)s of %(required)s attendance codes entered")
            % {"entered": len(facts.codes_entered), "required": facts.codes_required}
        )
    if facts.assessment_passed:
        parts.append(_("final assessment passed"))
    if facts.affirmation_signed_at:
        parts.append(
            _("affirmation signed %(when)s") % {"when": facts.affirmation_signed_at.strftime("%Y-%m-%d %H:%M %Z")}
        )
    return "; ".join(parts)


def snapshot_build(*, facts: EnrollmentFacts, accreditation: AccreditationFacts, **fields: Any) -> dict[str, Any]:
    """Every field the certificate states (CLE.md), frozen: the PDF is rendered from this alone.

    `fields` are `_snapshot`'s other arguments. The words are in the certificate's language
    (English unless the jurisdiction accepts the course's). For a live session,
    `facts.engaged_minutes` are the attended minutes and the snapshot gains a "session" section
    (format, date, times in the session's zone, attended minutes).
    """
    language = certificate_language(course_language=facts.course_language, rule=accreditation.certificate_language)
    with translation.override(language):
        snapshot = _snapshot(facts=facts, accreditation=accreditation, **fields)
    snapshot["language"] = language
    snapshot["english_statement"] = (
        english_statement(snapshot)
        if language != "en" and accreditation.certificate_language == "course_with_english"
        else ""
    )
    return snapshot


def certificate_language(*, course_language: str, rule: str) -> str:
    """English, unless the jurisdiction accepts a certificate in the course's own language."""
    if rule in {"course", "course_with_english"} and course_language:
        return course_language
    return "en"


def english_statement(snapshot: dict[str, Any]) -> str:
    """The credit in one English sentence, for a certificate issued in another language."""
    credits = "; ".join(f"{line['category']}: {line['hours']}" for line in snapshot["credits"]["lines"])
    return (
        f'This certifies that {snapshot["attorney"]["name"]} completed "{snapshot["course"]["title"]}" '
        f"(course {snapshot['course']['number']}, taught in {LANGUAGE_NAMES_EN.get(snapshot['language'], snapshot['language'])}) "
        f"on {snapshot['completion']['completed_on']} and earned {snapshot['credits']['total']} CLE credit hours "
        f"in {snapshot['jurisdiction']['name']} ({credits}). Certificate {snapshot['certificate']['code']}, "
        f"issued by {snapshot['provider']['name']} ({snapshot['provider']['number']})."
    )


LANGUAGE_NAMES_EN = {"es": "Spanish", "en": "English"}


def _snapshot(
    *,
    facts: EnrollmentFacts,
    accreditation: AccreditationFacts,
    admission: AdmissionFacts,
    signature: SignatureFacts,
    code: str,
    version: int,
    issued_on: date,
    verify_url: str,
    template_version: str,
    reissue_note: str = "",
    session: SessionFacts | None = None,
) -> dict[str, Any]:
    total, lines = credits_earned(
        engaged_minutes=facts.engaged_minutes,
        credit_hour_minutes=accreditation.credit_hour_minutes,
        increment=accreditation.credit_increment,
        lines=accreditation.lines,
        minimum_minutes=accreditation.minimum_minutes,
        rounding=accreditation.rounding,
    )
    earned_lines = [line for line in lines if line.hours]
    transitional_lines = [
        line for line in earned_lines if line.newly_admitted and accreditation.counts_for_newly_admitted
    ]
    transitional = admission.is_newly_admitted and bool(transitional_lines)
    if transitional and len(transitional_lines) < len(earned_lines):
        transitional_statement = _("Transitional credit for newly admitted attorneys only in: %(categories)s") % {
            "categories": ", ".join(line.category for line in transitional_lines)
        }
    elif transitional:
        transitional_statement = _("Transitional credit: approved for newly admitted attorneys")
    elif admission.is_newly_admitted:
        transitional_statement = _("Not approved for newly admitted attorneys' transitional credit")
    else:
        transitional_statement = ""
    snapshot = {
        "schema": SNAPSHOT_SCHEMA,
        "template_version": template_version,
        "certificate": {
            "code": "-".join(code[i : i + 4] for i in range(0, len(code), 4)),
            "version": version,
            "issued_on": issued_on.isoformat(),
            "verify_url": verify_url,
            "reissue_note": reissue_note,
        },
        "attorney": {"name": facts.attorney_name, "bar_number": admission.bar_number},
        "jurisdiction": {
            "id": accreditation.jurisdiction_id,
            "code": accreditation.jurisdiction_code,
            "name": accreditation.jurisdiction_name,
            "credit_hour_minutes": accreditation.credit_hour_minutes,
            "credit_increment": str(accreditation.credit_increment),
            "rounding": accreditation.rounding,
        },
        "provider": {
            "name": accreditation.provider_name,
            "number": accreditation.provider_number,
            "contact": accreditation.provider_contact,
            "logo_key": signature.logo_key,
        },
        "course": {
            "id": facts.course_id,
            "title": facts.course_title,
            "number": accreditation.course_number,
            "format": accreditation.format,
            "format_label": accreditation.format_label,
            "location": accreditation.location,
        },
        "completion": {
            "started_on": facts.started_on.isoformat() if facts.started_on else "",
            "completed_on": facts.completed_at.date().isoformat(),
            "completed_at": facts.completed_at.isoformat(),
            "engaged_minutes": facts.engaged_minutes,
        },
        "credits": {
            "unit_label": _("Credit hours"),
            "total": hours_str(total),
            "lines": [
                {
                    "category": line.category,
                    "code": line.code,
                    "hours": hours_str(line.hours),
                    "newly_admitted": line.newly_admitted,
                }
                for line in earned_lines
            ],
        },
        "transitional": {
            "applies": bool(transitional_statement),
            "approved": bool(transitional),
            "statement": transitional_statement,
        },
        "verification": {
            "method": verification_statement(facts=facts, method=accreditation.verification_method),
            "codes_required": facts.codes_required,
            "codes": [
                {"label": entry.label, "entered_at": entry.entered_at.isoformat() if entry.entered_at else ""}
                for entry in facts.codes_entered
            ],
            "affirmation_signed_at": facts.affirmation_signed_at.isoformat() if facts.affirmation_signed_at else "",
            "affirmation_text": facts.affirmation_text,
        },
        "administrator": {
            "name": signature.administrator_name,
            "title": signature.administrator_title,
            "signature_key": signature.signature_key,
        },
    }
    if session is not None:
        snapshot["session"] = session_section(session=session)
    return snapshot


def session_section(*, session: SessionFacts) -> dict[str, Any]:
    return {
        "id": session.session_id,
        "format": session.format,
        "format_label": session.format_label,
        "date": session.date.isoformat(),
        "starts_at": session.starts_at.isoformat(),
        "ends_at": session.ends_at.isoformat(),
        "time_zone": session.time_zone,
        "times_label": f"{session.starts_at:%H:%M}–{session.ends_at:%H:%M} {session.time_zone}",
        "location": session.location,
        "attended_minutes": session.attended_minutes,
        "signed_in_at": session.signed_in_at.isoformat(),
        "signed_out_at": session.signed_out_at.isoformat(),
        "code_entered_at": session.code_entered_at.isoformat() if session.code_entered_at else "",
    }
