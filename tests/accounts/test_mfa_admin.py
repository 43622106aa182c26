"""The Wagtail admin (/cms/) is behind the MFA gate for everyone who can reach it.

Content editors change what every attorney is taught, revoke certificates and read the CLE
attendance record (names, bar numbers): like mentors and staff, they enrol an authenticator
first. Superusers too.
"""

import pytest
from django.urls import reverse

from tests.factories import EditorFactory, UserFactory, VolunteerFactory, totp_enrol

pytestmark = pytest.mark.django_db

ADMIN_PATHS = [
    "/cms/",
    "/cms/pages/",
    "/cms/account/",
    "/cms/images/",
    "/cms/pages/search/?q=asylum",
    "/cms/api/main/pages/?child_of=1&for_explorer=1",
    "/cms/tag-autocomplete/?term=a",
    "/cms/choose-page/",
    "/cms/certificates/",
    "/cms/nothing/here/",
]
JSON_HEADERS = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest", "HTTP_ACCEPT": "application/json"}


def superuser():
    return UserFactory(is_superuser=True, is_staff=True)


def unenrolled_editor():
    return EditorFactory(mfa=False)


@pytest.mark.parametrize("make", [unenrolled_editor, superuser], ids=["editor", "superuser"])
@pytest.mark.parametrize("path", ADMIN_PATHS)
def test_admin_user_without_authenticator_is_sent_to_enrol_from_every_admin_url(client_for, make, path):
    client = client_for(make())
    for response in (client.get(path), client.get(path, **JSON_HEADERS), client.post(path, {}, **JSON_HEADERS)):
        assert response.status_code == 302, path
        assert response.url == reverse("mfa_activate_totp")
        assert response.content == b""


@pytest.mark.parametrize("make", [unenrolled_editor, superuser], ids=["editor", "superuser"])
def test_admin_user_without_authenticator_does_not_reach_the_attendance_record(client_for, make):
    response = client_for(make()).get(reverse("certificates_cle:attendance"), {"export": "csv"})
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


@pytest.mark.parametrize("make", [EditorFactory, superuser], ids=["editor", "superuser"])
def test_admin_user_with_totp_gets_in(client_for, make):
    user = make()
    totp_enrol(user)
    client = client_for(user)
    assert client.get("/cms/").status_code == 200
    response = client.get("/cms/api/main/pages/", **JSON_HEADERS)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")


def test_editor_without_authenticator_is_sent_to_enrol_from_case_routes_too(client_for):
    response = client_for(unenrolled_editor()).get("/staff/")
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


@pytest.mark.parametrize("path", ["/cms/", "/cms/account/", "/cms/pages/"])
def test_signed_in_people_without_admin_access_get_404_from_the_admin_not_a_redirect_loop(client_for, path):
    # Wagtail sends them to sign in, and signing in sends a signed-in user back: a loop.
    response = client_for(VolunteerFactory()).get(path)
    assert response.status_code == 404


def test_enrolment_page_itself_is_reachable_without_an_authenticator(client_for):
    assert client_for(unenrolled_editor()).get(reverse("mfa_activate_totp")).status_code == 200


def test_demo_editor_and_administrator_are_enrolled_like_mentors_and_staff_and_told_so(demo_seed):
    from allauth.mfa.models import Authenticator

    from accounts.models import User
    from accounts.services import user_must_use_mfa

    printed = demo_seed()
    for user in User.objects.all():
        if user_must_use_mfa(user=user):
            assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists(), user.email
    assert user_must_use_mfa(user=User.objects.get(email="editor@probono.example"))
    assert "editors" in printed.split("one-time code")[0].lower()
