"""A course chosen by id in a form: an id no row can have is a form error, never a 500.

Course pages are keyed by their Wagtail page pointer (a one-to-one key), whose lookups do not
get Django's integer-range guard: on SQLite an id past 64 bits failed in the driver
(OverflowError) on the staff training-requirement form and the CLE report filter. Found by
tests/platform/test_fuzz_forms.py.
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from mentorship.models import ReliefTypeRequirement
from tests.factories import CoursePageFactory, EditorFactory, StaffFactory, totp_enrol

pytestmark = pytest.mark.django_db

TOO_BIG = "100000000000000000000"


def test_a_required_course_id_no_row_can_have_is_a_clear_error(client_for):
    CoursePageFactory()
    staff = StaffFactory()
    totp_enrol(staff)
    client = client_for(staff)
    response = client.post(reverse("staff:relief_requirement_add"), {"relief_type": "asylum", "course": TOO_BIG})
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Choose a relief type and a course."]
    assert not ReliefTypeRequirement.objects.exists()


@pytest.mark.parametrize("value", [TOO_BIG, "-1", "0", "1e3", "9" * 400])
def test_the_cle_report_filter_refuses_an_impossible_course_id(client_for, value):
    CoursePageFactory()
    response = client_for(EditorFactory()).get(reverse("certificates_cle:activity"), {"course": value})
    assert response.status_code == 200
