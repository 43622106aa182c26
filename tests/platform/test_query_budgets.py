"""Each page of the load test runs the same number of queries whatever the size of the data.

Every page is measured in a small world, then again after the world has grown (more courses,
certificates, cases, placements, offers, mentees, check-ins, attorneys): a count that grows
with the data is a query per row (N+1), which is what makes a page slow at program scale.
"""

from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.certificates.services import certificates_issue_for_enrollment
from courses.models import AttendanceCheckpoint, AttendanceCodeEntry, LessonPage, LessonProgress
from mentorship.models import CaseStatus
from tests.factories import (
    CaseDateFactory,
    CaseFactory,
    CaseOfferFactory,
    CheckInFactory,
    CoursePageFactory,
    EnrollmentFactory,
    HoursEntryFactory,
    LessonPageFactory,
    MentorProfileFactory,
    MentorshipFactory,
    PlacementFactory,
    StaffFactory,
    attorney_with_profile,
    bar_admission_make,
    cle_world_make,
    completed_enrollment_make,
    question_data,
    totp_enrol,
)

pytestmark = pytest.mark.django_db

GROWTH = 3  # units of data added between the two measurements


class World:
    def __init__(self):
        self.attorney = attorney_with_profile(capacity=20)
        self.mentor = MentorProfileFactory(max_mentees=20).user
        self.staff = StaffFactory()
        totp_enrol(self.mentor)
        totp_enrol(self.staff)
        self.cases = []
        self.courses = []
        self.certificate_codes = []
        self.mentorships = []
        self.placements = []
        self.under_way = []
        self.grow()

    def grow(self):
        """One more of everything each role's pages list."""
        world = cle_world_make()
        self.courses.append(world.course)
        world.course.add_child(instance=LessonPage(title="Lesson", slug="lesson"))
        if not self.attorney.bar_admissions.filter(jurisdiction=world.ny).exists():
            bar_admission_make(user=self.attorney, jurisdiction=world.ny, bar_number="5512345")
        enrollment = completed_enrollment_make(user=self.attorney, course=world.course)
        with mock.patch("courses.certificates.services.certificate_pdf_render", return_value=b"%PDF-1.7 test"):
            certificates = certificates_issue_for_enrollment(enrollment_id=enrollment.pk)
        self.certificate_codes += [c.display_code for c in certificates]

        # A course under way, with every completion rule: lessons, time, codes, assessment, affirmation.
        under_way = CoursePageFactory(
            minimum_engaged_minutes=30,
            require_attendance_codes=True,
            require_affirmation=True,
            final_assessment=[
                {"type": "question", "value": question_data("Who bears the burden?", ["Her", "No one"], {0})}
            ],
        )
        lessons = [LessonPageFactory(parent=under_way) for _ in range(2)]
        checkpoint = AttendanceCheckpoint.objects.create(lesson=lessons[0], code="CODE1", offset_minutes=0)
        started = EnrollmentFactory(user=self.attorney, course=under_way, last_lesson_id=lessons[1].pk)
        LessonProgress.objects.create(
            enrollment=started, lesson=lessons[0], engaged_seconds=600, completed_at=timezone.now()
        )
        AttendanceCodeEntry.objects.create(
            enrollment=started,
            lesson=lessons[0],
            checkpoint=checkpoint,
            prompt="Code",
            expected_code="CODE1",
            entered_value="CODE1",
            reveal_after_seconds=0,
            correct=True,
        )

        placement = PlacementFactory(attorney=self.attorney, case__status=CaseStatus.PLACED)
        CaseDateFactory(case=placement.case)
        HoursEntryFactory(case=placement.case, attorney=self.attorney)
        mentorship = MentorshipFactory(placement=placement, mentor=self.mentor)
        CheckInFactory(mentorship=mentorship)
        CaseOfferFactory(attorney=self.attorney)

        other = attorney_with_profile()
        mentee_placement = PlacementFactory(attorney=other, case__status=CaseStatus.PLACED)
        CheckInFactory(mentorship=MentorshipFactory(placement=mentee_placement, mentor=self.mentor))
        seeking = CaseFactory(status=CaseStatus.SEEKING)
        CaseDateFactory(case=seeking)
        self.cases += [placement.case, seeking]
        self.mentorships.append(mentorship)
        self.placements.append(placement)
        self.under_way.append(under_way)


def pages(world: World) -> list[tuple[str, str, object]]:
    """(name, url, user) for each page of the load test; user None is an anonymous visitor."""
    course = world.courses[0]
    case = world.cases[0]
    return [
        ("home", "/", None),
        ("catalog", "/courses/", None),
        ("course page", course.url, None),
        ("verification", reverse("certificates:verify", args=[world.certificate_codes[0]]), None),
        ("attorney dashboard", reverse("dashboard"), world.attorney),
        ("my learning", reverse("courses:my_learning"), world.attorney),
        ("my cases", reverse("mentorship:my_cases"), world.attorney),
        ("open cases", reverse("mentorship:open_cases"), world.attorney),
        ("my offers", reverse("mentorship:my_offers"), world.attorney),
        ("my hours", reverse("mentorship:my_hours"), world.attorney),
        ("certificates", reverse("certificates:mine"), world.attorney),
        ("transcript", reverse("certificates:transcript"), world.attorney),
        ("course under way", world.under_way[0].url, world.attorney),
        ("lesson", world.under_way[0].get_children().live().first().url, world.attorney),
        ("attorney case page", reverse("mentorship:case_detail", args=[case.pk]), world.attorney),
        ("mentor dashboard", reverse("dashboard"), world.mentor),
        (
            "mentorship check-ins",
            reverse("mentorship:mentorship_checkins", args=[world.mentorships[0].pk]),
            world.mentor,
        ),
        ("mentees", reverse("mentorship:mentor_home"), world.mentor),
        ("staff home", reverse("staff:home"), world.staff),
        ("staff dashboard", reverse("staff:dashboard"), world.staff),
        ("staff case page", reverse("staff:case_detail", args=[case.pk]), world.staff),
        ("staff matching", reverse("staff:matching_batch"), world.staff),
        ("staff matching one case", reverse("staff:matching_case", args=[world.cases[1].pk]), world.staff),
        ("staff excluded attorneys", reverse("staff:matching_case_excluded", args=[world.cases[1].pk]), world.staff),
        ("staff attorneys", reverse("staff:attorneys"), world.staff),
        ("staff attorney page", reverse("staff:attorney_detail", args=[world.attorney.pk]), world.staff),
        ("staff mentors", reverse("staff:mentors"), world.staff),
        ("staff mentor page", reverse("staff:mentor_detail", args=[world.mentor.pk]), world.staff),
        ("staff hours to approve", reverse("staff:hours_pending"), world.staff),
        ("deadline watch", reverse("staff:deadline_watch"), world.staff),
    ]


def query_counts(world: World, client_for) -> dict[str, int]:
    from django.test import Client

    counts = {}
    for name, url, user in pages(world):
        client = client_for(user) if user else Client()
        client.get(url)  # warm: per-process caches (content types, the site) are not the page's cost
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        counts[name] = len(queries)
    return counts


def test_every_page_runs_the_same_number_of_queries_whatever_the_size_of_the_data(client_for):
    world = World()
    small = query_counts(world, client_for)
    for _ in range(GROWTH):
        world.grow()
    large = query_counts(world, client_for)

    grown = {name: (small[name], large[name]) for name in small if large[name] != small[name]}
    assert grown == {}, f"queries (small world, grown world) on pages that grow with the data: {grown}"
