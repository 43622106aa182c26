"""Routes that ask for the password again (bulk exports, purges) answer 404 to everyone who
may not use them before asking: the password page would tell them the route exists."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import AuditEvent
from mentorship.selectors.reports import EXPORTS
from tests.conftest import login_client
from tests.factories import EditorFactory, VolunteerFactory

pytestmark = pytest.mark.django_db

# (method, route, kwargs builder) for every route behind a password confirmation.
CONFIRMED_ROUTES = [
    ("get", "staff:cases_export", lambda w: {}),
    *[("get", "staff:report_csv", lambda w, kind=kind: {"kind": kind}) for kind in EXPORTS],
    ("post", "staff:case_purge", lambda w: {"pk": w["placed_case"].pk}),
]
IDS = ["cases_export", *[f"report_csv-{kind}" for kind in EXPORTS], "case_purge"]


def _url(world, route, kwargs):
    return reverse(route, kwargs=kwargs(world))


@pytest.mark.parametrize(("method", "route", "kwargs"), CONFIRMED_ROUTES, ids=IDS)
@pytest.mark.parametrize("who", ["volunteer", "mentor", "placed_attorney", "editor"])
def test_non_staff_without_a_fresh_confirmation_get_404_not_the_password_page(world, method, route, kwargs, who):
    user = {"volunteer": VolunteerFactory, "editor": EditorFactory}.get(who, lambda: world[who])()
    client = login_client(user, reauthenticated=False)
    response = getattr(client, method)(_url(world, route, kwargs))
    assert response.status_code == 404
    assert AuditEvent.objects.filter(actor=user, action=AuditEvent.Action.DENIED).exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).exists()


@pytest.mark.parametrize(("method", "route", "kwargs"), CONFIRMED_ROUTES, ids=IDS)
def test_anonymous_is_sent_to_sign_in_as_on_every_staff_route(world, method, route, kwargs):
    response = getattr(Client(), method)(_url(world, route, kwargs))
    other = Client().get(reverse("staff:home"))
    assert response.status_code == other.status_code == 302
    assert response["Location"].split("?")[0] == other["Location"].split("?")[0] == reverse("account_login")


@pytest.mark.parametrize(("method", "route", "kwargs"), CONFIRMED_ROUTES, ids=IDS)
def test_staff_with_a_stale_confirmation_are_asked_for_the_password(world, method, route, kwargs):
    client = login_client(world["staff"], reauthenticated=False)
    response = getattr(client, method)(_url(world, route, kwargs))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
