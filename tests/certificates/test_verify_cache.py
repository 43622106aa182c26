"""The verification page is cached for visitors, but never past its rate limit or a revocation."""

import pytest
from django.test import Client
from django.urls import reverse

from courses.certificates.models import Certificate
from courses.certificates.services import certificate_revoke
from courses.certificates.tasks import certificates_issue_task
from home.page_cache import CACHE_STATUS_HEADER
from tests.factories import StaffFactory


@pytest.fixture
def certificate(completed):
    certificates_issue_task.delay(completed.pk).get()
    return Certificate.objects.get()


def verify(code: str):
    return Client().get(reverse("certificates:verify", kwargs={"code": code}))


def test_a_second_lookup_is_served_from_the_cache(certificate):
    first, second = verify(certificate.code), verify(certificate.code)
    assert (first[CACHE_STATUS_HEADER], second[CACHE_STATUS_HEADER]) == ("miss", "hit")
    assert second.content == first.content
    assert "Content-Security-Policy" in second


def test_a_revocation_is_shown_at_once(certificate):
    assert b"Valid" in verify(certificate.code).content
    certificate_revoke(certificate=certificate, by=StaffFactory(), reason="Attendance could not be confirmed")
    html = verify(certificate.code).content.decode()
    assert "Revoked" in html


def test_a_stored_answer_still_counts_against_the_rate_limit(certificate, settings):
    settings.CERTIFICATE_VERIFY_LOOKUPS_PER_WINDOW = 2
    assert verify(certificate.code).status_code == 200
    assert verify(certificate.code)[CACHE_STATUS_HEADER] == "hit"
    assert verify(certificate.code).status_code == 429


def test_an_unknown_code_is_never_stored(db):
    assert verify("ZZZZZZZZZZZZ").status_code == 404
    response = verify("ZZZZZZZZZZZZ")
    assert response.status_code == 404 and CACHE_STATUS_HEADER not in response
