"""Builders for certificate tests, benchmarks and the demo: a jurisdiction with its CLE rules,
an accredited course and completed enrollments (plain functions over the course models)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

__all__ = [
    "CleWorld",
    "cle_world_make",
    "bar_admission_make",
    "completed_enrollment_make",
    "cle_jurisdiction_make",
]

_sequence = itertools.count(1)


@dataclass
class CleWorld:
    ny: object
    ca: object
    course: object
    ny_skills: object
    ny_ethics: object
    ca_general: object


def cle_jurisdiction_make(*, code: str, name: str, minutes: int, increment: str, minimum: int = 0, **extra):
    from courses.models import Jurisdiction

    jurisdiction, _ = Jurisdiction.objects.get_or_create(
        code=code,
        defaults={
            "name": name,
            "credit_hour_minutes": minutes,
            "credit_increment": Decimal(increment),
            "minimum_minutes_for_credit": minimum,
            **extra,
        },
    )
    return jurisdiction


def _category(jurisdiction, code: str, name: str, order: int):
    from courses.models import CreditCategory

    category, _ = CreditCategory.objects.get_or_create(
        jurisdiction=jurisdiction, code=code, defaults={"name": name, "sort_order": order}
    )
    return category


def _course_index():
    # The courses factory rebuilds the page tree when a transactional test flushed it.
    from .courses import catalog_page

    return catalog_page()


def cle_world_make(*, title: str | None = None, ny_hours=("2.0", "1.0"), ca_hours="3.0") -> CleWorld:
    """New York (50-minute credit, halves, 25-minute minimum) and California (60, quarters) and a course
    accredited in both: NY 2 Skills + 1 Ethics, CA 3 general."""
    from courses.models import CourseAccreditation, CoursePage

    ny = cle_jurisdiction_make(
        code="NY", name="New York", minutes=50, increment="0.5", minimum=25, reporting_cycle_months=24
    )
    ca = cle_jurisdiction_make(code="CA", name="California", minutes=60, increment="0.25", reporting_cycle_months=36)
    ny_skills = _category(ny, "skills", "Skills", 1)
    ny_ethics = _category(ny, "ethics", "Ethics and Professionalism", 0)
    ca_general = _category(ca, "general", "General", 5)
    number = next(_sequence)
    course = _course_index().add_child(
        instance=CoursePage(
            title=title or f"U Visas for Survivors {number}",
            slug=f"u-visas-{number}-{timezone.now().timestamp():.0f}",
            summary="Certification, waivers and filing.",
            estimated_minutes=150,
        )
    )
    CourseAccreditation.objects.create(
        course=course,
        jurisdiction=ny,
        provider_name="Pro Bono Academy",
        provider_number="NY-PB-0421",
        provider_contact="cle@probono.example",
        course_number=f"PBA-NY-{number:03d}",
        format=CourseAccreditation.Format.ON_DEMAND,
        verification_method="Attendance codes and signed affirmation",
        credit_hours=[
            ("credit", {"category": str(ny_skills.pk), "hours": Decimal(ny_hours[0])}),
            ("credit", {"category": str(ny_ethics.pk), "hours": Decimal(ny_hours[1])}),
        ],
        sort_order=0,
    )
    CourseAccreditation.objects.create(
        course=course,
        jurisdiction=ca,
        provider_name="Pro Bono Academy",
        provider_number="CA-1234",
        provider_contact="cle@probono.example",
        course_number=f"PBA-CA-{number:03d}",
        format=CourseAccreditation.Format.ON_DEMAND,
        credit_hours=[("credit", {"category": str(ca_general.pk), "hours": Decimal(ca_hours)})],
        sort_order=1,
    )
    return CleWorld(ny=ny, ca=ca, course=course, ny_skills=ny_skills, ny_ethics=ny_ethics, ca_general=ca_general)


def bar_admission_make(*, user, jurisdiction, bar_number: str | None = None, admitted_on: date | None = None):
    from courses.models import BarAdmission

    admission, _ = BarAdmission.objects.get_or_create(
        user=user,
        jurisdiction=jurisdiction,
        defaults={
            "bar_number": bar_number or f"{next(_sequence):07d}",
            "admitted_on": admitted_on or date(2018, 1, 15),
        },
    )
    return admission


def completed_enrollment_make(*, user, course, engaged_minutes: int = 160, completed_at=None, codes: int = 2):
    """An enrollment with lesson time, correct attendance codes and a signed affirmation, completed."""
    from courses.models import AttendanceCodeEntry, Enrollment, LessonPage, LessonProgress

    completed_at = completed_at or timezone.now()
    lesson = LessonPage.objects.child_of(course).first()
    if lesson is None:
        lesson = course.add_child(instance=LessonPage(title="Lesson 1", slug="lesson-1"))
    enrollment, _ = Enrollment.objects.get_or_create(
        user=user, course=course, defaults={"enrolled_at": completed_at - timedelta(days=3)}
    )
    LessonProgress.objects.update_or_create(
        enrollment=enrollment,
        lesson=lesson,
        defaults={
            "engaged_seconds": engaged_minutes * 60,
            "completed_at": completed_at,
            "started_at": completed_at - timedelta(days=2),
        },
    )
    for index in range(codes):
        AttendanceCodeEntry.objects.get_or_create(
            enrollment=enrollment,
            lesson=lesson,
            prompt=f"Attendance code {index + 1}",
            defaults={
                "expected_code": f"CODE{index}",
                "entered_value": f"CODE{index}",
                "reveal_after_seconds": 600 * (index + 1),
                "correct": True,
                "entered_at": completed_at - timedelta(minutes=30 - index),
            },
        )
    enrollment.completed_at = completed_at
    enrollment.affirmation_signed_at = completed_at
    enrollment.affirmation_text = "I affirm that I personally completed this course."
    enrollment.save(update_fields=["completed_at", "affirmation_signed_at", "affirmation_text"])
    return enrollment
