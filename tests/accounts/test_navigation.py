import pytest
from django.urls import NoReverseMatch, reverse

from accounts.roles import Role
from tests.factories import EditorFactory, MentorFactory, StaffFactory, UserFactory, VolunteerFactory

pytestmark = pytest.mark.django_db


def nav_routes(response) -> set[str]:
    return {item["route"] for item in response.context["nav_items"]}


def installed(route: str) -> bool:
    try:
        reverse(route)
    except NoReverseMatch:
        return False
    return True


ROLE_ROUTES = {
    "volunteer": ["certificates:transcript", "mentorship:my_cases"],
    "mentor": ["mentorship:mentor_home"],
    "program_staff": ["staff:home"],
    "content_editor": ["wagtailadmin_home"],
}
FACTORIES = {
    "volunteer": VolunteerFactory,
    "mentor": MentorFactory,
    "program_staff": StaffFactory,
    "content_editor": EditorFactory,
}


@pytest.mark.parametrize("role", list(FACTORIES))
def test_each_role_sees_its_own_navigation_and_no_other(client_for, role):
    from tests.factories import totp_enrol

    user = FACTORIES[role]()
    totp_enrol(user)
    routes = nav_routes(client_for(user).get(reverse("dashboard")))
    for own in ROLE_ROUTES[role]:
        assert installed(own), own
        assert own in routes
    for other_role, other_routes in ROLE_ROUTES.items():
        if other_role != role:
            assert not routes & set(other_routes), other_role


def test_a_person_with_two_roles_sees_both(client_for):
    user = UserFactory(roles=[Role.MENTOR, Role.VOLUNTEER])
    routes = nav_routes(client_for(user).get(reverse("dashboard")))
    assert "dashboard" in routes
    for route in ROLE_ROUTES["volunteer"] + ROLE_ROUTES["mentor"]:
        assert route in routes


def test_roles_do_not_imply_each_other():
    staff = StaffFactory()
    assert staff.is_program_staff
    assert not staff.is_mentor and not staff.is_volunteer and not staff.is_content_editor
    editor = EditorFactory()
    assert editor.is_content_editor and not editor.is_program_staff


def test_anonymous_navigation(client):
    routes = nav_routes(client.get("/"))
    assert "dashboard" not in routes
    assert not routes & {r for rs in ROLE_ROUTES.values() for r in rs}


def test_content_editor_reaches_wagtail_admin_and_volunteer_does_not(client_for):
    assert client_for(EditorFactory()).get("/cms/").status_code == 200
    response = client_for(VolunteerFactory()).get("/cms/")
    assert response.status_code == 404
