"""Demo content for seed_demo: CLE rules, the training track, bar admissions and learners at every stage.

Idempotent: pages, rows and learner histories are created only when missing, so a second
run leaves every table's row count unchanged. Learner progress goes through the real
services (heartbeats with a simulated clock, code entry, quizzes, affirmation), so
completion and certificates follow exactly as they would for a real attorney.
"""

from __future__ import annotations

import datetime
import math
import uuid
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.html import strip_tags

from home.models import HomePage, HomePageFeaturedCourse

from . import questions, services, sessions
from .demo_content import COURSES
from .demo_content_es import COURSES_ES
from .models import (
    AttendanceCheckpoint,
    AttendanceCodeEntry,
    BarAdmission,
    CleRequirement,
    CourseAccreditation,
    CourseFaculty,
    CourseIndexPage,
    CoursePage,
    CourseSession,
    CreditCategory,
    Enrollment,
    FacultyQuestion,
    Jurisdiction,
    LessonPage,
    QuizAttempt,
    RequirementCap,
    RequirementLine,
)

JURISDICTIONS = [
    {
        "code": "NY",
        "name": "New York",
        "credit_hour_minutes": 50,
        "credit_increment": Decimal("0.5"),
        "minimum_minutes_for_credit": 25,
        "on_demand_counts_for_newly_admitted": False,
        "attendance_code_interval_minutes": 50,
        "requires_affirmation": True,
        "retention_years": 4,
        "reporting_cycle_months": 24,
        "period_rule": "birthday",
        "newly_admitted_period_months": 24,
        "period_rule_source": "22 NYCRR 1500.2, 1500.12, 1500.13; 22 NYCRR 118.1 (registration after the birthday)",
        "cycle_requirements": (
            "Experienced attorneys: 24 credits every two years, including at least 4 in Ethics and "
            "Professionalism, 1 in Diversity, Inclusion and Elimination of Bias and 1 in Cybersecurity, Privacy "
            "and Data Protection. Newly admitted attorneys: 32 transitional credits in the first two years. "
            "Confirm against the current CLE Board rules."
        ),
        # One Skills credit per six 50-minute hours of approved pro bono service (300 minutes),
        # at most 6 per biennial cycle; newly admitted attorneys cannot count it in their
        # transition (CLE Board Regulations and Guidelines, pro bono legal services).
        "pro_bono_minutes_per_credit": 300,
        "pro_bono_max_credits_per_cycle": Decimal("6"),
        "pro_bono_category_code": "skills",
        "pro_bono_qualifying_programs": "",
        "pro_bono_newly_admitted": False,
        "pro_bono_rule_source": "22 NYCRR Part 1500; NY CLE Board Regulations and Guidelines, pro bono legal services",
        # Formats for newly admitted attorneys per category (third item): Skills in person or fully
        # interactive videoconference; Ethics also by live transmission with questions; Law Practice
        # Management and Areas of Professional Practice in any approved format (NY CLE Board Regulations
        # and Guidelines, newly admitted; nycourts.gov FAQs for Newly Admitted Attorneys). Cybersecurity
        # could not be confirmed: kept to live formats until it is.
        "categories": [
            ("ethics", "Ethics and Professionalism", "synchronous"),
            ("skills", "Skills", "live"),
            ("lpm", "Law Practice Management", "any"),
            ("app", "Areas of Professional Practice", "any"),
            ("diversity", "Diversity, Inclusion and Elimination of Bias"),
            ("cyber", "Cybersecurity, Privacy and Data Protection", "synchronous"),
        ],
        "requirements": [
            {
                "applies_to": "experienced",
                "total_hours": Decimal("24"),
                "summary": (
                    "At most 3 credits of Cybersecurity, Privacy and Data Protection-Ethics count toward the "
                    "4 ethics credits; up to 6 credits over 24 carry over to the next cycle (not shown here)."
                ),
                "source_citation": "22 NYCRR 1500.22(a)",
                "source_url": "https://www.law.cornell.edu/regulations/new-york/22-NYCRR-1500.22",
                "checked_on": datetime.date(2026, 12, 2),
                "lines": [
                    ("ethics", Decimal("4"), "", ""),
                    ("diversity", Decimal("1"), "", ""),
                    ("cyber", Decimal("1"), "", ""),
                ],
                "caps": [],
            },
            {
                "applies_to": "newly_admitted",
                "total_hours": Decimal("32"),
                "summary": (
                    "16 credits in each of the first two years after admission, each year 3 Ethics and "
                    "Professionalism, 6 Skills and 7 Law Practice Management, Areas of Professional Practice and/or "
                    "Cybersecurity-General; at least 1 Cybersecurity credit in the 32. Shown here for the two "
                    "years together."
                ),
                "source_citation": "22 NYCRR 1500.12(a); NY CLE Board, FAQs for Newly Admitted Attorneys",
                "source_url": "https://www.nycourts.gov/attorneys/cle/newattorney_faqs.shtml",
                "checked_on": datetime.date(2026, 12, 2),
                "lines": [
                    ("ethics", Decimal("6"), "", ""),
                    ("skills", Decimal("12"), "", ""),
                    (
                        "lpm",
                        Decimal("14"),
                        "",
                        "Law Practice Management, Areas of Professional Practice or Cybersecurity-General",
                    ),
                    ("app", Decimal("0"), "lpm", "Areas of Professional Practice (counts toward the line above)"),
                    ("cyber", Decimal("1"), "lpm", "Cybersecurity, Privacy and Data Protection"),
                ],
                "caps": [],
            },
        ],
        "provider_number": "NY-AP-2026-0412",
    },
    {
        "code": "CA",
        "name": "California",
        "credit_hour_minutes": 60,
        "credit_increment": Decimal("0.25"),
        "minimum_minutes_for_credit": 0,
        "on_demand_counts_for_newly_admitted": True,
        "attendance_code_interval_minutes": None,
        "requires_affirmation": False,
        "retention_years": 4,
        "reporting_cycle_months": 36,
        # 36-month periods ending January 31 by last-name group (Rules of the State Bar 2.71-2.72). The
        # end years could not be confirmed from the State Bar's own pages here and secondary sources
        # disagree (some report a longer current period ending in March 2026): confirm before relying on it.
        # "A credit hour is reported to the nearest quarter hour in decimals" (Rule 2.51(D)); the State
        # Bar's Evaluate Credit page: "rounded up or down to the nearest quarter-hour".
        "rounding": "nearest",
        "rounding_source": "Rules of the State Bar of California 2.51(D)",
        "period_rule": "surname",
        "period_end_month": 1,
        "period_end_day": 31,
        "period_surname_groups": "A-G 2025\nH-M 2026\nN-Z 2027",
        "period_rule_source": "State Bar of Cal. rules 2.71-2.72 (groups A-G, H-M, N-Z); end years to confirm with the State Bar",
        "cycle_requirements": (
            "25 hours every three years, including legal ethics (with civility), competence issues, elimination "
            "of bias (including implicit bias) and technology. Confirm the current minimums with the State Bar."
        ),
        "pro_bono_minutes_per_credit": None,
        "pro_bono_max_credits_per_cycle": None,
        "pro_bono_category_code": None,
        "pro_bono_qualifying_programs": "",
        "pro_bono_newly_admitted": True,
        "pro_bono_rule_source": "",
        "categories": [
            ("ethics", "Legal Ethics"),
            ("competence", "Competence Issues"),
            ("bias", "Elimination of Bias"),
            ("technology", "Technology in the Practice of Law"),
            ("civility", "Civility"),
            ("general", "General"),
            ("implicit_bias", "Implicit Bias and Bias-Reducing Strategies"),
            ("prevention", "Prevention and Detection (substance use, mental or physical issues)"),
        ],
        # 25 hours and 4 ethics: Bus. & Prof. Code 6070(a); self-study at most 12.5 hours: the State Bar's
        # Types of MCLE Credit page. The specialty minimums from the period ending January 31, 2025
        # (2 competence incl. 1 prevention and detection, 2 bias incl. 1 implicit bias, 1 technology,
        # 1 civility) come from secondary sources only: not confirmed against Rule 2.72 itself.
        "requirements": [
            {
                "applies_to": "experienced",
                "total_hours": Decimal("25"),
                "summary": (
                    "At least half of the hours must be participatory (attendance verified by the provider); "
                    "our on-demand courses verify attendance with codes."
                ),
                "source_citation": "Cal. Rules of Court 9.31; Rules of the State Bar 2.72; Bus. & Prof. Code 6070, 6070.5",
                "source_url": "https://www.calbar.ca.gov/Attorneys/MCLE-CLE/Requirements/Types-of-MCLE-Credit",
                "checked_on": None,
                "lines": [
                    ("ethics", Decimal("4"), "", ""),
                    ("competence", Decimal("2"), "", ""),
                    ("prevention", Decimal("1"), "competence", ""),
                    ("bias", Decimal("2"), "", ""),
                    ("implicit_bias", Decimal("1"), "bias", ""),
                    ("technology", Decimal("1"), "", ""),
                    ("civility", Decimal("1"), "", ""),
                ],
                "caps": [("self_study", None, Decimal("0.5"))],
            },
        ],
        "provider_number": "CA-14052",
    },
    {
        "code": "IL",
        "name": "Illinois",
        "credit_hour_minutes": 60,
        "credit_increment": Decimal("0.25"),
        "minimum_minutes_for_credit": 0,
        "on_demand_counts_for_newly_admitted": True,
        "attendance_code_interval_minutes": None,
        "requires_affirmation": False,
        "retention_years": 4,
        "reporting_cycle_months": 24,
        "period_rule": "surname",
        "period_end_month": 6,
        "period_end_day": 30,
        "period_surname_groups": "A-M 2026\nN-Z 2027",
        "period_rule_source": "Ill. S. Ct. R. 794(a): two-year periods July 1 – June 30; A-M even years, N-Z odd",
        "cycle_requirements": (
            "30 hours every two years, including 6 hours of professional responsibility with at least 1 hour of "
            "diversity and inclusion and 1 hour of mental health and substance abuse. No general pro bono "
            "credit: the 2025 pilot (Rule 795(d)) gives 1 hour per 2 hours of service only through Illinois "
            "Free Legal Answers, at most 5 per period. Confirm with the MCLE Board."
        ),
        # MCLE for Pro Bono Pilot Project, from July 1, 2025: Ill. S. Ct. R. 795(d).
        "pro_bono_minutes_per_credit": 120,
        "pro_bono_max_credits_per_cycle": Decimal("5"),
        "pro_bono_category_code": "general",
        "pro_bono_qualifying_programs": "Illinois Free Legal Answers",
        "pro_bono_newly_admitted": True,
        "pro_bono_rule_source": "Ill. S. Ct. R. 795(d), MCLE for Pro Bono Pilot Project (from July 1, 2025)",
        "categories": [
            ("prof_resp", "Professional Responsibility"),
            ("diversity", "Diversity and Inclusion"),
            ("mental_health", "Mental Health and Substance Abuse"),
            ("general", "General"),
        ],
        # 30 hours, 6 professional responsibility incl. 1 diversity and inclusion and 1 mental health and
        # substance abuse: the Court's announcement of amended Rule 794(d) (illinoiscourts.gov, 2017). The
        # current text of Rule 794 was not read here, so the requirement is not marked as checked.
        "requirements": [
            {
                "applies_to": "experienced",
                "total_hours": Decimal("30"),
                "summary": "The six professional responsibility hours include the diversity and mental health hours.",
                "source_citation": "Ill. S. Ct. R. 794(a), (d)",
                "source_url": (
                    "https://illinoiscourts.gov/news/904/illinois-supreme-court-amends-rule-on-minimum-continuing-"
                    "legal-education-requirement/news-detail"
                ),
                "checked_on": None,
                "lines": [
                    ("prof_resp", Decimal("6"), "", ""),
                    ("diversity", Decimal("1"), "prof_resp", ""),
                    ("mental_health", Decimal("1"), "prof_resp", ""),
                ],
                "caps": [],
            },
        ],
        "provider_number": "IL-PB-2219",
    },
]

ETHICS_CATEGORY = {"NY": "ethics", "CA": "ethics", "IL": "prof_resp"}
GENERAL_CATEGORY = {"CA": "general", "IL": "general"}
APPROVED_FROM = datetime.date(2025, 1, 1)
APPROVED_TO = datetime.date(2027, 12, 31)
PROVIDER = "Pro Bono Academy"
PROVIDER_CONTACT = "cle@probono.example · (312) 555-0142"

# Bar admissions: (person key, jurisdiction, bar number, years since admission).
BAR_ADMISSIONS = [
    ("att_garcia", "IL", "6331204", 6),
    ("att_baptiste", "NY", "5402117", 1),
    ("att_mansour", "NY", "4987310", 9),
    ("att_dubois", "CA", "298877", 4),
    ("att_tzoc", "IL", "6350912", 1),
    ("att_ixcoy", "CA", "310442", 3),
    ("att_souza", "NY", "5518263", 2),
    ("att_ahmadi", "IL", "6288450", 12),
    ("att_volkova", "CA", "287301", 7),
    ("att_liu", "NY", "5120093", 5),
    ("att_okeke", "IL", "6310775", 3),
    ("att_novak", "NY", "4762218", 15),
    ("att_herrera", "CA", "321905", 1),
    ("att_kim", "IL", "6344021", 2),
    ("mentor_chen", "IL", "6123456", 14),
    ("mentor_ruiz", "NY", "4455012", 18),
    ("mentor_haddad", "IL", "6044311", 20),
    ("mentor_pierre", "NY", "4321987", 16),
]

# Learners' histories: (person key, course slug, stage). Stages: "complete", "failed_once"
# (lessons done, one failed final attempt), "halfway" (first lesson done), "started"
# (first lesson opened), "enrolled", and "complete_before_law_change" (completed, on the
# clock, two months before the course's law changed: the attorney sees "update required").
COMPLETE_STAGES = {"complete", "complete_before_law_change"}
HISTORIES = [
    ("att_garcia", "gender-based-asylum", "complete"),
    ("att_garcia", "trauma-informed-interviewing", "complete"),
    ("att_garcia", "u-visa", "halfway"),
    ("att_baptiste", "working-with-interpreters", "complete"),
    ("att_baptiste", "gender-based-asylum", "halfway"),
    ("att_mansour", "vawa-self-petitions", "complete"),
    ("att_mansour", "sijs", "complete"),
    ("att_mansour", "gender-based-asylum", "complete"),
    ("att_dubois", "t-visa", "failed_once"),
    ("att_dubois", "trauma-informed-interviewing", "started"),
    ("att_tzoc", "gender-based-asylum", "enrolled"),
    ("att_ixcoy", "gender-based-asylum", "complete"),
    ("att_ixcoy", "working-with-interpreters", "halfway"),
    ("att_souza", "trauma-informed-interviewing", "halfway"),
    ("att_ahmadi", "u-visa", "complete"),
    ("att_ahmadi", "gender-based-asylum", "complete"),
    ("att_volkova", "sijs", "started"),
    ("att_liu", "gender-based-asylum", "complete"),
    ("att_liu", "t-visa", "halfway"),
    ("att_okeke", "vawa-self-petitions", "halfway"),
    ("att_novak", "gender-based-asylum", "complete_before_law_change"),
    ("att_novak", "vawa-self-petitions", "complete"),
    ("att_herrera", "working-with-interpreters", "enrolled"),
    ("att_kim", "u-visa", "started"),
    ("mentor_chen", "gender-based-asylum", "complete"),
    ("mentor_chen", "vawa-self-petitions", "complete"),
]

FEATURED = ["gender-based-asylum", "u-visa", "trauma-informed-interviewing"]
HEARTBEAT_SECONDS = 45

# How long a demo lesson takes, from what it holds (the demo lessons have no video or audio):
# its text read as one studies, at 100 words a minute (the slow end of reading to learn,
# 100-200 words a minute), and two minutes for each knowledge-check question (read, answer,
# read the explanation). Estimated and minimum engaged minutes are this time, and CLE credit
# is claimed only for it: a course whose content earns no credit in a jurisdiction is not
# accredited there.
READING_WORDS_PER_MINUTE = 100
MINUTES_PER_CHECK_QUESTION = 2


def _words(html: str) -> int:
    return len(strip_tags(html).split())


def lesson_minutes(lesson_spec: dict) -> int:
    words = questions = 0
    for kind, value in lesson_spec["blocks"]:
        if kind == "text":
            words += _words(value)
        elif kind == "callout":
            words += _words(value[1]) + _words(value[2])
        elif kind == "check":
            questions += len(value)
    return max(1, math.ceil(words / READING_WORDS_PER_MINUTE + MINUTES_PER_CHECK_QUESTION * questions))


def course_minutes(spec: dict) -> int:
    return sum(lesson_minutes(lesson_spec) for lesson_spec in spec["lessons"])


def ethics_minutes(spec: dict) -> int:
    """Minutes of the lessons on professional responsibility (the whole lesson counts)."""
    return sum(lesson_minutes(lesson_spec) for lesson_spec in spec["lessons"] if lesson_spec.get("ethics"))


def seed(*, people, stdout) -> None:
    with transaction.atomic():
        jurisdictions = _jurisdictions()
        index = _catalog()
        courses = {
            spec["slug"]: _course(index=index, spec=spec, number=n, jurisdictions=jurisdictions)
            for n, spec in enumerate(COURSES + COURSES_ES, start=1)
        }
        _featured(courses)
        _bar_admissions(people=people, jurisdictions=jurisdictions)
    created = 0
    for key, slug, stage in HISTORIES:
        if key not in people:
            continue
        if stage == "complete_before_law_change":
            created += _history_before_law_change(user=people[key], course=courses[slug])
        elif _history(user=people[key], course=courses[slug], stage=stage):
            created += 1
    _live_sessions(people=people, course=courses[LIVE_COURSE], jurisdictions=jurisdictions)
    _faculty_questions(people=people, course=courses["gender-based-asylum"])
    stdout.write(
        f"Courses: {len(jurisdictions)} jurisdictions, {len(courses)} courses, "
        f"{Enrollment.objects.count()} enrolments ({created} new), "
        f"{CourseSession.objects.count()} live sessions, {FacultyQuestion.objects.count()} questions to the faculty"
    )


def _jurisdictions() -> dict[str, Jurisdiction]:
    result = {}
    for spec in JURISDICTIONS:
        fields = {
            key: value
            for key, value in spec.items()
            if key not in {"code", "categories", "provider_number", "pro_bono_category_code", "requirements"}
        }
        jurisdiction, created = Jurisdiction.objects.get_or_create(code=spec["code"], defaults=fields)
        for order, (code, name, *formats) in enumerate(spec["categories"]):
            CreditCategory.objects.get_or_create(
                jurisdiction=jurisdiction,
                code=code,
                defaults={"name": name, "sort_order": order, "newly_admitted_formats": formats[0] if formats else ""},
            )
        _requirements(jurisdiction=jurisdiction, specs=spec.get("requirements", []))
        if created and spec["pro_bono_category_code"]:
            jurisdiction.pro_bono_category = jurisdiction.categories.get(code=spec["pro_bono_category_code"])
            jurisdiction.save(update_fields=["pro_bono_category"])
        result[spec["code"]] = jurisdiction
    return result


def _requirements(*, jurisdiction: Jurisdiction, specs: list[dict]) -> None:
    categories = {category.code: category for category in jurisdiction.categories.all()}
    for spec in specs:
        if CleRequirement.objects.filter(jurisdiction=jurisdiction, applies_to=spec["applies_to"]).exists():
            continue
        requirement = CleRequirement(
            jurisdiction=jurisdiction,
            **{key: value for key, value in spec.items() if key not in {"lines", "caps"}},
        )
        for order, (code, minimum, parent, label) in enumerate(spec["lines"]):
            requirement.lines.add(
                RequirementLine(
                    sort_order=order,
                    category=categories[code],
                    minimum_hours=minimum,
                    parent_category=categories[parent] if parent else None,
                    label=label,
                )
            )
        for order, (fmt, max_hours, max_fraction) in enumerate(spec["caps"]):
            requirement.caps.add(
                RequirementCap(sort_order=order, format=fmt, max_hours=max_hours, max_fraction=max_fraction)
            )
        requirement.save()


def _catalog() -> CourseIndexPage:
    index = CourseIndexPage.objects.filter(slug="courses").first()
    if index:
        return index
    home = HomePage.objects.get(depth=2)
    index = CourseIndexPage(
        title="Courses",
        slug="courses",
        intro=(
            "<p>Free, practitioner-written training for volunteer attorneys representing survivors of "
            "gender-based violence. Courses carry CLE credit in Illinois, New York and California where their "
            "length earns it; each course lists its credit.</p>"
        ),
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


CHECK_HEADING = "Check your understanding"


def _blocks(blocks: list, *, check_heading: str = CHECK_HEADING) -> list[dict]:
    body = []
    for kind, value in blocks:
        if kind == "text":
            body.append({"type": "text", "value": value, "id": str(uuid.uuid4())})
        elif kind == "callout":
            callout_kind, heading, text = value
            body.append(
                {
                    "type": "callout",
                    "value": {"kind": callout_kind, "heading": heading, "text": text},
                    "id": str(uuid.uuid4()),
                }
            )
        elif kind == "check":
            body.append(
                {
                    "type": "knowledge_check",
                    "value": {"heading": check_heading, "questions": [_question(q) for q in value]},
                    "id": str(uuid.uuid4()),
                }
            )
    return body


def _question(question) -> dict:
    prompt, choices, correct, explanation = question
    return {
        "prompt": prompt,
        "allow_multiple": len(correct) > 1,
        "choices": [{"text": text, "correct": index in correct} for index, text in enumerate(choices)],
        "explanation": explanation,
    }


def _course(*, index, spec, number, jurisdictions) -> CoursePage:
    existing = CoursePage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if existing:
        return existing.specific
    course = CoursePage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        learning_objectives="<ul>" + "".join(f"<li>{item}</li>" for item in spec["objectives"]) + "</ul>",
        relief_types=spec["relief_types"],
        language=spec.get("language", "en"),
        translation_of=(
            CoursePage.objects.child_of(index).filter(slug=spec["translation_of"]).first()
            if spec.get("translation_of")
            else None
        ),
        estimated_minutes=course_minutes(spec),
        require_all_lessons=True,
        minimum_engaged_minutes=course_minutes(spec),
        require_attendance_codes=True,
        require_affirmation=True,
        **({"affirmation_text": spec["affirmation_text"]} if "affirmation_text" in spec else {}),
        final_assessment=[{"type": "question", "value": _question(q), "id": str(uuid.uuid4())} for q in spec["final"]],
        pass_mark_percent=70,
        max_attempts=3,
        law_changed_on=spec.get("law_changed_on"),
        law_change_summary=spec.get("law_change_summary", ""),
    )
    for order, (name, title, bio) in enumerate(spec["faculty"]):
        course.faculty.add(CourseFaculty(name=name, title=title, bio=bio, sort_order=order))
    for order, jurisdiction_spec in enumerate(JURISDICTIONS):
        jurisdiction = jurisdictions[jurisdiction_spec["code"]]
        credit_hours = _credit_hours(jurisdiction=jurisdiction, spec=spec)
        if not credit_hours:
            continue
        course.accreditations.add(
            CourseAccreditation(
                sort_order=order,
                jurisdiction=jurisdiction,
                provider_name=PROVIDER,
                provider_number=jurisdiction_spec["provider_number"],
                provider_contact=PROVIDER_CONTACT,
                course_number=f"PBA-{jurisdiction.code}-{number:03d}",
                approved_from=APPROVED_FROM,
                approved_to=APPROVED_TO,
                format=CourseAccreditation.Format.ON_DEMAND,
                # New York decides per category and format (CreditCategory.newly_admitted_formats).
                counts_for_newly_admitted=jurisdiction.code == "NY" or jurisdiction.on_demand_counts_for_newly_admitted,
                verification_method=(
                    "Attendance codes at staff-set and random points (at least one per 50 minutes), "
                    "server-recorded engaged time, a final assessment and a signed affirmation of attendance."
                ),
                credit_hours=credit_hours,
            )
        )
    index.add_child(instance=course)
    course.save_revision().publish()
    for lesson_spec in spec["lessons"]:
        lesson = LessonPage(
            title=lesson_spec["title"],
            slug=lesson_spec["slug"],
            estimated_minutes=lesson_minutes(lesson_spec),
            law_as_of=lesson_spec.get("law_as_of", spec["law_as_of"]),
            law_reviewed_by=lesson_spec.get("law_reviewed_by", spec["law_reviewed_by"]),
            body=_blocks(lesson_spec["blocks"], check_heading=spec.get("check_heading", CHECK_HEADING)),
        )
        for order, offset in enumerate(lesson_spec["codes"]):
            if offset is not None and offset >= lesson.estimated_minutes:
                raise ValueError(f"{lesson_spec['slug']}: a code at {offset} minutes is past the lesson's end")
            lesson.attendance_codes.add(
                AttendanceCheckpoint(code=_code(spec["slug"], lesson_spec["slug"], order), offset_minutes=offset)
            )
        course.add_child(instance=lesson)
        lesson.save_revision().publish()
    required_codes = math.ceil(course_minutes(spec) / 50)
    codes = sum(len(lesson_spec["codes"]) for lesson_spec in spec["lessons"])
    if codes < required_codes:
        raise ValueError(f"{spec['slug']}: New York needs {required_codes} attendance codes, the demo has {codes}")
    return course


def _code(course_slug: str, lesson_slug: str, order: int) -> str:
    words = ["HERON", "CEDAR", "LANTERN", "RIVER", "ORCHID", "SUMMIT", "MARBLE", "HARBOR", "WILLOW", "FALCON"]
    seed = sum(ord(char) for char in course_slug + lesson_slug) + order
    return f"{words[seed % len(words)]}{seed % 90 + 10}"


def _credit_hours(*, jurisdiction: Jurisdiction, spec: dict, minutes: int | None = None) -> list[dict]:
    """Credit per category for `minutes` of instruction (the on-demand course's own minutes by default)."""
    categories = {category.code: category for category in jurisdiction.categories.all()}
    total = jurisdiction.credits_for_minutes(course_minutes(spec) if minutes is None else minutes)
    ethics = jurisdiction.credits_for_minutes(ethics_minutes(spec)) if ethics_minutes(spec) else Decimal("0")
    rest_code = spec["ny_category"] if jurisdiction.code == "NY" else GENERAL_CATEGORY[jurisdiction.code]
    lines = []
    if ethics:
        lines.append((categories[ETHICS_CATEGORY[jurisdiction.code]], ethics))
    if total - ethics > 0:
        lines.append((categories[rest_code], total - ethics))
    return [
        {"type": "credit", "value": {"category": str(category.pk), "hours": str(hours)}, "id": str(uuid.uuid4())}
        for category, hours in lines
    ]


def _featured(courses: dict[str, CoursePage]) -> None:
    home = HomePage.objects.get(depth=2)
    if home.featured_courses.exists():
        return
    for order, slug in enumerate(FEATURED):
        home.featured_courses.add(HomePageFeaturedCourse(course=courses[slug], sort_order=order))
    home.save_revision().publish()


def _bar_admissions(*, people, jurisdictions) -> None:
    today = timezone.localdate()
    for key, code, number, years in BAR_ADMISSIONS:
        if key not in people:
            continue
        BarAdmission.objects.get_or_create(
            user=people[key],
            jurisdiction=jurisdictions[code],
            defaults={
                "bar_number": number,
                "status": BarAdmission.Status.ACTIVE,
                "admitted_on": today.replace(year=today.year - years, month=6, day=15)
                if years
                else today - timedelta(days=120),
            },
        )


# --- Learner histories ---------------------------------------------------------------------


def _answers(questions, *, right: bool) -> QueryDict:
    data = QueryDict(mutable=True)
    for index, block in enumerate(questions):
        correct = [i for i, choice in enumerate(block["choices"]) if choice["correct"]]
        if right:
            data.setlist(f"q{index}", [str(i) for i in correct])
        else:
            wrong = [i for i in range(len(block["choices"])) if i not in correct][:1]
            data.setlist(f"q{index}", [str(i) for i in wrong])
    return data


def _study(*, enrollment: Enrollment, lesson: LessonPage, clock: datetime.datetime) -> datetime.datetime:
    """Work through a lesson for its estimated minutes: heartbeats on a simulated clock, codes as they appear."""
    services.lesson_visit(enrollment=enrollment, lesson=lesson)
    beats = lesson.estimated_minutes * 60 // HEARTBEAT_SECONDS + 1
    for _ in range(beats + 1):
        result = services.lesson_heartbeat(enrollment=enrollment, lesson=lesson, now=clock)
        for entry in result.revealed:
            services.attendance_code_enter(enrollment=enrollment, entry_id=entry.pk, value=entry.expected_code)
        clock += timedelta(seconds=HEARTBEAT_SECONDS)
    for block in lesson.body:
        if block.block_type == "knowledge_check":
            questions = list(block.value["questions"])
            token = services.quiz_token_issue(
                enrollment=enrollment, kind=QuizAttempt.Kind.KNOWLEDGE_CHECK, lesson=lesson, block_id=block.id
            )
            services.quiz_attempt_submit(enrollment=enrollment, token=token, data=_answers(questions, right=True))
    services.lesson_complete(enrollment=enrollment, lesson=lesson)
    return clock + timedelta(minutes=3)


def _history_before_law_change(*, user, course: CoursePage) -> bool:
    """A completion as it happened before the law changed, certificates and all, so every date
    the attorney and an auditor see agrees. Runs the real services on a travelled clock."""
    try:
        import time_machine  # installed with the project's dev tools, which `make demo` uses
    except ImportError:  # a production install seeding a demo: complete it today instead
        return _history(user=user, course=course, stage="complete")
    if Enrollment.objects.filter(user=user, course=course).exists():
        return False
    then = timezone.make_aware(
        datetime.datetime.combine(course.law_changed_on - timedelta(days=60), datetime.time(15, 0))
    )
    with time_machine.travel(then, tick=True):
        return _history(user=user, course=course, stage="complete")


def _history(*, user, course: CoursePage, stage: str) -> bool:
    if Enrollment.objects.filter(user=user, course=course).exists():
        return False
    enrollment = services.enrollment_create(user=user, course=course)
    lessons = list(course.lessons())
    started = timezone.now() - timedelta(days=40 + (user.pk * 7 + course.pk) % 60)
    Enrollment.objects.filter(pk=enrollment.pk).update(enrolled_at=started)
    clock = started + timedelta(hours=1)
    if stage == "enrolled":
        return True
    if stage == "started":
        services.lesson_visit(enrollment=enrollment, lesson=lessons[0])
        return True
    to_study = lessons[:1] if stage == "halfway" else lessons
    for lesson in to_study:
        clock = _study(enrollment=enrollment, lesson=lesson, clock=clock)
    if stage == "halfway":
        return True
    questions = [block.value for block in course.final_assessment]
    if stage == "failed_once":
        token = services.quiz_token_issue(enrollment=enrollment, kind=QuizAttempt.Kind.FINAL)
        services.quiz_attempt_submit(enrollment=enrollment, token=token, data=_answers(questions, right=False))
        return True
    token = services.quiz_token_issue(enrollment=enrollment, kind=QuizAttempt.Kind.FINAL)
    services.quiz_attempt_submit(enrollment=enrollment, token=token, data=_answers(questions, right=True))
    enrollment.refresh_from_db()
    services.affirmation_sign(enrollment=enrollment)
    enrollment.refresh_from_db()
    if enrollment.completed_at is None:
        unmet = AttendanceCodeEntry.objects.filter(enrollment=enrollment, correct=False).count()
        raise RuntimeError(f"Demo enrolment {enrollment.pk} did not complete ({unmet} codes outstanding)")
    return True


# --- Live sessions and questions to the faculty ------------------------------------------------

LIVE_COURSE = "working-with-interpreters"
LIVE_JURISDICTIONS = ["NY", "IL"]
# Both demo sessions run 90 minutes: their accreditations are for that length, not the on-demand course's.
LIVE_SESSION_MINUTES = 90


def _live_sessions(*, people, course: CoursePage, jurisdictions: dict[str, Jurisdiction]) -> None:
    """An upcoming webinar (Lucía García registered) and a past in-person session Samir Mansour attended.

    Added through a published revision, as an editor would, so a later publish keeps them.
    """
    if course.sessions.exists():
        return
    spec = next(item for item in COURSES if item["slug"] == LIVE_COURSE)
    today = timezone.localdate()
    draft = course.get_latest_revision_as_object()
    order = draft.accreditations.count()
    for code in LIVE_JURISDICTIONS:
        jurisdiction = jurisdictions[code]
        provider_number = next(item["provider_number"] for item in JURISDICTIONS if item["code"] == code)
        for fmt, suffix in ((CourseAccreditation.Format.LIVE, "L"), (CourseAccreditation.Format.WEBCAST, "W")):
            order += 1
            draft.accreditations.add(
                CourseAccreditation(
                    sort_order=order,
                    jurisdiction=jurisdiction,
                    provider_name=PROVIDER,
                    provider_number=provider_number,
                    provider_contact=PROVIDER_CONTACT,
                    course_number=f"PBA-{code}-{suffix}05",
                    approved_from=APPROVED_FROM,
                    approved_to=APPROVED_TO,
                    format=fmt,
                    counts_for_newly_admitted=True,
                    verification_method="Sign-in and sign-out recorded by the server; a code read out by the faculty.",
                    credit_hours=_credit_hours(jurisdiction=jurisdiction, spec=spec, minutes=LIVE_SESSION_MINUTES),
                )
            )
    draft.sessions.add(
        CourseSession(
            sort_order=0,
            format=CourseSession.Format.IN_PERSON,
            date=today - timedelta(days=20),
            start_time=datetime.time(9, 0),
            end_time=datetime.time(10, 30),
            time_zone="America/New_York",
            location="Pro Bono Academy training room, 12th floor\n40 Rector Street, New York, NY 10006",
            capacity=30,
            attendance_code="HARBOR58",
        )
    )
    draft.sessions.add(
        CourseSession(
            sort_order=1,
            format=CourseSession.Format.WEBINAR,
            date=today + timedelta(days=10),
            start_time=datetime.time(12, 0),
            end_time=datetime.time(13, 30),
            time_zone="America/Chicago",
            join_url="https://meet.probono.example/interpreters-live",
            capacity=40,
            attendance_code="CEDAR31",
        )
    )
    draft.save_revision().publish()
    past = CourseSession.objects.get(course=course, format=CourseSession.Format.IN_PERSON)
    upcoming = CourseSession.objects.get(course=course, format=CourseSession.Format.WEBINAR)
    if "att_mansour" in people:
        attendee = people["att_mansour"]
        start = past.starts_at
        registration = sessions.session_register(user=attendee, session=past, now=start - timedelta(days=6))
        sessions.session_sign_in(registration=registration, now=start + timedelta(minutes=2))
        sessions.session_code_enter(registration=registration, value="harbor58", now=start + timedelta(minutes=41))
        sessions.session_sign_out(registration=registration, now=past.ends_at)
    for key in ("att_garcia", "att_novak"):
        if key in people:
            sessions.session_register(user=people[key], session=upcoming)


def _faculty_questions(*, people, course: CoursePage) -> None:
    if "att_garcia" not in people or FacultyQuestion.objects.exists():
        return
    enrollment = Enrollment.objects.filter(user=people["att_garcia"], course=course).first()
    lessons = list(course.lessons())
    if enrollment is None or not lessons:
        return
    answered = questions.faculty_question_ask(
        enrollment=enrollment,
        lesson=lessons[0],
        text="Does a proposed particular social group still need to show social distinction in the Seventh Circuit?",
    )
    answered.answer = (
        "Yes. The Board's three-part test (immutability, particularity, social distinction) applies; the "
        "lesson's second section lists the circuit cases to cite. Frame the group from the record, not from the harm."
    )
    answered.save(update_fields=["answer"])
    questions.faculty_question_answered(question=answered, by=people.get("mentor_chen") or people["att_garcia"])
    questions.faculty_question_ask(
        enrollment=enrollment,
        lesson=lessons[-1],
        text="Where should the declaration address a one-year filing deadline exception?",
    )
