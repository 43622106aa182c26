"""The demo's statements of law are current, cited, and dated: what the lessons and quizzes teach.

The sources each statement was checked against are listed in the notes that accompany this
change (the README's "Law in the demo courses" section). These tests pin what was fixed, so a
later edit cannot quietly put the old errors back.
"""

import datetime
import io
import re

import pytest
from django.test import Client

from courses import demo, services
from courses.demo_content import COURSES
from courses.models import LessonPage

LAW_AS_OF = datetime.date(2026, 12, 2)


def course(slug: str) -> dict:
    return next(spec for spec in COURSES if spec["slug"] == slug)


def question_texts(question) -> list[str]:
    prompt, choices, _correct, explanation = question
    return [prompt, *choices, explanation]


def chunks(spec: dict) -> list[str]:
    """Every piece of text a learner reads in a course: lesson blocks, callouts, questions with
    their choices and explanations, and the final assessment. One string per block or question,
    so a caveat must sit in the same block as the statement it qualifies."""
    found = [spec["summary"], *spec["objectives"]]
    for lesson in spec["lessons"]:
        found.append(lesson["title"])
        for kind, value in lesson["blocks"]:
            if kind == "text":
                found.append(value)
            elif kind == "callout":
                _kind, heading, text = value
                found.append(f"{heading} {text}")
            elif kind == "check":
                found.extend(" ".join(question_texts(q)) for q in value)
    found.extend(" ".join(question_texts(q)) for q in spec["final"])
    return found


def all_chunks() -> list[str]:
    return [chunk for spec in COURSES for chunk in chunks(spec)]


def text_of(spec: dict) -> str:
    return " ".join(chunks(spec))


def questions(spec: dict) -> list:
    found = list(spec["final"])
    for lesson in spec["lessons"]:
        for kind, value in lesson["blocks"]:
            if kind == "check":
                found.extend(value)
    return found


# --- Asylum: the particular social group after K-E-S-G- and S-S-F-M- ----------------------------


def test_asylum_course_teaches_kesg_and_ssfm_with_their_citations():
    text = text_of(course("gender-based-asylum"))
    assert "Matter of K-E-S-G-, 29 I&amp;N Dec. 145 (BIA 2025)" in text
    assert "Matter of S-S-F-M- (A.G. 2025)" in text
    # What the reinstated decisions are, with their own citations.
    assert "Matter of A-B-, 27 I&amp;N Dec. 316 (A.G. 2018)" in text
    assert "Matter of A-B-, 28 I&amp;N Dec. 199 (A.G. 2021)" in text
    assert "Matter of L-E-A-, 27 I&amp;N Dec. 581 (A.G. 2019)" in text


def test_psg_lesson_says_what_is_foreclosed_and_what_remains():
    lesson = next(item for item in course("gender-based-asylum")["lessons"] if "social-group" in item["slug"])
    text = " ".join(value if kind == "text" else str(value) for kind, value in lesson["blocks"])
    assert "K-E-S-G-" in lesson["title"] and "S-S-F-M-" in lesson["title"]
    # Foreclosed before the Board and immigration judges.
    assert "sex, or by sex and nationality" in text
    assert "8 C.F.R. § 1003.10(d)" in text
    # What the decisions leave open.
    for remaining in ["political opinion", "female genital mutilation", "Convention Against Torture", "circuit"]:
        assert remaining in text, remaining


def test_no_lesson_or_quiz_says_a_b_2021_restored_the_pre_2018_framework():
    for chunk in all_chunks():
        assert not re.search(r"restor\w* the pre-2018", chunk), chunk
        assert "Which decision restored" not in chunk, chunk


def test_honduran_women_never_appears_as_a_viable_group_without_the_kesg_caveat():
    for chunk in all_chunks():
        if re.search(r"(Honduran|Salvadoran|Guatemalan) women\"", chunk) or "Honduran women" in chunk:
            assert "K-E-S-G-" in chunk, chunk


def test_the_restored_framework_quiz_is_replaced_by_one_true_today():
    finals = course("gender-based-asylum")["final"]
    prompts = [prompt for prompt, *_rest in finals]
    kesg = next(q for q in finals if "Honduran women" in q[0])
    prompt, choices, correct, explanation = kesg
    assert [choices[i] for i in correct] == ["It is not cognizable before the Board or an immigration judge"]
    assert "K-E-S-G-" in explanation
    assert not any("pre-2018" in prompt for prompt in prompts)


# --- Fixed statements in the other courses -----------------------------------------------------


def test_sijs_marriage_rule_is_unmarried_through_adjudication_of_the_i360():
    text = text_of(course("sijs"))
    assert "unmarried when the I-360 is filed and when it is decided" in text
    assert "8 C.F.R. § 204.11(b)(2)" in text
    assert "through adjustment" not in text
    assert "before adjusting loses eligibility" not in text


def test_sijs_lesson_states_state_court_age_limits_accurately():
    text = text_of(course("sijs"))
    assert "other states stop at 18" not in text
    assert "Family Court Act § 661(a)" in text
    assert "Probate Code § 1510.1" in text
    assert "ch. 119, § 39M" in text


def test_u_visa_indirect_victims_follow_the_regulation():
    text = text_of(course("u-visa"))
    assert "8 C.F.R. § 214.14(a)(14)(i)" in text
    assert "murder or manslaughter" in text
    assert "incompetent or incapacitated" in text
    assert "or is a child" not in text


def test_vawa_two_year_rules_distinguish_citizen_and_resident_abusers():
    text = text_of(course("vawa-self-petitions"))
    assert "INA § 204(a)(1)(B)(ii)(II)(aa)(CC)" in text
    assert "INA § 204(a)(1)(A)(iii)(II)(aa)(CC)" in text
    assert "lost status within the past two years due to an incident of domestic violence" in text
    assert "the same two-year window applies where the abuser died" not in text


def test_fees_are_stated_as_verified_with_their_source_and_a_check_before_filing():
    asylum = text_of(course("gender-based-asylum"))
    assert "Pub. L. 119-21" in asylum
    assert "$100" in asylum and "90 Fed. Reg. 34511" in asylum
    assert "annual asylum fee" in asylum.lower()
    assert "uscis.gov/g-1055" in asylum
    sijs = text_of(course("sijs"))
    assert "$250" in sijs and "8 U.S.C. § 1805" in sijs
    assert "uscis.gov/g-1055" in sijs


def test_every_quiz_question_has_valid_answer_indexes():
    for spec in COURSES:
        for prompt, choices, correct, _explanation in questions(spec):
            assert correct, prompt
            assert all(0 <= index < len(choices) for index in correct), prompt


def test_every_demo_lesson_has_a_law_as_of_date_and_a_reviewer():
    for spec in COURSES:
        assert spec["law_as_of"] == LAW_AS_OF, spec["slug"]
        assert spec["law_reviewed_by"].endswith("(demo faculty)"), spec["slug"]
        faculty = {name for name, *_rest in spec["faculty"]}
        reviewer = spec["law_reviewed_by"].split(",")[0]
        assert reviewer in faculty or reviewer in {name for other in COURSES for name, *_ in other["faculty"]}


# --- Seeded pages ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_seeded_lesson_shows_law_as_of_and_reviewer_near_its_title(volunteer):
    demo.seed(people={}, stdout=io.StringIO())
    lessons = list(LessonPage.objects.live().specific())
    assert len(lessons) >= 14
    client = Client()
    client.force_login(volunteer)
    enrolled = set()
    for lesson in lessons:
        assert lesson.law_as_of == LAW_AS_OF, lesson.slug
        assert lesson.law_reviewed_by, lesson.slug
        course_page = lesson.get_parent().specific
        if course_page.pk not in enrolled:
            services.enrollment_create(user=volunteer, course=course_page)
            enrolled.add(course_page.pk)
        html = client.get(lesson.url).content.decode()
        title_at = html.index("<h1 ")
        line_at = html.index("Law as of 2 December 2026")
        assert line_at > title_at and line_at - title_at < 600, lesson.slug
        reviewer = lesson.law_reviewed_by.replace("'", "&#x27;")
        assert f"Reviewed by {reviewer}" in html, lesson.slug


@pytest.mark.django_db
def test_a_lesson_without_a_review_date_shows_no_law_line(volunteer, course, lessons):
    services.enrollment_create(user=volunteer, course=course)
    client = Client()
    client.force_login(volunteer)
    html = client.get(lessons[0].url).content.decode()
    assert "Law as of" not in html
    assert "Reviewed by" not in html
