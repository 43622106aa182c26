"""The verification page is served from the page cache before the rest of the stack, but never
past its rate limit or a revocation."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from courses.certificates import ratelimit
from courses.certificates.models import Certificate
from courses.certificates.services import certificate_revoke
from courses.certificates.tasks import certificates_issue_task
from home.page_cache import CACHE_STATUS_HEADER
from tests.conftest import login_client
from tests.factories import StaffFactory

SECURITY_HEADERS = ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"]
# Headers that belong to one exchange, not to the page.
PER_EXCHANGE = {CACHE_STATUS_HEADER.lower(), "date", "content-length", "set-cookie"}


class ViewReached:
    """Last in the stack: records every request that got past the page cache to the view."""

    paths: list[str] = []

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        ViewReached.paths.append(request.path)
        return self.get_response(request)


@pytest.fixture
def view_reached(settings):
    ViewReached.paths = []
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.ViewReached"]
    return ViewReached.paths


@pytest.fixture
def certificate(completed):
    certificates_issue_task.delay(completed.pk).get()
    return Certificate.objects.get()


def verify(code: str, client=None):
    return (client or Client()).get(reverse("certificates:verify", kwargs={"code": code}))


def statuses(code: str, times: int, client=None) -> list[int]:
    return [verify(code, client).status_code for _ in range(times)]


def page_headers(response) -> dict[str, object]:
    headers = {name.lower(): value for name, value in response.items() if name.lower() not in PER_EXCHANGE}
    # The order of Vary's fields means nothing.
    headers["vary"] = {field.strip().lower() for field in headers.get("vary", "").split(",")}
    return headers


def test_a_second_lookup_is_served_from_the_cache(certificate):
    first, second = verify(certificate.code), verify(certificate.code)
    assert (first[CACHE_STATUS_HEADER], second[CACHE_STATUS_HEADER]) == ("miss", "hit")
    assert second.content == first.content


def test_a_stored_answer_is_served_before_the_rest_of_the_stack(certificate, view_reached):
    assert verify(certificate.code)[CACHE_STATUS_HEADER] == "miss"
    assert verify(certificate.code)[CACHE_STATUS_HEADER] == "hit"
    assert len(view_reached) == 1


def test_a_stored_answer_still_counts_against_the_rate_limit(certificate, settings, view_reached):
    settings.CERTIFICATE_VERIFY_LOOKUPS_PER_WINDOW = 3
    responses = [verify(certificate.code) for _ in range(4)]
    assert [r.status_code for r in responses] == [200, 200, 200, 429]
    assert [r.get(CACHE_STATUS_HEADER) for r in responses[:3]] == ["miss", "hit", "hit"]
    # The two hits never reached the view: the page cache counted them.
    assert len(view_reached) == 2


def test_when_every_answer_is_stored_the_limit_still_ends_the_lookups(certificate, settings):
    verify(certificate.code, Client(REMOTE_ADDR="203.0.113.1"))  # stored from another address
    settings.CERTIFICATE_VERIFY_LOOKUPS_PER_WINDOW = 2
    client = Client(REMOTE_ADDR="203.0.113.2")
    first, second, third = (verify(certificate.code, client) for _ in range(3))
    assert (first[CACHE_STATUS_HEADER], second[CACHE_STATUS_HEADER]) == ("hit", "hit")
    assert third.status_code == 429 and CACHE_STATUS_HEADER not in third


@pytest.mark.parametrize("limit", [1, 5])
def test_each_lookup_counts_once(certificate, settings, limit):
    settings.CERTIFICATE_VERIFY_LOOKUPS_PER_WINDOW = limit
    assert statuses(certificate.code, limit + 1) == [200] * limit + [429]


def test_asking_twice_about_one_request_counts_it_once(db, settings):
    settings.CERTIFICATE_VERIFY_LOOKUPS_PER_WINDOW = 1
    request = RequestFactory().get("/")
    assert ratelimit.verification_allowed(request=request)
    assert ratelimit.verification_allowed(request=request)
    assert not ratelimit.verification_allowed(request=RequestFactory().get("/"))


def test_each_lookup_counts_once_with_the_page_cache_off(certificate, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.CERTIFICATE_VERIFY_LOOKUPS_PER_WINDOW = 3
    assert statuses(certificate.code, 4) == [200, 200, 200, 429]


def test_a_signed_in_users_lookup_counts_once(certificate, settings):
    settings.CERTIFICATE_VERIFY_LOOKUPS_PER_WINDOW = 3
    assert statuses(certificate.code, 4, login_client(StaffFactory())) == [200, 200, 200, 429]


def test_a_stored_answer_carries_the_same_headers_as_a_fresh_one(certificate):
    miss, hit = verify(certificate.code), verify(certificate.code)
    assert hit[CACHE_STATUS_HEADER] == "hit"
    assert page_headers(hit) == page_headers(miss)
    for name in SECURITY_HEADERS:
        assert hit[name] == miss[name], name


def test_the_refusal_carries_the_security_headers(certificate, settings):
    verify(certificate.code)  # stored
    settings.CERTIFICATE_VERIFY_LOOKUPS_PER_WINDOW = 1
    client = Client(REMOTE_ADDR="203.0.113.3")
    assert verify(certificate.code, client)[CACHE_STATUS_HEADER] == "hit"
    refused = verify(certificate.code, client)
    assert refused.status_code == 429
    assert b"Too many attempts" in refused.content
    for name in SECURITY_HEADERS:
        assert name in refused, name


def test_a_revocation_is_shown_at_once(certificate):
    verify(certificate.code)
    stored = verify(certificate.code)
    assert stored[CACHE_STATUS_HEADER] == "hit" and b"Valid" in stored.content
    certificate_revoke(certificate=certificate, by=StaffFactory(), reason="Attendance could not be confirmed")
    fresh = verify(certificate.code)
    assert fresh[CACHE_STATUS_HEADER] == "miss"
    assert "Revoked" in fresh.content.decode()


def test_a_signed_in_user_is_never_served_a_stored_answer(certificate):
    verify(certificate.code)  # stored
    assert verify(certificate.code)[CACHE_STATUS_HEADER] == "hit"
    response = verify(certificate.code, login_client(StaffFactory()))
    assert response.status_code == 200
    assert CACHE_STATUS_HEADER not in response
    assert b"Sign out" in response.content


def test_a_signed_in_users_answer_is_never_stored(certificate):
    verify(certificate.code, login_client(StaffFactory()))
    assert verify(certificate.code)[CACHE_STATUS_HEADER] == "miss"


def test_a_visitor_with_a_session_cookie_is_answered_fresh(certificate):
    verify(certificate.code)  # stored
    client = Client()
    client.cookies["sessionid"] = "not-a-session"
    assert CACHE_STATUS_HEADER not in verify(certificate.code, client)


def test_an_unknown_code_is_never_stored(db):
    assert verify("ZZZZZZZZZZZZ").status_code == 404
    response = verify("ZZZZZZZZZZZZ")
    assert response.status_code == 404 and CACHE_STATUS_HEADER not in response


def test_misses_end_the_lookups_of_a_stored_answer_too(certificate, monkeypatch):
    monkeypatch.setattr(ratelimit, "MISSES_PER_WINDOW", 2)
    verify(certificate.code)  # stored
    assert statuses("ZZZZZZZZZZZZ", 2) == [404, 404]
    assert verify(certificate.code).status_code == 429
