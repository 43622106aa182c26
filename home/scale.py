"""Program-scale data for benchmarks (`manage.py seed_scale`): attorneys, training, certificates, cases.

Every row except the Wagtail pages is written with `bulk_create`; pages are multi-table
inheritance and go through `add_child`, with the search and reference indexes left alone.
The whole build is one transaction, so a failure leaves nothing behind. Values come from a
seeded random generator (the same sizes give the same data) and every unique value carries
a scale prefix, so nothing meets seed_demo's rows.
"""

from __future__ import annotations

import datetime
import itertools
import logging
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.signal_handlers import post_save_signal_handler as search_index_on_save
from wagtail.signal_handlers import disable_reference_index_auto_update

from accounts.models import User
from accounts.roles import Role
from accounts.services import roles_ensure_groups
from courses.certificates import sources
from courses.certificates.codes import ALPHABET, LENGTH
from courses.certificates.models import TEMPLATE_VERSION, Certificate
from courses.certificates.services import signature_facts_current, verify_url_for
from courses.certificates.snapshot import AdmissionFacts, EnrollmentFacts, snapshot_build
from courses.models import (
    BarAdmission,
    CourseAccreditation,
    CourseIndexPage,
    CoursePage,
    CreditCategory,
    Enrollment,
    Jurisdiction,
    LessonPage,
    LessonProgress,
)
from courses.vocabulary import ReliefType
from mentorship.fields import keyed_hash
from mentorship.languages import COMMON_CODES
from mentorship.models import (
    AttorneyLanguage,
    AttorneyProfile,
    AttorneyReliefExperience,
    Case,
    CaseDate,
    CaseOffer,
    CaseStatus,
    CaseStatusChange,
    CheckIn,
    CheckInMode,
    MentorProfile,
    Mentorship,
    MentorshipStatus,
    OfferStatus,
    Placement,
)
from mentorship.services.checkins import CHECKIN_TOPICS

from .demo import DEMO_PASSWORD
from .models import HomePage

EMAIL_PREFIX = "scale-"
EMAIL_DOMAIN = "scale.example"
COURSE_SLUG_PREFIX = "scale-course-"
CASE_REFERENCE_PREFIX = "SCALE-"
# Verification codes must stay typeable on the verification page (12 characters of the code
# alphabet), so the prefix is made of alphabet letters; the index fills the rest.
CERTIFICATE_CODE_PREFIX = "SCA"
BATCH_SIZE = 2000
RANDOM_SEED = 20260101
# Share of the completions that belong to completed enrolments; the rest are courses in progress.
COMPLETED_SHARE = 0.9
# An attorney's capacity and a mentor's maximum mentees may not exceed these (model validators).
MAX_ATTORNEY_CAPACITY = 20
MAX_MENTOR_MENTEES = 30

# When no jurisdiction exists yet: three with the shape of the real rules, under codes of their
# own, so a later seed_demo still creates New York, California and Illinois with their rules.
SCALE_JURISDICTIONS = [
    {"code": "SCALE-NY", "name": "New York (scale data)", "credit_hour_minutes": 50,
     "credit_increment": Decimal("0.5"), "minimum_minutes_for_credit": 25},
    {"code": "SCALE-CA", "name": "California (scale data)", "credit_hour_minutes": 60,
     "credit_increment": Decimal("0.25"), "minimum_minutes_for_credit": 0, "rounding": "nearest"},
    {"code": "SCALE-IL", "name": "Illinois (scale data)", "credit_hour_minutes": 60,
     "credit_increment": Decimal("0.25"), "minimum_minutes_for_credit": 0},
]  # fmt: skip
# The category an accreditation's hours go to, by preference (NY has no general category).
CREDIT_CATEGORY_PREFERENCE = ("general", "app")

FIRST_NAMES = (
    "Ana", "Amir", "Beatriz", "Chen", "Daniel", "Elena", "Fatima", "Gabriel", "Hana", "Ibrahim", "Julia",
    "Kwame", "Lucía", "Marek", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Samuel", "Tomás", "Uma",
    "Valentina", "Wei", "Ximena", "Yusuf", "Zara", "Aisha", "Bruno", "Camila", "Dmitri", "Esther",
)  # fmt: skip
LAST_NAMES = (
    "Abara", "Bianchi", "Castillo", "Dang", "Eriksen", "Fofana", "García", "Haddad", "Ivanova", "Jensen",
    "Kowalski", "López", "Mensah", "Nakamura", "Okafor", "Pereira", "Qureshi", "Ramírez", "Silva", "Tran",
    "Urquhart", "Vargas", "Wójcik", "Xu", "Yilmaz", "Zamora", "Achebe", "Brennan", "Cohen", "Delgado",
)  # fmt: skip
FIRMS = (
    "Legal Aid Society", "Immigrant Justice Partners", "Hartley & Moss LLP", "Riverside Law Group",
    "Community Defenders", "Solo practice", "Baker Lind LLP", "Northgate Legal Clinic", "Ortega & Shah",
)  # fmt: skip
COURTS = (
    "New York Immigration Court", "Newark Immigration Court", "Chicago Immigration Court",
    "Los Angeles Immigration Court", "San Francisco Immigration Court", "Houston Immigration Court",
    "Miami Immigration Court", "Atlanta Immigration Court", "Boston Immigration Court", "El Paso Immigration Court",
)  # fmt: skip
COUNTRIES = ("GT", "HN", "SV", "MX", "HT", "VE", "CO", "AF", "SY", "ER", "CD", "CN", "UA", "RU", "BR", "NG")
COURSE_TOPICS = (
    "Gender-based asylum", "U visas", "T visas", "VAWA self-petitions", "SIJS for children",
    "Trauma-informed interviewing", "Working with interpreters", "Credible fear", "Cancellation of removal",
    "Country-conditions evidence", "Declarations that persuade", "Detained-docket practice",
)  # fmt: skip
LESSON_TOPICS = (
    "Overview and eligibility", "The legal standard", "Gathering evidence", "Interviewing the client",
    "Drafting the declaration", "Filing and fees", "Preparing for the hearing", "Ethics and confidentiality",
    "After the decision", "Common pitfalls",
)  # fmt: skip
DATE_KIND_BY_RELIEF = {
    "asylum": "one_year_deadline",
    "u_visa": "u_visa_cert_expiry",
    "sijs": "filing_deadline",
}
RELIEF_TYPES = [value for value in ReliefType.values if value != ReliefType.PRACTICE_SKILLS]
CHECKIN_TOPIC_VALUES = [value for value, _label in CHECKIN_TOPICS]
CHECKIN_NOTES = (
    "Scale data: discussed the next filing and the client's preferred contact times.",
    "Scale data: reviewed the declaration draft; two gaps in the timeline to close.",
    "Scale data: hearing preparation, practised direct examination with the interpreter.",
    "Scale data: client worried about a relative abroad; safety plan reviewed.",
)
CASE_NOTES = "Scale data: invented narrative. Contact the client only through the program."
ADVERSE_NAMES = ("Ramiro Vidal", "Dmitri Orlov", "Jean Moreau", "Walid Sarraf", "Carlos Batz", "Liang Hao")


class ScaleError(Exception):
    """Scale data that cannot be built as asked, in words for the operator."""


@dataclass(frozen=True)
class ScaleSizes:
    """How many of each kind to build; the defaults are a program at full scale."""

    attorneys: int = 10_000
    mentors: int = 300
    courses: int = 200
    lessons: int = 2_000
    completions: int = 100_000
    certificates: int = 20_000
    cases: int = 3_000
    open_cases: int = 1_000
    checkins: int = 30_000

    # A scaled-down program keeps this much course structure, so its completions still fit.
    MIN_SCALED_COURSES = 2
    MIN_SCALED_LESSONS = 20

    @classmethod
    def scaled(cls, factor: float, **overrides: int | None) -> ScaleSizes:
        """The defaults times `factor` (at least one of each kind, and the minimum course structure),
        then any count given exactly."""
        counts = {item.name: max(1, round(item.default * factor)) for item in fields(cls)}
        counts["courses"] = max(counts["courses"], cls.MIN_SCALED_COURSES)
        counts["lessons"] = max(counts["lessons"], cls.MIN_SCALED_LESSONS)
        counts.update({name: value for name, value in overrides.items() if value is not None})
        return cls(**counts)

    @property
    def placed_cases(self) -> int:
        return (self.cases - self.open_cases) // 2

    @property
    def closed_cases(self) -> int:
        return self.cases - self.open_cases - self.placed_cases

    def problems(self) -> list[str]:
        """Why these sizes cannot be built together (empty when they can)."""
        found = [f"{name} cannot be negative" for name, value in asdict(self).items() if value < 0]
        if found:
            return found
        if self.open_cases > self.cases:
            found.append(f"{self.open_cases:,} open cases is more than {self.cases:,} cases")
        if self.courses and self.lessons < self.courses:
            found.append(f"{self.courses:,} courses need at least one lesson each, {self.lessons:,} lessons asked")
        if self.lessons and not self.courses:
            found.append("lessons need at least one course")
        if self.completions > self.attorneys * self.lessons:
            found.append(
                f"{self.completions:,} completions do not fit {self.attorneys:,} attorneys times "
                f"{self.lessons:,} lessons (one completion per attorney and lesson)"
            )
        if self.certificates and not self.completions:
            found.append("certificates need completed lessons")
        if self.cases and not self.attorneys and self.open_cases < self.cases:
            found.append("placed and closed cases need attorneys")
        if self.open_cases < self.cases and not self.mentors:
            found.append("placed and closed cases need mentors")
        if self.checkins and self.open_cases >= self.cases:
            found.append("check-ins need placed or closed cases (their mentorships)")
        if self.placed_cases > MAX_ATTORNEY_CAPACITY * self.attorneys:
            found.append(f"{self.placed_cases:,} placed cases exceed every attorney's maximum capacity")
        if self.placed_cases > MAX_MENTOR_MENTEES * self.mentors:
            found.append(f"{self.placed_cases:,} active mentorships exceed every mentor's maximum mentees")
        return found


PhaseReport = Callable[[str, int, float], None]


def scale_data_found() -> list[str]:
    """What scale data this database already holds, e.g. ["10,300 users"]; empty when none."""
    counts = {
        "users": User.objects.filter(email__startswith=EMAIL_PREFIX, email__endswith=f"@{EMAIL_DOMAIN}").count(),
        "courses": CoursePage.objects.filter(slug__startswith=COURSE_SLUG_PREFIX).count(),
        "cases": Case.objects.filter(reference__startswith=CASE_REFERENCE_PREFIX).count(),
    }
    return [f"{count:,} {kind}" for kind, count in counts.items() if count]


def scale_data_counts() -> dict[str, int]:
    """How many of each kind of ScaleSizes the scale data in this database holds."""
    courses = CoursePage.objects.filter(slug__startswith=COURSE_SLUG_PREFIX)
    cases = Case.objects.filter(reference__startswith=CASE_REFERENCE_PREFIX)
    return {
        "attorneys": AttorneyProfile.objects.filter(user__email__startswith=f"{EMAIL_PREFIX}attorney-").count(),
        "mentors": MentorProfile.objects.filter(user__email__startswith=f"{EMAIL_PREFIX}mentor-").count(),
        "courses": courses.count(),
        "lessons": LessonPage.objects.filter(url_path__contains=f"/{COURSE_SLUG_PREFIX}").count(),
        "completions": LessonProgress.objects.filter(
            enrollment__course__in=courses, completed_at__isnull=False
        ).count(),
        "certificates": Certificate.objects.filter(
            code__startswith=CERTIFICATE_CODE_PREFIX, course__in=courses
        ).count(),
        "cases": cases.count(),
        "open_cases": cases.filter(status=CaseStatus.SEEKING).count(),
        "checkins": CheckIn.objects.filter(mentorship__case__in=cases).count(),
    }


def scale_data_build(*, sizes: ScaleSizes, report: PhaseReport) -> None:
    """Build the scale data in one transaction, calling `report(phase, rows, seconds)` after each phase."""
    problems = sizes.problems()
    if problems:
        raise ScaleError("These sizes cannot be built: " + "; ".join(problems) + ".")
    found = scale_data_found()
    if found:
        raise ScaleError(
            f"Scale data is already in this database ({', '.join(found)}). seed_scale adds it once; "
            "to build it again, start from a fresh database (migrate, then seed_demo if wanted)."
        )
    builder = _ScaleBuilder(sizes=sizes)
    with transaction.atomic():
        builder.prepare()
        for label, step in builder.phases():
            started = time.perf_counter()
            rows = step()
            report(label, rows, time.perf_counter() - started)


def certificate_code(index: int) -> str:
    """The verification code of the index-th scale certificate: deterministic, and valid on the verify page."""
    digits = []
    for _position in range(LENGTH - len(CERTIFICATE_CODE_PREFIX)):
        index, remainder = divmod(index, len(ALPHABET))
        digits.append(ALPHABET[remainder])
    if index:
        raise ScaleError("Too many certificates for the scale code space.")
    return CERTIFICATE_CODE_PREFIX + "".join(reversed(digits))


def _chunks(rows: Iterable, size: int = BATCH_SIZE) -> Iterator[list]:
    iterator = iter(rows)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _insert(model: type[Model], rows: Iterable[Model]) -> int:
    """bulk_create in batches without holding every row in memory; the number of rows written."""
    written = 0
    for chunk in _chunks(rows):
        model.objects.bulk_create(chunk, batch_size=BATCH_SIZE)
        written += len(chunk)
    return written


def _create(model: type[Model], rows: list) -> list:
    """bulk_create keeping the rows, whose primary keys later rows refer to."""
    created = model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    if created and created[0].pk is None:
        raise ScaleError("This database does not return primary keys from bulk inserts.")
    return created


@contextmanager
def _page_saves_lean(models: Iterable[type[Model]]) -> Iterator[None]:
    """Pages saved without a search-index task, a reference-index update or a log line each.

    The scale pages link to nothing, and `manage.py update_index` indexes them in bulk when a
    benchmark needs search.
    """
    paused = [model for model in models if post_save.disconnect(search_index_on_save, sender=model)]
    wagtail_logger = logging.getLogger("wagtail")
    level = wagtail_logger.level
    wagtail_logger.setLevel(logging.WARNING)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        wagtail_logger.setLevel(level)
        for model in paused:
            post_save.connect(search_index_on_save, sender=model)


@contextmanager
def _timestamps_kept(model: type[Model], field_name: str) -> Iterator[None]:
    """bulk_create keeps the `auto_now_add` timestamp set on each row instead of writing now.

    Scale rows have a past (a case opened months ago, a certificate issued at its completion);
    setting it afterwards would take one UPDATE per row or a CASE as long as the batch.
    """
    timestamp = model._meta.get_field(field_name)
    timestamp.auto_now_add = False
    try:
        yield
    finally:
        timestamp.auto_now_add = True


def _pages_publish(pages: list[Page]) -> None:
    """Make pages added as drafts live, in one UPDATE.

    A draft is saved with Wagtail's minimal validation (title and slug); a live page runs
    full_clean on every field, which costs about 40% of each save and checks nothing these
    generated values could fail. No revision is written, as for a page created live.
    """
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(live=True)
    for page in pages:
        page.live = True


@dataclass
class _Enrolment:
    attorney: int
    course: int
    lessons_completed: int
    complete: bool
    enrolled_at: datetime.datetime = field(default_factory=timezone.now)


@dataclass
class _CaseSpec:
    status: str
    attorney: int | None = None
    mentor: int | None = None


class _ScaleBuilder:
    """Plans every row from the sizes first (pure Python), then writes them phase by phase."""

    def __init__(self, *, sizes: ScaleSizes) -> None:
        self.sizes = sizes
        self.rng = random.Random(RANDOM_SEED)
        self.now = timezone.now()
        self.today = timezone.localdate()

    # --- planning ------------------------------------------------------------------------

    def prepare(self) -> None:
        self.groups = roles_ensure_groups()
        self.jurisdictions = list(Jurisdiction.objects.order_by("code")) or self._jurisdictions_create()
        self.lessons_per_course = self._lessons_per_course()
        self.lesson_minutes = [
            [self.rng.randrange(20, 46, 5) for _lesson in range(count)] for count in self.lessons_per_course
        ]
        self.admissions, self.enrolments = self._learning_plan()
        self.cases = self._case_plan()
        for codes in _chunks(certificate_code(index) for index in range(self.sizes.certificates)):
            taken = Certificate.objects.filter(code__in=codes).values_list("code", flat=True).first()
            if taken:
                raise ScaleError(f"The certificate code {taken} is taken already; scale certificates would collide.")

    def _jurisdictions_create(self) -> list[Jurisdiction]:
        jurisdictions = []
        for spec in SCALE_JURISDICTIONS:
            jurisdiction = Jurisdiction.objects.create(**spec)
            CreditCategory.objects.create(jurisdiction=jurisdiction, code="general", name="General", sort_order=0)
            jurisdictions.append(jurisdiction)
        return jurisdictions

    def _lessons_per_course(self) -> list[int]:
        if not self.sizes.courses:
            return []
        base, extra = divmod(self.sizes.lessons, self.sizes.courses)
        return [base + (1 if index < extra else 0) for index in range(self.sizes.courses)]

    def _learning_plan(self) -> tuple[list[int], list[_Enrolment]]:
        """Bar admissions per attorney, and enrolments that add up to the asked completions and certificates.

        A completed enrolment earns one certificate per bar admission of its attorney (every
        scale course is accredited everywhere), so attorneys who finish courses are given as many
        admissions as the certificate count needs; the completions left over go to courses in progress.
        """
        sizes, rng = self.sizes, self.rng
        jurisdictions = len(self.jurisdictions)
        lessons = self.lessons_per_course
        admissions = [min(jurisdictions, 2 if rng.random() < 0.3 else 1) for _attorney in range(sizes.attorneys)]
        taken: list[set[int]] = [set() for _attorney in range(sizes.attorneys)]
        enrolments: list[_Enrolment] = []
        completions_left = sizes.completions
        certificates_left = sizes.certificates
        if certificates_left:
            mean_lessons = sizes.lessons / sizes.courses
            per_enrolment = max(1.0, sizes.certificates * mean_lessons / (COMPLETED_SHARE * sizes.completions))
            per_enrolment = min(per_enrolment, jurisdictions)
            attorneys = list(range(sizes.attorneys))
            rng.shuffle(attorneys)
            for attorney in attorneys:
                if not certificates_left:
                    break
                whole = int(per_enrolment)
                admitted = min(whole + (rng.random() < per_enrolment - whole), certificates_left, jurisdictions)
                admissions[attorney] = admitted
                courses = min(rng.randint(1, 4), sizes.courses, certificates_left // admitted)
                for course in rng.sample(range(sizes.courses), courses):
                    if lessons[course] > completions_left:
                        raise ScaleError(
                            f"{sizes.completions:,} completions are too few for {sizes.certificates:,} certificates "
                            f"with {jurisdictions} jurisdictions: ask for more completions or fewer certificates."
                        )
                    enrolments.append(_Enrolment(attorney, course, lessons[course], complete=True))
                    taken[attorney].add(course)
                    completions_left -= lessons[course]
                certificates_left -= courses * admitted
            if certificates_left:
                raise ScaleError(
                    f"{sizes.attorneys:,} attorneys cannot hold {sizes.certificates:,} certificates "
                    f"of {sizes.courses:,} courses in {jurisdictions} jurisdictions."
                )
        pairs = self._free_pairs(taken)
        while completions_left:
            attorney, course = next(pairs, (None, None))
            if attorney is None:
                raise ScaleError(f"No attorney and course are left for {completions_left:,} more completions.")
            done = min(completions_left, rng.randint(1, lessons[course] - 1))
            enrolments.append(_Enrolment(attorney, course, done, complete=False))
            completions_left -= done
        for enrolment in enrolments:
            # Far enough back for a lesson a day to end before today.
            days_ago = rng.randint(40, 900) + lessons[enrolment.course]
            enrolment.enrolled_at = self.now - datetime.timedelta(days=days_ago, minutes=rng.randrange(1440))
        return admissions, enrolments

    def _free_pairs(self, taken: list[set[int]]) -> Iterator[tuple[int, int]]:
        """(attorney, course) pairs not enrolled yet, in a course with a lesson left to do after the first."""
        rng, lessons = self.rng, self.lessons_per_course
        multi_lesson = [course for course, count in enumerate(lessons) if count >= 2]
        if not multi_lesson or not self.sizes.attorneys:
            return
        misses = 0
        while misses < 50:
            attorney, course = rng.randrange(self.sizes.attorneys), rng.choice(multi_lesson)
            if course in taken[attorney]:
                misses += 1
                continue
            misses = 0
            taken[attorney].add(course)
            yield attorney, course
        for attorney, course in itertools.product(range(self.sizes.attorneys), multi_lesson):
            if course not in taken[attorney]:
                taken[attorney].add(course)
                yield attorney, course

    def _case_plan(self) -> list[_CaseSpec]:
        sizes, rng = self.sizes, self.rng
        statuses = (
            [CaseStatus.SEEKING] * sizes.open_cases
            + [CaseStatus.PLACED] * sizes.placed_cases
            + [CaseStatus.CLOSED] * sizes.closed_cases
        )
        rng.shuffle(statuses)
        attorneys = itertools.cycle(rng.sample(range(sizes.attorneys), sizes.attorneys))
        mentors = itertools.cycle(rng.sample(range(sizes.mentors), sizes.mentors))
        plan = []
        for status in statuses:
            spec = _CaseSpec(status=status)
            if status == CaseStatus.PLACED:
                spec.attorney, spec.mentor = next(attorneys), next(mentors)
            elif status == CaseStatus.CLOSED:
                spec.attorney, spec.mentor = rng.randrange(sizes.attorneys), rng.randrange(sizes.mentors)
            plan.append(spec)
        return plan

    # --- writing -------------------------------------------------------------------------

    def phases(self) -> list[tuple[str, Callable[[], int]]]:
        return [
            ("users (attorneys, mentors, staff)", self._users),
            ("attorney profiles", self._attorney_profiles),
            ("attorney languages and relief", self._attorney_skills),
            ("bar admissions", self._bar_admissions),
            ("mentor profiles", self._mentor_profiles),
            ("course pages", self._course_pages),
            ("lesson pages", self._lesson_pages),
            ("accreditations", self._accreditations),
            ("enrollments", self._enrollments),
            ("lesson progress", self._lesson_progress),
            ("certificates", self._certificates),
            ("cases, status history, dates", self._cases),
            ("offers, placements, mentorships", self._placements),
            ("check-ins", self._checkins),
        ]

    def _users(self) -> int:
        rng = self.rng
        password = make_password(DEMO_PASSWORD)

        def person(email: str, full_name: str) -> User:
            joined = self.now - datetime.timedelta(days=rng.randint(30, 1200))
            language = "es" if rng.random() < 0.15 else "en"
            return User(
                email=email, full_name=full_name, password=password, preferred_language=language, date_joined=joined
            )

        def name() -> str:
            return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"

        self.staff = _create(User, [person(f"{EMAIL_PREFIX}staff@{EMAIL_DOMAIN}", "Scale Program Staff")])[0]
        self.attorney_users = _create(
            User,
            [
                person(f"{EMAIL_PREFIX}attorney-{index:06d}@{EMAIL_DOMAIN}", name())
                for index in range(self.sizes.attorneys)
            ],
        )
        self.mentor_users = _create(
            User,
            [person(f"{EMAIL_PREFIX}mentor-{index:06d}@{EMAIL_DOMAIN}", name()) for index in range(self.sizes.mentors)],
        )
        everyone = [self.staff, *self.attorney_users, *self.mentor_users]
        membership = User.groups.through
        roles = itertools.chain(
            [membership(user_id=self.staff.pk, group_id=self.groups[Role.PROGRAM_STAFF].pk)],
            (membership(user_id=user.pk, group_id=self.groups[Role.VOLUNTEER].pk) for user in self.attorney_users),
            (membership(user_id=user.pk, group_id=self.groups[Role.MENTOR].pk) for user in self.mentor_users),
        )
        memberships = _insert(membership, roles)
        addresses = _insert(
            EmailAddress,
            (EmailAddress(user_id=user.pk, email=user.email, verified=True, primary=True) for user in everyone),
        )
        return len(everyone) + memberships + addresses

    def _attorney_profiles(self) -> int:
        rng = self.rng
        active = Counter(spec.attorney for spec in self.cases if spec.status == CaseStatus.PLACED)
        profiles = []
        for index, user in enumerate(self.attorney_users):
            paused = rng.random() < 0.05
            profiles.append(
                AttorneyProfile(
                    user_id=user.pk,
                    firm_name=rng.choice(FIRMS),
                    capacity=max(rng.choice((1, 1, 2, 2, 3)), active[index]),
                    paused_until=self.today + datetime.timedelta(days=rng.randint(7, 90)) if paused else None,
                    detained_ok=rng.random() < 0.3,
                    remote_ok=rng.random() < 0.8,
                    locations=rng.sample(COURTS, rng.randint(1, 2)),
                )
            )
        self.attorney_profiles = _create(AttorneyProfile, profiles)
        return len(self.attorney_profiles)

    def _attorney_skills(self) -> int:
        rng = self.rng
        other_languages = [code for code in COMMON_CODES if code != "eng"]

        def languages() -> Iterator[AttorneyLanguage]:
            for profile in self.attorney_profiles:
                yield AttorneyLanguage(profile_id=profile.pk, code="eng", ilr_level=rng.choice((5, 5, 5, 4)))
                for code in rng.sample(other_languages, rng.choice((0, 1, 1, 2))):
                    yield AttorneyLanguage(profile_id=profile.pk, code=code, ilr_level=rng.randint(2, 5))

        def relief() -> Iterator[AttorneyReliefExperience]:
            for profile in self.attorney_profiles:
                for relief_type in rng.sample(RELIEF_TYPES, rng.randint(1, 3)):
                    yield AttorneyReliefExperience(
                        profile_id=profile.pk, relief_type=relief_type, level=rng.randint(0, 3)
                    )

        return _insert(AttorneyLanguage, languages()) + _insert(AttorneyReliefExperience, relief())

    def _bar_admissions(self) -> int:
        rng = self.rng
        self.bar_admissions: list[list[BarAdmission]] = []
        for index, (user, count) in enumerate(zip(self.attorney_users, self.admissions, strict=True)):
            chosen = rng.sample(self.jurisdictions, count)
            self.bar_admissions.append(
                [
                    BarAdmission(
                        user_id=user.pk,
                        jurisdiction_id=jurisdiction.pk,
                        bar_number=f"SCALE{index:06d}{position}",
                        admitted_on=self.today - datetime.timedelta(days=rng.randint(200, 9000)),
                    )
                    for position, jurisdiction in enumerate(chosen)
                ]
            )
        return _insert(BarAdmission, itertools.chain.from_iterable(self.bar_admissions))

    def _mentor_profiles(self) -> int:
        rng = self.rng
        active = Counter(spec.mentor for spec in self.cases if spec.status == CaseStatus.PLACED)
        other_languages = [code for code in COMMON_CODES[:12] if code != "eng"]
        profiles = (
            MentorProfile(
                user_id=user.pk,
                max_mentees=max(rng.randint(3, 6), active[index]),
                available=rng.random() < 0.9,
                expertise=rng.sample(RELIEF_TYPES, rng.randint(2, 4)),
                languages=["eng", *rng.sample(other_languages, rng.randint(0, 2))],
            )
            for index, user in enumerate(self.mentor_users)
        )
        return _insert(MentorProfile, profiles)

    def _course_pages(self) -> int:
        rng = self.rng
        self.index = self._course_index()
        self.courses: list[CoursePage] = []
        with _page_saves_lean([CoursePage]):
            for number, minutes in enumerate(self.lesson_minutes, start=1):
                topic = COURSE_TOPICS[number % len(COURSE_TOPICS)]
                published = self.now - datetime.timedelta(days=rng.randint(400, 1000))
                spanish = rng.random() < 0.1
                course = CoursePage(
                    title=f"{topic}{' (en español)' if spanish else ''}: scale course {number:03d}",
                    slug=f"{COURSE_SLUG_PREFIX}{number:04d}",
                    locale_id=self.index.locale_id,
                    summary=f"{topic} for volunteer attorneys, step by step. Scale data for benchmarks.",
                    relief_types=rng.sample(RELIEF_TYPES, rng.randint(1, 2)),
                    language="es" if spanish else "en",
                    estimated_minutes=sum(minutes),
                    live=False,
                    first_published_at=published,
                    last_published_at=published,
                )
                self.index.add_child(instance=course)
                self.courses.append(course)
        for chunk in _chunks(self.courses):
            _pages_publish(chunk)
        return len(self.courses)

    def _course_index(self) -> CourseIndexPage:
        index = CourseIndexPage.objects.first()
        if index is not None:
            return index
        home = HomePage.objects.filter(depth=2).first()
        if home is None:
            raise ScaleError("This database has no home page to put the course catalog under: run migrate first.")
        index = CourseIndexPage(title="Courses", slug="courses", locale_id=home.locale_id)
        home.add_child(instance=index)
        return index

    def _lesson_pages(self) -> int:
        self.lessons: list[list[LessonPage]] = []
        with _page_saves_lean([LessonPage]):
            for course, minutes in zip(self.courses, self.lesson_minutes, strict=True):
                lessons = []
                for number, lesson_minutes in enumerate(minutes, start=1):
                    topic = LESSON_TOPICS[(number - 1) % len(LESSON_TOPICS)]
                    lesson = LessonPage(
                        title=f"{number}. {topic}",
                        slug=f"lesson-{number:02d}",
                        locale_id=course.locale_id,
                        estimated_minutes=lesson_minutes,
                        body=[
                            {"type": "text", "value": f"<p>{topic}: what a volunteer needs to know (scale data).</p>"}
                        ],
                        live=False,
                        first_published_at=course.first_published_at,
                        last_published_at=course.last_published_at,
                    )
                    course.add_child(instance=lesson)
                    lessons.append(lesson)
                self.lessons.append(lessons)
        for chunk in _chunks(itertools.chain.from_iterable(self.lessons)):
            _pages_publish(chunk)
        return sum(len(lessons) for lessons in self.lessons)

    def _accreditations(self) -> int:
        categories = {}
        for jurisdiction in self.jurisdictions:
            by_code = {category.code: category for category in jurisdiction.categories.order_by("sort_order")}
            preferred = [by_code[code] for code in CREDIT_CATEGORY_PREFERENCE if code in by_code]
            categories[jurisdiction.pk] = (preferred or list(by_code.values()) or [None])[0]

        def accreditations() -> Iterator[CourseAccreditation]:
            for number, course in enumerate(self.courses, start=1):
                for order, jurisdiction in enumerate(self.jurisdictions):
                    category = categories[jurisdiction.pk]
                    hours = jurisdiction.credits_for_minutes(course.estimated_minutes)
                    credit = [("credit", {"category": str(category.pk), "hours": hours})] if category and hours else []
                    yield CourseAccreditation(
                        course_id=course.pk,
                        jurisdiction_id=jurisdiction.pk,
                        sort_order=order,
                        provider_name="Pro Bono Academy",
                        provider_number=f"SCALE-{jurisdiction.code}",
                        course_number=f"SCALE-{number:04d}",
                        approved_from=self.today - datetime.timedelta(days=1000),
                        approved_to=self.today + datetime.timedelta(days=700),
                        format=CourseAccreditation.Format.ON_DEMAND,
                        verification_method="Server-recorded engaged time.",
                        credit_hours=credit,
                    )

        return _insert(CourseAccreditation, accreditations())

    def _enrollments(self) -> int:
        rows = []
        self.completed_at: dict[int, datetime.datetime] = {}
        for position, plan in enumerate(self.enrolments):
            lessons = self.lessons[plan.course]
            finished_at = None
            if plan.complete:
                # A lesson a day (see _lesson_progress): the course is done by the end of the last day.
                finished_at = plan.enrolled_at + datetime.timedelta(days=plan.lessons_completed)
                self.completed_at[position] = finished_at
            next_lesson = lessons[min(plan.lessons_completed, len(lessons) - 1)]
            rows.append(
                Enrollment(
                    user_id=self.attorney_users[plan.attorney].pk,
                    course_id=self.courses[plan.course].pk,
                    enrolled_at=plan.enrolled_at,
                    completed_at=finished_at,
                    last_lesson_id=next_lesson.pk,
                    last_heartbeat_at=finished_at or plan.enrolled_at,
                )
            )
        self.enrollment_rows = _create(Enrollment, rows)
        return len(self.enrollment_rows)

    def _lesson_progress(self) -> int:
        rng = self.rng
        # What a certificate states from the progress rows: first visit and engaged seconds.
        self.first_visit: dict[int, datetime.datetime] = {}
        self.engaged_seconds: dict[int, int] = {}

        def progress() -> Iterator[LessonProgress]:
            for position, (plan, enrollment) in enumerate(zip(self.enrolments, self.enrollment_rows, strict=True)):
                lessons = self.lessons[plan.course]
                total = 0
                for number, lesson in enumerate(lessons[: plan.lessons_completed]):
                    started = plan.enrolled_at + datetime.timedelta(days=number, minutes=rng.randrange(600))
                    seconds = int(lesson.estimated_minutes * 60 * rng.uniform(1.0, 1.3))
                    finished = started + datetime.timedelta(seconds=seconds)
                    total += seconds
                    self.first_visit.setdefault(position, started)
                    yield LessonProgress(
                        enrollment_id=enrollment.pk,
                        lesson_id=lesson.pk,
                        started_at=started,
                        completed_at=finished,
                        engaged_seconds=seconds,
                        heartbeats=seconds // 45,
                        last_heartbeat_at=finished,
                    )
                self.engaged_seconds[position] = total
                if not plan.complete:
                    # The lesson the attorney is in now: opened, not finished.
                    yield LessonProgress(
                        enrollment_id=enrollment.pk,
                        lesson_id=lessons[plan.lessons_completed].pk,
                        started_at=plan.enrolled_at + datetime.timedelta(days=plan.lessons_completed),
                        engaged_seconds=120,
                        heartbeats=2,
                    )

        return _insert(LessonProgress, progress())

    def _certificates(self) -> int:
        signature = signature_facts_current()
        accreditations = {
            course.pk: {facts.jurisdiction_id: facts for facts in sources.accreditations_for(course_id=course.pk)}
            for course in self.courses
        }

        def certificates() -> Iterator[Certificate]:
            codes = (certificate_code(index) for index in itertools.count())
            for position, finished_at in self.completed_at.items():
                plan, enrollment = self.enrolments[position], self.enrollment_rows[position]
                user, course = self.attorney_users[plan.attorney], self.courses[plan.course]
                local_finish = timezone.localtime(finished_at)
                facts = EnrollmentFacts(
                    enrollment_id=enrollment.pk,
                    user_id=user.pk,
                    course_id=course.pk,
                    attorney_name=user.full_name,
                    course_title=course.title,
                    started_on=timezone.localtime(self.first_visit[position]).date(),
                    completed_at=local_finish,
                    engaged_minutes=self.engaged_seconds[position] // 60,
                    affirmation_signed_at=None,
                    affirmation_text="",
                    codes_required=0,
                    course_language=course.language,
                )
                for admission in self.bar_admissions[plan.attorney]:
                    code = next(codes)
                    snapshot = snapshot_build(
                        facts=facts,
                        accreditation=accreditations[course.pk][admission.jurisdiction_id],
                        admission=AdmissionFacts(
                            bar_number=admission.bar_number, is_newly_admitted=admission.is_newly_admitted
                        ),
                        signature=signature,
                        code=code,
                        version=1,
                        issued_on=local_finish.date(),
                        verify_url=verify_url_for(code),
                        template_version=TEMPLATE_VERSION,
                    )
                    yield Certificate(
                        user_id=user.pk,
                        enrollment_id=enrollment.pk,
                        course_id=course.pk,
                        jurisdiction_id=admission.jurisdiction_id,
                        code=code,
                        snapshot=snapshot,
                        template_version=TEMPLATE_VERSION,
                        completed_on=local_finish.date(),
                        credit_total=Decimal(snapshot["credits"]["total"]),
                        issued_at=finished_at + datetime.timedelta(minutes=2),
                        # Announced as issued, so no later run of the issue service mails 20,000 attorneys.
                        emailed_at=finished_at + datetime.timedelta(minutes=3),
                    )

        with _timestamps_kept(Certificate, "issued_at"):
            written = _insert(Certificate, certificates())
        if written != self.sizes.certificates:
            raise ScaleError(f"Planned {self.sizes.certificates:,} certificates but built {written:,}.")
        return written

    def _cases(self) -> int:
        rng = self.rng
        rows = []
        for number, spec in enumerate(self.cases, start=1):
            days_ago = {CaseStatus.SEEKING: (1, 60), CaseStatus.PLACED: (40, 400)}.get(spec.status, (300, 1000))
            opened = self.now - datetime.timedelta(days=rng.randint(*days_ago), minutes=rng.randrange(1440))
            parties = rng.sample(ADVERSE_NAMES, rng.randint(1, 2))
            court = rng.choice(COURTS)
            rows.append(
                Case(
                    reference=f"{CASE_REFERENCE_PREFIX}{number:06d}",
                    client_initials=f"{rng.choice('ABCDEFGHJKLMNPRSTVWY')}{rng.choice('ABCDEFGHJKLMNPRSTVWY')}",
                    country_of_origin=rng.choice(COUNTRIES),
                    languages=rng.sample(COMMON_CODES[:16], rng.randint(1, 2)),
                    interpreter_arranged=rng.random() < 0.2,
                    relief_types=rng.sample(RELIEF_TYPES, rng.randint(1, 2)),
                    detained=rng.random() < 0.15,
                    requires_bar_jurisdiction=rng.choice(self.jurisdictions).code if rng.random() < 0.2 else None,
                    court=court,
                    location=court.replace(" Immigration Court", ""),
                    status=spec.status,
                    confidential_notes=CASE_NOTES,
                    adverse_parties="\n".join(parties),
                    adverse_party_hashes=sorted({keyed_hash(name) for name in parties}),
                    created_by_id=self.staff.pk,
                    created_at=opened,
                )
            )
        with _timestamps_kept(Case, "created_at"):
            self.case_rows = _create(Case, rows)
        self.placed_at: dict[int, datetime.datetime] = {}
        self.closed_at: dict[int, datetime.datetime] = {}
        history = []
        for position, (case, spec) in enumerate(zip(self.case_rows, self.cases, strict=True)):
            opened = case.created_at
            seeking = min(opened + datetime.timedelta(days=rng.randint(1, 5)), self.now)
            history += [
                CaseStatusChange(case_id=case.pk, to_status=CaseStatus.INTAKE, changed_by_id=self.staff.pk,
                                 changed_at=opened, reason="Intake"),
                CaseStatusChange(case_id=case.pk, from_status=CaseStatus.INTAKE, to_status=CaseStatus.SEEKING,
                                 changed_by_id=self.staff.pk, changed_at=seeking, reason="Intake complete"),
            ]  # fmt: skip
            if spec.status == CaseStatus.SEEKING:
                continue
            placed = min(seeking + datetime.timedelta(days=rng.randint(3, 20)), self.now)
            self.placed_at[position] = placed
            history.append(
                CaseStatusChange(case_id=case.pk, from_status=CaseStatus.SEEKING, to_status=CaseStatus.PLACED,
                                 changed_by_id=self.attorney_users[spec.attorney].pk, changed_at=placed,
                                 reason="Offer accepted")
            )  # fmt: skip
            if spec.status == CaseStatus.CLOSED:
                closed = min(placed + datetime.timedelta(days=rng.randint(60, 400)), self.now)
                self.closed_at[position] = closed
                history.append(
                    CaseStatusChange(case_id=case.pk, from_status=CaseStatus.PLACED, to_status=CaseStatus.CLOSED,
                                     changed_by_id=self.staff.pk, changed_at=closed, reason="Relief granted")
                )  # fmt: skip
        dates = (
            CaseDate(
                case_id=case.pk,
                kind=DATE_KIND_BY_RELIEF.get(case.relief_types[0], "hearing"),
                date=self.today + datetime.timedelta(days=rng.randint(10, 300)),
                source="Scale data",
                verified_by_id=self.staff.pk,
                verified_at=self.now,
            )
            for case in self.case_rows
            if case.status != CaseStatus.CLOSED
        )
        return len(self.case_rows) + _insert(CaseStatusChange, history) + _insert(CaseDate, dates)

    def _placements(self) -> int:
        positions = sorted(self.placed_at)
        offers = []
        for position in positions:
            case, spec, placed = self.case_rows[position], self.cases[position], self.placed_at[position]
            offered = placed - datetime.timedelta(days=self.rng.randint(1, 3))
            offers.append(
                CaseOffer(
                    case_id=case.pk,
                    attorney_id=self.attorney_users[spec.attorney].pk,
                    offered_by_id=self.staff.pk,
                    offered_at=offered,
                    expires_at=offered + datetime.timedelta(days=3),
                    status=OfferStatus.RELEASED if position in self.closed_at else OfferStatus.ACCEPTED,
                    responded_at=placed,
                    rank=1,
                    party_names_viewed_at=placed,
                    conflict_check_confirmed_at=placed,
                )
            )
        offers = _create(CaseOffer, offers)
        placements = _create(
            Placement,
            [
                Placement(
                    case_id=offer.case_id,
                    attorney_id=offer.attorney_id,
                    offer_id=offer.pk,
                    placed_at=self.placed_at[position],
                    closed_at=self.closed_at.get(position),
                    closed_reason="Relief granted" if position in self.closed_at else "",
                )
                for position, offer in zip(positions, offers, strict=True)
            ],
        )
        mentorships = []
        for position, placement in zip(positions, placements, strict=True):
            case, spec = self.case_rows[position], self.cases[position]
            ended = self.closed_at.get(position)
            mentorships.append(
                Mentorship(
                    placement_id=placement.pk,
                    case_id=case.pk,
                    mentor_id=self.mentor_users[spec.mentor].pk,
                    mentee_id=placement.attorney_id,
                    assigned_by_id=self.staff.pk,
                    started_at=min(placement.placed_at + datetime.timedelta(days=1), ended or self.now),
                    ended_at=ended,
                    cadence_days=7 if case.detained else 30,
                    status=MentorshipStatus.ENDED if ended else MentorshipStatus.ACTIVE,
                )
            )
        self.mentorships = _create(Mentorship, mentorships)
        return len(offers) + len(placements) + len(self.mentorships)

    def _checkins(self) -> int:
        rng = self.rng
        if not self.sizes.checkins:
            return 0
        spans = [
            (mentorship, timezone.localtime(mentorship.started_at).date(),
             timezone.localtime(mentorship.ended_at or self.now).date())
            for mentorship in self.mentorships
        ]  # fmt: skip
        # Longer pairings have met more often.
        chosen = rng.choices(spans, weights=[(end - start).days + 1 for _m, start, end in spans], k=self.sizes.checkins)
        modes = CheckInMode.values

        def checkins() -> Iterator[CheckIn]:
            for mentorship, start, end in chosen:
                by_mentor = rng.random() < 0.7
                occurred = start + datetime.timedelta(days=rng.randint(0, (end - start).days))
                logged = timezone.make_aware(datetime.datetime.combine(occurred, datetime.time(18, rng.randrange(60))))
                yield CheckIn(
                    mentorship_id=mentorship.pk,
                    logged_by_id=mentorship.mentor_id if by_mentor else mentorship.mentee_id,
                    occurred_on=occurred,
                    created_at=min(logged, self.now),
                    mode=rng.choice(modes),
                    topics=rng.sample(CHECKIN_TOPIC_VALUES, rng.randint(1, 3)),
                    minutes=rng.choice((15, 30, 30, 45, 60, 90)),
                    next_steps="Agreed next steps for the coming weeks.",
                    needs_staff_attention=rng.random() < 0.05,
                    notes=rng.choice(CHECKIN_NOTES),
                    pairing_rating=rng.choice((None, None, 3, 4, 4, 5, 5, 2)),
                )

        with _timestamps_kept(CheckIn, "created_at"):
            return _insert(CheckIn, checkins())


def scale_sizes_describe(sizes: ScaleSizes) -> str:
    """One line naming every count, for the operator."""
    words = {"open_cases": "open (seeking) cases", "checkins": "check-ins"}
    return ", ".join(f"{value:,} {words.get(name, name)}" for name, value in asdict(sizes).items())
