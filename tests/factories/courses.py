import datetime
import uuid
from decimal import Decimal

import factory
import wagtail_factories

from courses.models import (
    BarAdmission,
    CourseAccreditation,
    CourseIndexPage,
    CoursePage,
    CourseSession,
    CreditCategory,
    Enrollment,
    Jurisdiction,
    LessonPage,
)

from .accounts import VolunteerFactory

__all__ = [
    "JurisdictionFactory",
    "CreditCategoryFactory",
    "BarAdmissionFactory",
    "CourseIndexPageFactory",
    "CoursePageFactory",
    "LessonPageFactory",
    "CourseAccreditationFactory",
    "EnrollmentFactory",
    "CourseSessionFactory",
    "running_session_times",
    "catalog_page",
    "question_data",
    "knowledge_check_data",
    "text_block",
]


class JurisdictionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Jurisdiction
        django_get_or_create = ("code",)

    code = "NY"
    name = factory.LazyAttribute(lambda o: {"NY": "New York", "CA": "California", "IL": "Illinois"}.get(o.code, o.code))
    credit_hour_minutes = factory.LazyAttribute(lambda o: 50 if o.code == "NY" else 60)
    credit_increment = factory.LazyAttribute(lambda o: Decimal("0.5") if o.code == "NY" else Decimal("0.25"))
    minimum_minutes_for_credit = factory.LazyAttribute(lambda o: 25 if o.code == "NY" else 0)
    attendance_code_interval_minutes = factory.LazyAttribute(lambda o: 50 if o.code == "NY" else None)
    requires_affirmation = factory.LazyAttribute(lambda o: o.code == "NY")
    retention_years = 4
    reporting_cycle_months = factory.LazyAttribute(lambda o: 36 if o.code == "CA" else 24)


class CreditCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CreditCategory
        django_get_or_create = ("jurisdiction", "code")

    jurisdiction = factory.SubFactory(JurisdictionFactory)
    code = factory.Sequence(lambda n: f"category-{n}")
    name = factory.LazyAttribute(lambda o: o.code.replace("-", " ").title())


class BarAdmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BarAdmission

    user = factory.SubFactory(VolunteerFactory)
    jurisdiction = factory.SubFactory(JurisdictionFactory)
    bar_number = factory.Sequence(lambda n: f"{4000000 + n}")
    status = BarAdmission.Status.ACTIVE
    admitted_on = datetime.date(2015, 6, 1)


def _home_page():
    """The site's home page; rebuilt (locale, root, home, site) if a transactional test flushed the tree."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage

    home = HomePage.objects.filter(depth=2).first()
    if home:
        return home
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=HomePage(title="Home", slug="home"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Home"}
    )
    # The flush also took the editors' page permissions the data migration granted on the old home page.
    _grant_editor_permissions()
    return home


def _grant_editor_permissions() -> None:
    from importlib import import_module

    from django.apps import apps

    import_module("courses.migrations.0008_content_editor_authoring").grant(apps, None)


def catalog_page() -> CourseIndexPage:
    """The live catalog page under the site's home page (created once)."""
    existing = CourseIndexPage.objects.first()
    if existing:
        return existing
    home = _home_page()
    index = CourseIndexPage(title="Courses", slug="courses")
    home.add_child(instance=index)
    return index


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Courses"
    slug = "courses"


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    parent = factory.LazyFunction(catalog_page)
    title = factory.Sequence(lambda n: f"Course {n}")
    slug = factory.Sequence(lambda n: f"course-{n}")
    summary = "What a volunteer attorney needs to know."
    relief_types = factory.LazyFunction(lambda: ["asylum"])
    estimated_minutes = 60
    minimum_engaged_minutes = 0


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPage

    parent = factory.SubFactory(CoursePageFactory)
    title = factory.Sequence(lambda n: f"Lesson {n}")
    slug = factory.Sequence(lambda n: f"lesson-{n}")
    estimated_minutes = 20
    body = factory.LazyFunction(lambda: [text_block("<p>Lesson text.</p>")])


class CourseAccreditationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseAccreditation

    course = factory.SubFactory(CoursePageFactory)
    jurisdiction = factory.SubFactory(JurisdictionFactory)
    provider_name = "Pro Bono Academy"
    provider_number = "PB-001"
    course_number = factory.Sequence(lambda n: f"C-{n}")
    format = CourseAccreditation.Format.ON_DEMAND


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrollment

    user = factory.SubFactory(VolunteerFactory)
    course = factory.SubFactory(CoursePageFactory)


class CourseSessionFactory(factory.django.DjangoModelFactory):
    """A webinar on 12 March 2030, 14:00-15:30 Chicago time, 20 seats, code LANTERN42."""

    class Meta:
        model = CourseSession

    course = factory.SubFactory(CoursePageFactory)
    format = CourseSession.Format.WEBINAR
    date = datetime.date(2030, 3, 12)
    start_time = datetime.time(14, 0)
    end_time = datetime.time(15, 30)
    time_zone = "America/Chicago"
    join_url = "https://meet.example/pba-live"
    location = ""
    capacity = 20
    attendance_code = "LANTERN42"


def running_session_times(*, started_minutes_ago: int = 5, minutes: int = 60) -> dict:
    """Date, times and zone of a session running now, in a zone where it does not cross midnight."""
    import zoneinfo

    from django.utils import timezone

    for name in ("UTC", "America/Chicago", "Asia/Tokyo", "Europe/Berlin", "Pacific/Auckland"):
        now = timezone.now().astimezone(zoneinfo.ZoneInfo(name))
        start = (now - datetime.timedelta(minutes=started_minutes_ago)).replace(second=0, microsecond=0)
        end = start + datetime.timedelta(minutes=minutes)
        if start.date() == end.date():
            return {"date": start.date(), "start_time": start.time(), "end_time": end.time(), "time_zone": name}
    raise AssertionError("no zone keeps the session within one day")


def text_block(html: str) -> dict:
    return {"type": "text", "value": html, "id": str(uuid.uuid4())}


def question_data(prompt: str, choices: list[str], correct: set[int], explanation: str = "", multiple=False) -> dict:
    return {
        "prompt": prompt,
        "allow_multiple": multiple,
        "choices": [{"text": text, "correct": index in correct} for index, text in enumerate(choices)],
        "explanation": explanation,
    }


def knowledge_check_data(questions: list[dict], heading: str = "Check your understanding") -> dict:
    return {
        "type": "knowledge_check",
        "id": str(uuid.uuid4()),
        "value": {"heading": heading, "questions": questions},
    }
