"""Concurrency on PostgreSQL: two staff offering one case, one attorney accepting two offers."""

import threading

import pytest
from django.db import IntegrityError, connection, connections, transaction

from mentorship.models import CaseOffer, CaseStatus, OfferStatus, Placement
from mentorship.services.offers import (
    OfferError,
    offer_accept,
    offer_confirm_no_conflict,
    offer_send,
    offer_view_parties,
)
from tests.factories import CaseFactory, StaffFactory, attorney_with_profile

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _run_together(*calls):
    """Run each call in its own thread and database connection, released at the same instant."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def worker(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = ("ok", call())
        except Exception as exc:  # noqa: BLE001 - the test inspects whatever each side raised
            results[index] = ("error", exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.mark.parametrize("attempt", range(3))
def test_two_staff_offering_the_same_case_at_once_leave_one_pending_offer(attempt):
    staff_a, staff_b = StaffFactory(), StaffFactory()
    case = CaseFactory(status=CaseStatus.SEEKING, created_by=staff_a)
    first, second = attorney_with_profile(), attorney_with_profile()
    results = _run_together(
        lambda: offer_send(case=case, attorney=first, by=staff_a),
        lambda: offer_send(case=case, attorney=second, by=staff_b),
    )
    outcomes = sorted(kind for kind, _value in results)
    assert outcomes == ["error", "ok"], results
    assert isinstance(next(value for kind, value in results if kind == "error"), OfferError)
    assert CaseOffer.objects.filter(case=case, status=OfferStatus.PENDING).count() == 1
    case.refresh_from_db()
    assert case.status == CaseStatus.OFFERED


def test_attorney_accepting_two_offers_at_capacity_one_gets_one_placement(monkeypatch):
    import time

    from mentorship.models import AttorneyProfile
    from mentorship.services import placement_rules

    count = placement_rules.open_placement_count

    def slow_count(**kwargs):
        # Widen the window between counting and placing: without the row lock on the
        # attorney's profile, both accepts would count zero and both would place.
        result = count(**kwargs)
        time.sleep(0.3)
        return result

    monkeypatch.setattr(placement_rules, "open_placement_count", slow_count)
    staff = StaffFactory()
    attorney = attorney_with_profile(capacity=2)
    offers = []
    for _ in range(2):
        offer = offer_send(case=CaseFactory(status=CaseStatus.SEEKING, created_by=staff), attorney=attorney, by=staff)
        offer_view_parties(offer=offer, by=attorney)
        offer_confirm_no_conflict(offer=offer, by=attorney)
        offers.append(offer)
    # Both offers were sent within capacity; then the attorney lowered it to one.
    AttorneyProfile.objects.filter(user=attorney).update(capacity=1)
    results = _run_together(*(lambda o=o: offer_accept(offer=o, by=attorney) for o in offers))
    assert sorted(kind for kind, _value in results) == ["error", "ok"], results
    assert Placement.objects.filter(attorney=attorney, closed_at__isnull=True).count() == 1
    assert CaseOffer.objects.filter(attorney=attorney, status=OfferStatus.ACCEPTED).count() == 1


def test_database_alone_refuses_a_second_live_offer_even_without_locks():
    staff = StaffFactory()
    case = CaseFactory(status=CaseStatus.SEEKING, created_by=staff)
    first, second = attorney_with_profile(), attorney_with_profile()
    import datetime

    from django.utils import timezone

    expires = timezone.now() + datetime.timedelta(days=3)
    CaseOffer.objects.create(case=case, attorney=first, expires_at=expires)
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseOffer.objects.create(case=case, attorney=second, expires_at=expires)
    assert connection.vendor == "postgresql"


@pytest.mark.parametrize("attempt", range(2))
def test_an_override_and_a_plain_offer_sent_at_once_leave_one_pending_offer(attempt):
    from mentorship.models import ReliefTypeRequirement
    from tests.factories import CoursePageFactory

    staff_a, staff_b = StaffFactory(), StaffFactory()
    ReliefTypeRequirement.objects.create(relief_type="u_visa", course=CoursePageFactory())
    case = CaseFactory(status=CaseStatus.SEEKING, relief_types=["u_visa"], created_by=staff_a)
    untrained, also_untrained = attorney_with_profile(), attorney_with_profile()
    results = _run_together(
        lambda: offer_send(
            case=case,
            attorney=untrained,
            by=staff_a,
            override_reason="Trained elsewhere; certificate on file.",
            override_codes=["training"],
        ),
        lambda: offer_send(
            case=case,
            attorney=also_untrained,
            by=staff_b,
            override_reason="Completing the course this week.",
            override_codes=["training"],
        ),
    )
    assert sorted(kind for kind, _value in results) == ["error", "ok"], results
    assert CaseOffer.objects.filter(case=case, status=OfferStatus.PENDING).count() == 1
    assert CaseOffer.objects.get(case=case).override_codes == ["training"]
