"""Every courses route, as every kind of visitor: no 500, never another user's data, quick exit on HTML."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from courses import services
from courses.models import QuizAttempt
from tests.factories import BarAdmissionFactory, EnrollmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def paths(final_course, lessons, volunteer):
    enrollment = EnrollmentFactory(user=volunteer, course=final_course)
    token = services.quiz_token_issue(enrollment=enrollment, kind=QuizAttempt.Kind.FINAL)
    from django.http import QueryDict

    services.quiz_attempt_submit(enrollment=enrollment, token=token, data=QueryDict("q0=1"))
    admission = BarAdmissionFactory(user=volunteer)
    return {
        "get": [
            reverse("courses:catalog"),
            final_course.get_parent().url,
            final_course.get_parent().url + "?q=nexus&relief=asylum&jurisdiction=NY&category=1&language=en",
            final_course.url,
            lessons[0].url,
            lessons[1].url,
            reverse("courses:my_learning"),
            reverse("courses:resume", args=[final_course.pk]),
            reverse("courses:assessment", args=[final_course.pk]),
            reverse("courses:assessment_result", args=[final_course.pk, 1]),
            reverse("courses:assessment_result", args=[final_course.pk, 99]),
            reverse("courses:bar_admissions"),
            reverse("courses:bar_admission_edit", args=[admission.pk]),
            reverse("courses:enroll", args=[final_course.pk]),
            reverse("courses:heartbeat", args=[lessons[0].pk]),
        ],
        "post": [
            (reverse("courses:enroll", args=[999999]), {}),
            (reverse("courses:heartbeat", args=[999999]), {}),
            (reverse("courses:lesson_complete", args=[lessons[0].pk]), {}),
            (reverse("courses:attendance_code", args=[lessons[0].pk]), {"entry": "abc", "code": ""}),
            (reverse("courses:attendance_code", args=[lessons[0].pk]), {"entry": "999999", "code": "X"}),
            (reverse("courses:knowledge_check", args=[lessons[1].pk]), {"token": "forged"}),
            (reverse("courses:assessment", args=[final_course.pk]), {"token": "forged", "q0": "x"}),
            (reverse("courses:affirm", args=[final_course.pk]), {"affirm": "yes"}),
            (reverse("courses:bar_admission_edit", args=[admission.pk]), {"admitted_on": "yesterday"}),
            (reverse("courses:bar_admission_delete", args=[999999]), {}),
        ],
    }


@pytest.mark.parametrize("who", ["anonymous", "owner", "stranger", "mentor"])
def test_every_courses_route_answers_without_error(paths, who, volunteer, user, mentor):
    client = Client()
    if who != "anonymous":
        client.force_login({"owner": volunteer, "stranger": user, "mentor": mentor}[who])
    problems = []
    for path in paths["get"]:
        response = client.get(path)
        if response.status_code >= 500:
            problems.append(f"GET {path}: {response.status_code}")
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            html = response.content.decode()
            if 'id="quick-exit"' not in html:
                problems.append(f"GET {path}: no quick exit")
            if re.search(r'\sstyle="', html):
                problems.append(f"GET {path}: inline style attribute")
    for path, data in paths["post"]:
        response = client.post(path, data)
        if response.status_code >= 500:
            problems.append(f"POST {path}: {response.status_code}")
    assert not problems, "\n".join(problems)


def test_strangers_get_404_for_someone_elses_learning_records(paths, user, final_course):
    client = Client()
    client.force_login(user)
    for name, args in [
        ("courses:assessment_result", [final_course.pk, 1]),
        ("courses:resume", [final_course.pk]),
        ("courses:assessment", [final_course.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 404, name
