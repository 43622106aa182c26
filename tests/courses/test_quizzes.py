import re

import pytest
from django.http import QueryDict
from django.urls import reverse

from courses import services
from courses.models import QuizAttempt
from tests.factories import EnrollmentFactory, knowledge_check_data, question_data, text_block

pytestmark = pytest.mark.django_db


def post_data(answers: dict[int, list[int]], token: str = "") -> QueryDict:
    data = QueryDict(mutable=True)
    if token:
        data["token"] = token
    for index, chosen in answers.items():
        data.setlist(f"q{index}", [str(choice) for choice in chosen])
    return data


def form(data: QueryDict) -> dict[str, list[str]]:
    """QueryDict -> what the test client encodes with every value (its items() keeps only the last)."""
    return dict(data.lists())


def quiz_markup(html: str) -> str:
    start = html.index('<section class="knowledge-check')
    return html[start : html.index("</section>", start)]


def test_lesson_html_does_not_reveal_which_choice_is_correct(client_for, volunteer, course, lessons):
    EnrollmentFactory(user=volunteer, course=course)
    client = client_for(volunteer)
    lesson = lessons[1]
    html = client.get(lesson.url).content.decode()
    assert "Which standard applies to nexus" in html
    assert "INA 208(b)(1)(B)(i)" not in html  # the explanation waits for a submission
    first = re.sub(r'value="[^"]*"|id="[^"]*"|for="[^"]*"|check-[0-9a-f-]+', "", quiz_markup(html))
    assert "correct" not in first.lower()

    # Mark a different choice correct: the learner's markup must not change at all.
    check = knowledge_check_data(
        [
            question_data(
                "Which standard applies to nexus in asylum cases?",
                ["Sole reason", "One central reason", "Any reason at all"],
                {2},
                explanation="INA 208(b)(1)(B)(i): one central reason.",
            )
        ]
    )
    check["id"] = lesson.body[1].id
    lesson.body = [text_block("<p>Nexus asks whether a protected ground is at least one central reason.</p>"), check]
    lesson.save_revision().publish()
    second = re.sub(
        r'value="[^"]*"|id="[^"]*"|for="[^"]*"|check-[0-9a-f-]+',
        "",
        quiz_markup(client.get(lesson.url).content.decode()),
    )
    assert first == second


def test_final_assessment_page_hides_answers_and_grades_on_the_server(client_for, volunteer, final_course):
    EnrollmentFactory(user=volunteer, course=final_course)
    client = client_for(volunteer)
    url = reverse("courses:assessment", args=[final_course.pk])
    html = client.get(url).content.decode()
    assert "Q1 nexus standard?" in html
    form_html = html[html.index('<form method="post" class="assessment"') :]
    assert "correct" not in form_html.lower()
    assert "Explained 1" not in html
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)

    response = client.post(url, form(post_data({0: [1], 1: [1], 2: [0, 1], 3: [0]}, token)))
    attempt = QuizAttempt.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("courses:assessment_result", args=[final_course.pk, 1])
    assert [q["is_correct"] for q in attempt.answers["questions"]] == [True, True, True, True], attempt.answers
    assert attempt.score_percent == 100 and attempt.passed
    assert [q["is_correct"] for q in attempt.answers["questions"]] == [True, True, True, True]


def test_client_cannot_claim_a_score(volunteer, final_course):
    enrollment = EnrollmentFactory(user=volunteer, course=final_course)
    token = services.quiz_token_issue(enrollment=enrollment, kind=QuizAttempt.Kind.FINAL)
    data = post_data({0: [0]}, token)
    data["score"] = "100"
    data["passed"] = "true"
    outcome = services.quiz_attempt_submit(enrollment=enrollment, token=token, data=data)
    assert outcome.attempt.score_percent == 0
    assert outcome.attempt.passed is False


def test_multiple_answer_question_needs_exactly_the_correct_set(volunteer, final_course):
    enrollment = EnrollmentFactory(user=volunteer, course=final_course)
    token = services.quiz_token_issue(enrollment=enrollment, kind=QuizAttempt.Kind.FINAL)
    outcome = services.quiz_attempt_submit(
        enrollment=enrollment, token=token, data=post_data({0: [1], 1: [1], 2: [0, 1, 2], 3: [0]})
    )
    assert [q["is_correct"] for q in outcome.attempt.answers["questions"]] == [True, True, False, True]
    assert outcome.attempt.score_percent == 75


def test_double_submission_records_one_attempt(client_for, volunteer, final_course):
    EnrollmentFactory(user=volunteer, course=final_course)
    client = client_for(volunteer)
    url = reverse("courses:assessment", args=[final_course.pk])
    token = re.search(r'name="token" value="([^"]+)"', client.get(url).content.decode()).group(1)
    data = post_data({0: [0], 1: [0], 2: [2], 3: [1]}, token)
    first = client.post(url, form(data))
    second = client.post(url, form(data))
    assert first["Location"] == second["Location"]
    assert QuizAttempt.objects.count() == 1


def test_attempt_limit_is_enforced_and_every_attempt_is_kept(volunteer, final_course):
    enrollment = EnrollmentFactory(user=volunteer, course=final_course)
    for _ in range(final_course.max_attempts):
        token = services.quiz_token_issue(enrollment=enrollment, kind=QuizAttempt.Kind.FINAL)
        services.quiz_attempt_submit(enrollment=enrollment, token=token, data=post_data({0: [0]}))
    token = services.quiz_token_issue(enrollment=enrollment, kind=QuizAttempt.Kind.FINAL)
    with pytest.raises(services.LearningError):
        services.quiz_attempt_submit(enrollment=enrollment, token=token, data=post_data({0: [1]}))
    attempts = QuizAttempt.objects.filter(enrollment=enrollment).order_by("number")
    assert [a.number for a in attempts] == [1, 2]
    assert all(not a.passed for a in attempts)


def test_tampered_or_foreign_token_is_refused(volunteer, final_course):
    enrollment = EnrollmentFactory(user=volunteer, course=final_course)
    other = EnrollmentFactory(course=final_course)
    token = services.quiz_token_issue(enrollment=other, kind=QuizAttempt.Kind.FINAL)
    with pytest.raises(services.LearningError):
        services.quiz_attempt_submit(enrollment=enrollment, token=token, data=post_data({0: [1]}))
    with pytest.raises(services.LearningError):
        services.quiz_attempt_submit(enrollment=enrollment, token=token + "x", data=post_data({0: [1]}))
    assert not QuizAttempt.objects.exists()


def test_results_reveal_correct_answers_only_after_pass_or_last_attempt(client_for, volunteer, final_course):
    enrollment = EnrollmentFactory(user=volunteer, course=final_course)
    client = client_for(volunteer)
    token = services.quiz_token_issue(enrollment=enrollment, kind=QuizAttempt.Kind.FINAL)
    services.quiz_attempt_submit(enrollment=enrollment, token=token, data=post_data({0: [0]}))
    html = client.get(reverse("courses:assessment_result", args=[final_course.pk, 1])).content.decode()
    assert "Explained 1" not in html and "correct answer" not in html
    token = services.quiz_token_issue(enrollment=enrollment, kind=QuizAttempt.Kind.FINAL)
    services.quiz_attempt_submit(enrollment=enrollment, token=token, data=post_data({0: [0]}))
    html = client.get(reverse("courses:assessment_result", args=[final_course.pk, 2])).content.decode()
    assert "Explained 1" in html


def test_knowledge_check_is_graded_and_shown_with_explanation(client_for, volunteer, course, lessons):
    EnrollmentFactory(user=volunteer, course=course)
    client = client_for(volunteer)
    lesson = lessons[1]
    html = client.get(lesson.url).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    response = client.post(reverse("courses:knowledge_check", args=[lesson.pk]), form(post_data({0: [1]}, token)))
    assert response.status_code == 302
    attempt = QuizAttempt.objects.get()
    assert attempt.kind == QuizAttempt.Kind.KNOWLEDGE_CHECK and attempt.passed
    html = client.get(lesson.url).content.decode()
    assert "INA 208(b)(1)(B)(i)" in html


def test_other_users_cannot_reach_an_assessment_they_are_not_enrolled_in(client_for, user, final_course):
    response = client_for(user).get(reverse("courses:assessment", args=[final_course.pk]))
    assert response.status_code == 404
