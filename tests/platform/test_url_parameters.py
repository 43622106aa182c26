"""Hostile values in every URL parameter of every route, by GET and POST, as every role (S25).

The walk resolves the whole URLconf (the project's routes, allauth, Wagtail's admin and
document serving, and Wagtail's page serving under "/"), fills each parameter of each route
in turn with values that break naive handling of its kind (ids past the 64-bit range,
negative, zero and non-numeric ids; NUL bytes, overlong and numeric strings, path
traversal), and sends each path by GET and POST anonymously and as a signed-in user of
each role. No answer may be a 5xx: an id that no object can have is a 404 (or, signed out,
a redirect to sign in). A route whose parameters the walk cannot fill fails the test.
"""

import re
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import Resolver404, URLResolver, get_resolver, resolve
from django.urls.converters import IntConverter, PathConverter, SlugConverter, StringConverter, UUIDConverter
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

from lms.converters import IdConverter, TextConverter, TextPathConverter
from tests.conftest import login_client
from tests.factories import EditorFactory, MentorFactory, StaffFactory, UserFactory, VolunteerFactory, totp_enrol

# Hostile values for each kind of parameter; the first one of each kind is also the
# harmless filler used for the other parameters of a route while one of them is varied.
HOSTILE = {
    "int": ["1", str(2**63), str(2**64), str(10**30), str(2**63 - 1), "0", "-1", "abc"],
    "slug": ["a", "9" * 30, "-", "a" * 300, str(2**63)],
    "str": ["a", "\x00", "9" * 30, "a" * 1000, "<script>", "..", "😀", str(2**63)],
    "path": ["a", "a/\x00/", "../../etc/passwd", "a/" * 40, str(2**63) + "/", "9" * 30],
    "uuid": ["00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"],
}

# Django's converters, and the project's, by the kind of value they take.
CONVERTER_KINDS = {IntConverter: "int", SlugConverter: "slug", StringConverter: "str", PathConverter: "path"}
CONVERTER_KINDS |= {UUIDConverter: "uuid", IdConverter: "int", TextConverter: "str", TextPathConverter: "path"}

# Routes written as regular expressions (re_path), with the kind of each group in order.
# A regex route with groups that is not listed here fails the walk.
REGEX_ROUTES = {
    r"^((?:[\w\-]+/)*)$": "{path}",  # Wagtail page serving under "/"
    r"^(?P<pk>\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\d+)\.\.\.(?P<revision_id_b>live|latest|\d+)/$": (
        "{int}/revisions/compare/{int}...{int}/"
    ),
    r"^confirm-email/(?P<key>[-:\w]+)/$": "confirm-email/{slug}/",
    r"^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": "password/reset/key/{slug}-{str}/",
    r"^.*/$": "{str}/",  # the Wagtail admin's catch-all 404
    # Development media, present when the URLconf was loaded with DEBUG on (another test may reload it so).
    r"^media/(?P<path>.*)$": "media/{str}",
}
SLOT = re.compile(r"\{(\w+)\}")
ROUTE_SLOT = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<parameter>[^>]+)>")


def iter_patterns(patterns=None, chain: tuple = (), namespace: str = "") -> Iterator[tuple[tuple, str]]:
    """Every endpoint of the URLconf: the chain of patterns leading to it, and its name (or route)."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from iter_patterns(entry.url_patterns, (*chain, entry.pattern), inner)
        else:
            chain_here = (*chain, entry.pattern)
            yield chain_here, namespace + (entry.name or "".join(str(p) for p in chain_here))


class Slot(str):
    """A parameter in a route, named by the kind of value it takes."""


def _parts(pattern) -> list[str]:
    """The pattern as literal text and Slots, in order."""
    if isinstance(pattern, LocalePrefixPattern):
        return [pattern.language_prefix]
    if isinstance(pattern, RoutePattern):
        parts, last, route = [], 0, str(pattern)
        for match in ROUTE_SLOT.finditer(route):
            converter = pattern.converters[match["parameter"]]
            kind = next((k for cls, k in CONVERTER_KINDS.items() if isinstance(converter, cls)), None)
            if kind is None:
                raise LookupError(f"no hostile values for converter {type(converter).__name__}")
            parts += [route[last : match.start()], Slot(kind)]
            last = match.end()
        return [*parts, route[last:]]
    if isinstance(pattern, RegexPattern):
        regex = str(pattern)
        if pattern.regex.groups == 0:
            literal = re.sub(r"\\(.)", r"\1", regex.removeprefix("^").removesuffix("$"))
            if not pattern.regex.fullmatch(literal):
                raise LookupError(f"cannot read regex route {regex!r} as plain text")
            return [literal]
        if regex not in REGEX_ROUTES:
            raise LookupError(f"regex route {regex!r} has no entry in REGEX_ROUTES")
        template, parts, last = REGEX_ROUTES[regex], [], 0
        for match in SLOT.finditer(template):
            parts += [template[last : match.start()], Slot(match[1])]
            last = match.end()
        return [*parts, template[last:]]
    raise LookupError(f"unknown pattern type {type(pattern).__name__}")


def _route(chain: tuple) -> str:
    """The route as Django's resolver reports it in ResolverMatch.route."""
    route = ""
    for pattern in chain:
        piece = str(pattern)
        route = route + piece.removeprefix("^") if route else piece
    return route


def hostile_paths() -> tuple[list[tuple[str, str, str]], list[str]]:
    """(name, route, path) for each hostile value in each parameter of each route; and the routes not filled."""
    paths, unfillable = [], []
    for chain, name in iter_patterns():
        try:
            parts = [part for pattern in chain for part in _parts(pattern)]
        except LookupError as error:
            unfillable.append(f"{name}: {error}")
            continue
        slots = [index for index, part in enumerate(parts) if isinstance(part, Slot)]
        for slot in slots:
            for value in HOSTILE[parts[slot]][1:]:
                filled = [HOSTILE[part][0] if isinstance(part, Slot) else part for part in parts]
                filled[slot] = value
                path = "/" + "".join(
                    quote(p, safe="/") if isinstance(parts[i], Slot) else p for i, p in enumerate(filled)
                )
                paths.append((name, _route(chain), path))
    return paths, unfillable


def test_every_route_with_parameters_can_be_filled():
    paths, unfillable = hostile_paths()
    assert not unfillable, "\n".join(unfillable)
    assert len({route for _name, route, _path in paths}) > 150


# Where a refused visitor may be sent instead of a 4xx: signing in, MFA, re-authentication.
SIGN_IN_PREFIXES = ("/accounts/login/", "/cms/login/", "/accounts/2fa/", "/accounts/reauthenticate/")

# Routes that answer an unknown key with a page saying so (200), and how that page shows it.
INVALID_LINK_PAGES = {
    # allauth: "this link is invalid or has expired", with a way to ask for a new one.
    "account_confirm_email": lambda response: response.context["confirmation"] is None,
    "account_reset_password_from_key": lambda response: response.context["token_fail"] is True,
    # Wagtail: releasing an editing session that is not there has nothing to do.
    "wagtailadmin_editing_sessions:release": lambda response: response.json() == {},
}


def _problem(name: str, path: str, response) -> str | None:
    status = response.status_code
    if 400 <= status < 500:
        return None
    if 300 <= status < 400:
        location = response["Location"]
        if location.startswith(SIGN_IN_PREFIXES):
            return None
        if path.startswith("/cms/") and location.startswith("/cms/"):
            # The Wagtail admin refuses an unknown object with a message on an admin page.
            return None
        return f"{status} to {location[:80]}"
    if status == 200 and name in INVALID_LINK_PAGES and INVALID_LINK_PAGES[name](response):
        return None
    return str(status)


# Who reaches the Wagtail admin's views: editors and superusers; anonymous visitors are sent to sign in.
ADMIN_VISITORS = ("anonymous", "editor", "superuser")


@pytest.fixture
def visitors(db) -> dict[str, Client]:
    mentor, staff, superuser = MentorFactory(), StaffFactory(), UserFactory(is_superuser=True, is_staff=True)
    for user in (mentor, staff, superuser):
        totp_enrol(user)
    clients = {
        "anonymous": Client(),
        "volunteer": login_client(VolunteerFactory()),
        "mentor": login_client(mentor),
        "staff": login_client(staff),
        "editor": login_client(EditorFactory()),
        "superuser": login_client(superuser),
    }
    for client in clients.values():
        client.raise_request_exception = False
    return clients


def _send(client: Client, method: str, path: str):
    response = getattr(client, method)(path)
    if response.status_code == 301 and response["Location"] == quote(path, safe="/%") + "/":
        # CommonMiddleware's APPEND_SLASH: the answer is that of the path with the slash.
        response = getattr(client, method)(response["Location"])
    return response


@pytest.mark.slow
def test_hostile_url_parameters_never_answer_5xx_for_any_role(visitors):
    paths, unfillable = hostile_paths()
    assert not unfillable, "\n".join(unfillable)
    problems = []
    for name, route, path in paths:
        try:
            reaches_route = resolve(path).route == route
        except Resolver404:
            reaches_route = False
        if not reaches_route:
            # Refused by routing: it falls through to another route (Wagtail's page serving or
            # the admin's 404, walked here with their own hostile values) or to none. The
            # route's view does not run, whoever asks and however, so one request shows it.
            senders, methods = {"anonymous": visitors["anonymous"]}, ("get",)
        elif path.startswith("/cms/"):
            # The Wagtail admin turns away the roles without admin access before any view runs.
            senders, methods = {v: visitors[v] for v in ADMIN_VISITORS}, ("get", "post")
        else:
            senders, methods = visitors, ("get", "post")
        for visitor, client in senders.items():
            for method in methods:
                response = _send(client, method, path)
                problem = _problem(name, path, response)
                if problem:
                    problems.append(f"{visitor} {method.upper()} {name} {path[:100]!r}: {problem}")
    assert not problems, f"{len(problems)} answers out of bounds:\n" + "\n".join(problems)


def test_every_id_in_the_urlconf_uses_the_id_converter():
    """Wagtail's and allauth's `<int:...>` routes too: none may take an id no row can have."""
    left = [
        f"{route}: {parameter}"
        for chain, route in iter_patterns()
        for pattern in chain
        if isinstance(pattern, RoutePattern)
        for parameter, converter in pattern.converters.items()
        if type(converter) is IntConverter
    ]
    assert not left, "routes still with <int:...>: " + ", ".join(left)


def test_no_text_parameter_in_the_urlconf_takes_control_characters():
    """A NUL byte in a `str` parameter reached a query and failed in PostgreSQL (Wagtail's workflow tasks)."""
    left = [
        f"{route}: {parameter}"
        for chain, route in iter_patterns()
        for pattern in chain
        if isinstance(pattern, RoutePattern)
        for parameter, converter in pattern.converters.items()
        if type(converter) in (StringConverter, PathConverter)
    ]
    assert not left, "routes whose text parameters take control characters: " + ", ".join(left)


@pytest.mark.parametrize("value", ["0", str(2**63), str(10**30)])
def test_the_id_converter_refuses_ids_no_row_can_have(value):
    with pytest.raises(ValueError):
        IdConverter().to_python(value)
    assert IdConverter().to_python(str(2**63 - 1)) == 2**63 - 1
