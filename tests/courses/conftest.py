import pytest

from tests.factories import (
    CoursePageFactory,
    EnrollmentFactory,
    LessonPageFactory,
    catalog_page,
    knowledge_check_data,
    question_data,
    text_block,
)


@pytest.fixture
def catalog(db):
    return catalog_page()


@pytest.fixture
def course(catalog):
    return CoursePageFactory(parent=catalog, title="Gender-based asylum", slug="gender-based-asylum")


@pytest.fixture
def lessons(course):
    first = LessonPageFactory(parent=course, title="Particular social group", slug="psg")
    second = LessonPageFactory(
        parent=course,
        title="Nexus",
        slug="nexus",
        body=[
            text_block("<p>Nexus asks whether a protected ground is at least one central reason.</p>"),
            knowledge_check_data(
                [
                    question_data(
                        "Which standard applies to nexus in asylum cases?",
                        ["Sole reason", "One central reason", "Any reason at all"],
                        {1},
                        explanation="INA 208(b)(1)(B)(i): one central reason.",
                    )
                ]
            ),
        ],
    )
    return [first, second]


@pytest.fixture
def enrollment(volunteer, course, lessons):
    return EnrollmentFactory(user=volunteer, course=course)


FINAL_QUESTIONS = [
    question_data("Q1 nexus standard?", ["Sole", "One central reason", "Any"], {1}, explanation="Explained 1"),
    question_data("Q2 U visa cap?", ["5,000", "10,000", "No cap"], {1}, explanation="Explained 2"),
    question_data(
        "Q3 T visa elements?", ["Trafficking", "Physical presence", "Prior conviction"], {0, 1}, multiple=True
    ),
    question_data("Q4 VAWA abuser status?", ["USC or LPR", "Any noncitizen", "Asylee"], {0}),
]


@pytest.fixture
def final_course(course, lessons):
    course.final_assessment = [{"type": "question", "value": value} for value in FINAL_QUESTIONS]
    course.pass_mark_percent = 75
    course.max_attempts = 2
    course.save_revision().publish()
    course.refresh_from_db()
    return course
