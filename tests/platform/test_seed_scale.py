"""`manage.py seed_scale`: benchmark data of the sizes asked, valid, once, encrypted, development only."""

import datetime
import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings

from accounts.roles import ROLE_GROUP_NAMES, Role
from courses.certificates import sources
from courses.certificates.codes import code_normalise
from courses.certificates.models import TEMPLATE_VERSION, Certificate
from courses.certificates.services import signature_facts_current, verify_url_for
from courses.certificates.snapshot import snapshot_build
from courses.models import BarAdmission, CoursePage, Enrollment, LessonPage, LessonProgress
from home.scale import ScaleSizes
from mentorship.fields import decrypt_text
from mentorship.models import (
    AttorneyProfile,
    Case,
    CaseStatus,
    CheckIn,
    MentorProfile,
    Mentorship,
    MentorshipStatus,
    Placement,
)

pytestmark = pytest.mark.django_db

SIZES = {
    "attorneys": 30,
    "mentors": 4,
    "courses": 3,
    "lessons": 12,
    "completions": 150,
    "certificates": 40,
    "cases": 12,
    "open_cases": 4,
    "checkins": 50,
}


def seed_scale(*args: str, **options) -> str:
    out = io.StringIO()
    with override_settings(DEBUG=True):
        call_command("seed_scale", *args, stdout=out, **options)
    return out.getvalue()


def scale_counts() -> dict[str, int]:
    courses = CoursePage.objects.live().filter(slug__startswith="scale-course-")
    cases = Case.objects.filter(reference__startswith="SCALE-")
    return {
        "attorneys": AttorneyProfile.objects.filter(
            user__email__startswith="scale-attorney-", user__groups__name=ROLE_GROUP_NAMES[Role.VOLUNTEER]
        ).count(),
        "mentors": MentorProfile.objects.filter(
            user__email__startswith="scale-mentor-", user__groups__name=ROLE_GROUP_NAMES[Role.MENTOR]
        ).count(),
        "courses": courses.count(),
        "lessons": sum(LessonPage.objects.child_of(course).live().count() for course in courses),
        "completions": LessonProgress.objects.filter(
            enrollment__course__in=courses, completed_at__isnull=False
        ).count(),
        "certificates": Certificate.objects.filter(course__in=courses).count(),
        "cases": cases.count(),
        "open_cases": cases.filter(status=CaseStatus.SEEKING).count(),
        "checkins": CheckIn.objects.filter(mentorship__case__in=cases).count(),
    }


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def raw_column(model, column: str, pk: int) -> str:
    table, quoted = connection.ops.quote_name(model._meta.db_table), connection.ops.quote_name(column)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {quoted} FROM {table} WHERE id = %s", [pk])  # noqa: S608 - names from the model
        return cursor.fetchone()[0]


@pytest.fixture
def scale_seeded(db) -> str:
    return seed_scale(**SIZES)


def test_seed_scale_builds_exactly_the_counts_asked(scale_seeded):
    assert scale_counts() == SIZES
    placed, closed = ScaleSizes(**SIZES).placed_cases, ScaleSizes(**SIZES).closed_cases
    assert Placement.objects.filter(case__status=CaseStatus.PLACED, closed_at__isnull=True).count() == placed
    assert Placement.objects.filter(case__status=CaseStatus.CLOSED, closed_at__isnull=False).count() == closed
    assert (
        Mentorship.objects.filter(status=MentorshipStatus.ACTIVE, placement__closed_at__isnull=True).count() == placed
    )
    assert "course pages" in scale_seeded and "ms a page" in scale_seeded


def test_scale_factor_multiplies_the_default_counts():
    seed_scale("--scale", "0.001")
    expected = ScaleSizes.scaled(0.001)
    assert scale_counts() == {name: getattr(expected, name) for name in SIZES}
    assert expected.attorneys == 10 and expected.completions == 100 and expected.checkins == 30


def test_every_completed_enrollment_has_a_certificate_per_active_bar_admission(scale_seeded):
    """What the issuing service would issue: nothing is missing and nothing is extra."""
    completed = Enrollment.objects.filter(course__slug__startswith="scale-course-", completed_at__isnull=False)
    assert completed.exists()
    for enrollment in completed:
        admitted = BarAdmission.objects.filter(user=enrollment.user_id, status=BarAdmission.Status.ACTIVE)
        assert set(enrollment.certificates.values_list("jurisdiction_id", flat=True)) == set(
            admitted.values_list("jurisdiction_id", flat=True)
        )


def test_scale_certificate_states_what_the_issuing_service_would(scale_seeded):
    certificate = Certificate.objects.filter(course__slug__startswith="scale-course-").order_by("pk").first()
    accreditation = next(
        facts
        for facts in sources.accreditations_for(course_id=certificate.course_id, formats=("on_demand",))
        if facts.jurisdiction_id == certificate.jurisdiction_id
    )
    expected = snapshot_build(
        facts=sources.enrollment_facts(enrollment_id=certificate.enrollment_id),
        accreditation=accreditation,
        admission=sources.active_admission(user_id=certificate.user_id, jurisdiction_id=certificate.jurisdiction_id),
        signature=signature_facts_current(),
        code=certificate.code,
        version=1,
        issued_on=certificate.completed_on,
        verify_url=verify_url_for(certificate.code),
        template_version=TEMPLATE_VERSION,
    )
    assert certificate.snapshot == expected
    assert code_normalise(certificate.display_code) == certificate.code
    completed_at = certificate.enrollment.completed_at
    assert completed_at < certificate.issued_at < completed_at + datetime.timedelta(minutes=5)
    assert certificate.emailed_at is not None


def test_encrypted_notes_are_stored_as_ciphertext(scale_seeded):
    checkin = CheckIn.objects.filter(mentorship__case__reference__startswith="SCALE-").exclude(notes="").first()
    stored = raw_column(CheckIn, "notes", checkin.pk)
    assert stored != checkin.notes and stored.startswith("gAAAAA")
    assert decrypt_text(stored) == checkin.notes
    case = Case.objects.filter(reference__startswith="SCALE-").first()
    for column in ("confidential_notes", "adverse_parties"):
        stored = raw_column(Case, column, case.pk)
        assert stored.startswith("gAAAAA") and decrypt_text(stored) == getattr(case, column)


def test_second_run_refuses_and_adds_no_row(scale_seeded):
    before = row_counts()
    with pytest.raises(CommandError, match="already in this database"):
        seed_scale(**SIZES)
    assert row_counts() == before


def test_sizes_that_cannot_be_built_refuse_before_writing_anything():
    before = row_counts()
    with pytest.raises(CommandError, match="too few for 500 certificates"):
        seed_scale(**{**SIZES, "certificates": 500})
    assert row_counts() == before


def test_seed_scale_refuses_to_run_with_debug_off():
    out = io.StringIO()
    with pytest.raises(CommandError, match="seed_scale runs only with DEBUG on"):
        call_command("seed_scale", "--scale", "0.001", stdout=out)
    assert not Case.objects.exists()
    assert out.getvalue() == ""
