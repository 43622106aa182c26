"""Every mentorship and staff URL × every role: exactly what the policy allows, 404 otherwise.

Rows live in ``AUTHZ_MATRIX`` dicts in any ``tests/mentorship/test_*.py`` module, so each
owner of a view adds its rows beside its own tests; a route without a row fails here. A row is
``(method, kwargs_builder(people) or None, {role: expected status})`` for every role in
``ROLES``; ``people`` is the ``world`` fixture (tests/mentorship/conftest.py) plus
``volunteer``, ``editor``, ``anonymous`` (None) and ``former_mentor``, who mentored
``placed_attorney`` on ``placed_case`` in ``ended_mentorship`` (with ``ended_checkin`` and
``ended_goal``) before ``mentor`` took over, and ``removed_co_counsel``, who was co-counsel on
``placed_case`` until staff removed them from its team. Use ``expect()``/``staff_only()`` below.
"""

import importlib
import pkgutil

import pytest
from django.urls import get_resolver, reverse
from django.urls.resolvers import URLResolver

import tests.mentorship as this_package
from tests.factories import EditorFactory, VolunteerFactory

ROLES = (
    "anonymous",
    "volunteer",
    "offered_attorney",
    "placed_attorney",
    "other_attorney",
    "removed_co_counsel",
    "mentor",
    "other_mentor",
    "former_mentor",
    "staff",
    "editor",
)
SIGNED_IN = ROLES[1:]
ATTORNEYS = ("volunteer", "offered_attorney", "placed_attorney", "other_attorney", "removed_co_counsel")
PROFILED_ATTORNEYS = ("offered_attorney", "placed_attorney", "other_attorney", "removed_co_counsel")
MENTORS = ("mentor", "other_mentor", "former_mentor")


def expect(allowed, code, *, denied=404):
    """Allowed roles get ``code``; other signed-in roles 404; anonymous is sent to sign in."""
    result = dict.fromkeys(SIGNED_IN, denied)
    result.update(dict.fromkeys(allowed, code))
    result["anonymous"] = 302
    return result


def staff_only(code=200):
    return expect(("staff",), code)


def _case(key):
    return lambda w: {"pk": w[key].pk}


# route name -> list of rows: (method, kwargs builder, expected status by role)
AUTHZ_MATRIX = {
    "mentorship:my_cases": [("get", None, expect(ATTORNEYS, 200))],
    "mentorship:case_detail": [
        ("get", _case("placed_case"), expect(("placed_attorney", "mentor", "staff"), 200)),
        ("get", _case("offered_case"), expect(("offered_attorney", "staff"), 200)),
        ("get", _case("seeking_case"), expect(("staff",), 200)),
    ],
    "mentorship:hours_add": [("post", _case("placed_case"), expect(("placed_attorney",), 200))],
    "mentorship:open_cases": [("get", None, expect(ATTORNEYS, 200))],
    "mentorship:interest_add": [("post", _case("seeking_case"), expect(PROFILED_ATTORNEYS, 302))],
    "mentorship:my_offers": [("get", None, expect(ATTORNEYS, 200))],
    "mentorship:offer_detail": [("get", _case("offer"), expect(("offered_attorney",), 200))],
    "mentorship:offer_parties": [("post", _case("offer"), expect(("offered_attorney",), 302))],
    "mentorship:offer_conflict_check": [("post", _case("offer"), expect(("offered_attorney",), 302))],
    "mentorship:offer_accept": [("post", _case("offer"), expect(("offered_attorney",), 302))],
    "mentorship:offer_decline": [("get", _case("offer"), expect(("offered_attorney",), 200))],
    "mentorship:attorney_profile": [("get", None, expect(ATTORNEYS, 200))],
    "mentorship:mentor_home": [("get", None, expect(MENTORS, 200))],
    "mentorship:mentor_profile": [("get", None, expect(MENTORS, 200))],
    "staff:home": [("get", None, staff_only())],
    "staff:cases_export": [("get", None, staff_only())],
    "staff:case_create": [("get", None, staff_only())],
    "staff:case_detail": [("get", _case("placed_case"), staff_only())],
    "staff:case_edit": [("get", _case("placed_case"), staff_only())],
    "staff:case_status": [("post", _case("seeking_case"), staff_only(302))],
    "staff:case_date_add": [("post", _case("seeking_case"), staff_only(302))],
    "staff:case_date_verify": [
        ("post", lambda w: {"pk": w["dated_case"].pk, "date_pk": w["case_date"].pk}, staff_only(302))
    ],
    "staff:case_date_delete": [
        ("post", lambda w: {"pk": w["dated_case"].pk, "date_pk": w["case_date"].pk}, staff_only(302))
    ],
    "staff:offer_send": [("post", _case("seeking_case"), staff_only(302))],
    "staff:case_conflict_add": [("post", _case("seeking_case"), staff_only(302))],
    "staff:offer_withdraw": [("post", _case("offer"), staff_only(302))],
    "staff:conflicts": [("get", None, staff_only())],
    "staff:conflict_delete": [("post", _case("conflict"), staff_only(302))],
    "staff:mentor_assign": [("get", _case("placement"), staff_only())],
    "staff:placement_close": [
        ("get", _case("placement"), staff_only()),
        ("post", _case("placement"), staff_only()),  # an empty form comes back with its errors
    ],
    "staff:mentorship_end": [("post", _case("mentorship"), staff_only(302))],
    "staff:attorneys": [("get", None, staff_only())],
    "staff:attorney_detail": [("get", lambda w: {"pk": w["placed_attorney"].pk}, staff_only())],
    "staff:mentors": [("get", None, staff_only())],
    "staff:mentor_detail": [("get", lambda w: {"pk": w["mentor"].pk}, staff_only())],
    "staff:matching_settings": [("get", None, staff_only())],
    "staff:relief_requirement_add": [("post", None, staff_only(302))],
    "staff:relief_requirement_delete": [("post", _case("requirement"), staff_only(302))],
}


def _all_matrices() -> dict:
    merged = {}
    for info in pkgutil.iter_modules(this_package.__path__):
        if not info.name.startswith("test_"):
            continue
        module = importlib.import_module(f"tests.mentorship.{info.name}")
        for route, rows in getattr(module, "AUTHZ_MATRIX", {}).items():
            merged.setdefault(route, []).extend(rows)
    return merged


def _routes(namespace: str) -> set[str]:
    resolver = get_resolver()
    names = set()

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = pattern.namespace
                walk(pattern.url_patterns, f"{prefix}{ns}:" if ns else prefix)
            elif pattern.name:
                names.add(f"{prefix}{pattern.name}")

    walk(resolver.url_patterns, "")
    return {name for name in names if name.startswith(f"{namespace}:")}


def test_every_mentorship_and_staff_route_has_a_matrix_row():
    routes = _routes("mentorship") | _routes("staff")
    assert "staff:home" in routes and "mentorship:my_cases" in routes
    missing = sorted(routes - set(_all_matrices()))
    assert not missing, f"Routes without an authorization matrix row: {missing}"
    stale = sorted(set(AUTHZ_MATRIX) - routes)
    assert not stale, f"Matrix rows for routes that no longer exist: {stale}"


@pytest.fixture
def people(world):
    from tests.factories import CaseDateFactory
    from tests.factories.mentorship import CaseFactory

    editor = EditorFactory()
    dated_case = CaseFactory(status="seeking", created_by=world["staff"])
    from mentorship.services.conflicts import conflict_record

    conflict = conflict_record(by=world["staff"], attorney=world["other_attorney"], case=dated_case)
    from mentorship.models import ReliefTypeRequirement
    from tests.factories import CoursePageFactory

    requirement = ReliefTypeRequirement.objects.create(relief_type="t_visa", course=CoursePageFactory())
    ended = ended_pairing(placement=world["placement"])
    removed_co_counsel = removed_team_member(world)
    return {
        **world,
        "anonymous": None,
        "volunteer": VolunteerFactory(),
        "editor": editor,
        "dated_case": dated_case,
        "case_date": CaseDateFactory(case=dated_case),
        "conflict": conflict,
        "requirement": requirement,
        "removed_co_counsel": removed_co_counsel,
        **ended,
    }


def removed_team_member(world):
    """An attorney who joined ``placed_case``'s team as co-counsel and was removed from it."""
    from mentorship.models import TeamRole
    from mentorship.services.offers import offer_accept, offer_confirm_no_conflict, offer_view_parties, placement_close
    from mentorship.services.team import team_offer_send
    from tests.factories import attorney_with_profile

    attorney = attorney_with_profile()
    offer = team_offer_send(case=world["placed_case"], attorney=attorney, role=TeamRole.CO_COUNSEL, by=world["staff"])
    offer_view_parties(offer=offer, by=attorney)
    offer_confirm_no_conflict(offer=offer, by=attorney)
    placement = offer_accept(offer=offer, by=attorney)
    placement_close(placement=placement, by=world["staff"], reason="Left the firm")
    return attorney


def ended_pairing(*, placement) -> dict:
    """An earlier mentor of the placement, whose pairing ended, with a check-in and a goal."""
    from django.utils import timezone

    from mentorship.models import MentoringGoal, MentorshipStatus
    from tests.factories import CheckInFactory, MentorProfileFactory, MentorshipFactory, totp_enrol

    former_mentor = MentorProfileFactory().user
    totp_enrol(former_mentor)
    mentorship = MentorshipFactory(
        placement=placement, mentor=former_mentor, status=MentorshipStatus.ENDED, ended_at=timezone.now()
    )
    return {
        "former_mentor": former_mentor,
        "ended_mentorship": mentorship,
        "ended_checkin": CheckInFactory(mentorship=mentorship, logged_by=former_mentor),
        "ended_goal": MentoringGoal.objects.create(mentorship=mentorship, title="Earlier goal"),
    }


def _rows():
    for route, rows in sorted(_all_matrices().items()):
        for index, row in enumerate(rows):
            yield pytest.param(route, row, id=f"{route}#{index}")


@pytest.mark.django_db
@pytest.mark.parametrize(("route", "row"), list(_rows()))
def test_role_sees_exactly_what_policy_allows(route, row, people, client_for):
    from django.test import Client

    method, kwargs_for, expected = row
    url = reverse(route, kwargs=kwargs_for(people) if kwargs_for else None)
    # Denied roles first, so an allowed POST that changes state cannot mask a denial.
    order = sorted(ROLES, key=lambda role: expected[role] not in (404, 302) or role == "anonymous")
    failures = []
    for role in order:
        user = people[role]
        # A denial never waits for a password confirmation: denied roles have none that is fresh.
        denied = expected[role] == 404 and role != "staff"
        client = Client() if user is None else client_for(user, reauthenticated=not denied)
        response = getattr(client, method)(url)
        if response.status_code != expected[role]:
            failures.append(f"{role}: {response.status_code} (expected {expected[role]})")
        if role == "anonymous" and expected[role] == 302 and response.status_code == 302:
            assert "/accounts/login/" in response["Location"]
    assert not failures, f"{method.upper()} {route}: " + "; ".join(failures)
