"""Random input to every page and form, as every kind of visitor, on the demo site (S25).

Hypothesis posts field names taken from every form of the project, with hostile values, to
every walked route, and sends random query strings with GETs. No response may be a 500
(the test client re-raises any exception a view lets escape), and no page may show
exception text.
"""

import os

import pytest
from django import forms
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from accounts.models import User
from tests.conftest import login_client

from .test_every_page import VISITORS, walked_paths

FORM_MODULES = ("accounts.forms", "courses.forms", "courses.certificates.forms", "mentorship.forms")
HOSTILE = [
    "",
    "on",
    "0",
    "-1",
    "1e309",
    "9" * 40,
    "2026-02-30",
    "31/12/2026",
    "\x00",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    '=HYPERLINK("x")',
    "../../etc/passwd",
    "ſpa, xx, 😀",
]


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def form_field_names() -> list[str]:
    import importlib

    for module in FORM_MODULES:
        importlib.import_module(module)
    names = {name for form in _subclasses(forms.BaseForm) for name in getattr(form, "base_fields", {})}
    return sorted(names | {"next", "confirm", "code", "pk", "id", "export", "kind", "status"})


FIELD_NAMES = form_field_names()
values = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=60),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
)
# Every field name of the project, each present or not, so each form meets all of its own
# fields with hostile values (and the routes without a form meet them as stray input).
payloads = st.fixed_dictionaries(
    {}, optional={name: st.one_of(values, st.lists(values, max_size=3)) for name in FIELD_NAMES}
)


# The roles whose pages take input; signed-out visitors and editors only meet redirects
# and 404s on these routes (the page walk covers those).
FUZZED_VISITORS = ("volunteer", "mentor", "staff")


@pytest.fixture
def demo_site(db, demo_seed):
    demo_seed()
    clients = {visitor: login_client(User.objects.get(email=VISITORS[visitor])) for visitor in FUZZED_VISITORS}
    return walked_paths(), clients


# Each example sends one payload to every page as one visitor, by GET and by POST (about
# 220 requests). CI sends 24; a local `make test` 6 (after the explicit empty payload as staff),
# to stay quick. FUZZ_EXAMPLES sets the count, e.g. for a longer hunt.
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES") or (24 if os.environ.get("CI") else 6))


@pytest.mark.timeout(1800)
@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.slow
@example(visitor="staff", payload={})
@given(visitor=st.sampled_from(FUZZED_VISITORS), payload=payloads)
def test_random_input_to_every_page_never_fails(demo_site, visitor, payload):
    paths, clients = demo_site
    client = clients[visitor]
    for path in paths:
        for method in ("get", "post"):
            response = getattr(client, method)(path, payload)
            assert response.status_code < 500, f"{method} {path} as {visitor}: {response.status_code}"
            if response.get("Content-Type", "").startswith("text/html"):
                body = response.content.decode(errors="replace")
                assert "Traceback" not in body, f"{method} {path} as {visitor}"
