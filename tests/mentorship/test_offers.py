import datetime

import pytest
from django.core import mail
from django.db import IntegrityError
from django.utils import timezone

from accounts.models import AuditEvent
from mentorship.models import (
    Case,
    CaseOffer,
    CaseStatus,
    CaseStatusChange,
    Conflict,
    Mentorship,
    OfferStatus,
    Placement,
)
from mentorship.services import offers as offer_services
from mentorship.services.conflicts import conflict_record
from mentorship.services.offers import (
    OfferError,
    mentorship_assign,
    offer_accept,
    offer_confirm_no_conflict,
    offer_decline,
    offer_report_conflict,
    offer_send,
    offer_view_parties,
    offers_expire_due,
    placement_close,
)
from mentorship.tasks import offers_expire_task
from tests.factories import CaseFactory, CaseOfferFactory, MentorProfileFactory, PlacementFactory, attorney_with_profile

from .conftest import NOTES_SENTINEL, PARTY_SENTINEL

pytestmark = pytest.mark.django_db


def _accept(offer, attorney):
    offer_view_parties(offer=offer, by=attorney)
    offer_confirm_no_conflict(offer=offer, by=attorney)
    return offer_accept(offer=offer, by=attorney)


def test_send_offer_moves_case_to_offered_and_keeps_history(staff_user, attorney, django_capture_on_commit_callbacks):
    case = CaseFactory(status=CaseStatus.SEEKING, created_by=staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        offer = offer_send(case=case, attorney=attorney, by=staff_user, expires_in_days=3, cascade=False)
    case.refresh_from_db()
    assert case.status == CaseStatus.OFFERED
    assert offer.status == OfferStatus.PENDING
    assert offer.expires_at - offer.offered_at == datetime.timedelta(days=3)
    change = CaseStatusChange.objects.filter(case=case).latest("id")
    assert (change.from_status, change.to_status, change.changed_by) == ("seeking", "offered", staff_user)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [attorney.email]


def test_offer_emails_carry_no_client_details(staff_user, attorney, django_capture_on_commit_callbacks):
    case = CaseFactory(
        status=CaseStatus.SEEKING,
        created_by=staff_user,
        client_initials="QX",
        confidential_notes=NOTES_SENTINEL,
        adverse_parties=PARTY_SENTINEL,
        court="Sentinel Court Xy",
    )
    with django_capture_on_commit_callbacks(execute=True):
        offer = offer_send(case=case, attorney=attorney, by=staff_user)
        _accept(offer, attorney)
    assert mail.outbox
    for message in mail.outbox:
        text = message.subject + message.body
        for secret in (case.reference, "QX", NOTES_SENTINEL, PARTY_SENTINEL, "Sentinel Court"):
            assert secret not in text


def test_second_offer_on_same_case_is_refused(staff_user, attorney):
    case = CaseFactory(status=CaseStatus.SEEKING, created_by=staff_user)
    offer_send(case=case, attorney=attorney, by=staff_user)
    with pytest.raises(OfferError):
        offer_send(case=case, attorney=attorney_with_profile(), by=staff_user)
    assert CaseOffer.objects.filter(case=case).count() == 1


def test_database_refuses_two_live_offers_for_one_case(staff_user):
    offer = CaseOfferFactory()
    with pytest.raises(IntegrityError):
        CaseOfferFactory(case=offer.case)


def test_conflicted_attorney_cannot_be_offered(staff_user, attorney):
    case = CaseFactory(status=CaseStatus.SEEKING, created_by=staff_user)
    conflict_record(by=staff_user, attorney=attorney, case=case, reason="former counsel to respondent")
    with pytest.raises(OfferError):
        offer_send(case=case, attorney=attorney, by=staff_user)


def test_firm_conflict_with_adverse_party_blocks_every_attorney_of_the_firm(staff_user):
    lawyer = attorney_with_profile(firm_name="Smith & Jones LLP")
    case = CaseFactory(status=CaseStatus.SEEKING, created_by=staff_user, adverse_parties="John  ROE\nOther")
    conflict_record(by=staff_user, firm_name="smith & jones llp", adverse_party="john roe")
    with pytest.raises(OfferError):
        offer_send(case=case, attorney=lawyer, by=staff_user)
    assert "john roe" not in str(list(Conflict.objects.values()))


def test_accept_requires_conflict_confirmation_then_places(staff_user, attorney):
    case = CaseFactory(status=CaseStatus.SEEKING, created_by=staff_user)
    offer = offer_send(case=case, attorney=attorney, by=staff_user)
    with pytest.raises(OfferError):
        offer_accept(offer=offer, by=attorney)
    with pytest.raises(OfferError):
        offer_confirm_no_conflict(offer=offer, by=attorney)
    placement = _accept(offer, attorney)
    case.refresh_from_db()
    offer.refresh_from_db()
    assert case.status == CaseStatus.PLACED
    assert offer.status == OfferStatus.ACCEPTED
    assert placement.attorney == attorney and placement.offer == offer


def test_someone_else_cannot_accept_an_offer(staff_user, attorney):
    offer = offer_send(case=CaseFactory(status="seeking", created_by=staff_user), attorney=attorney, by=staff_user)
    intruder = attorney_with_profile()
    with pytest.raises(OfferError):
        offer_view_parties(offer=offer, by=intruder)
    with pytest.raises(OfferError):
        offer_accept(offer=offer, by=intruder)


def test_accept_after_expiry_is_refused(staff_user, attorney):
    offer = offer_send(case=CaseFactory(status="seeking", created_by=staff_user), attorney=attorney, by=staff_user)
    offer_view_parties(offer=offer, by=attorney)
    offer_confirm_no_conflict(offer=offer, by=attorney)
    CaseOffer.objects.filter(pk=offer.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    with pytest.raises(OfferError):
        offer_accept(offer=offer, by=attorney)
    assert not Placement.objects.exists()


def test_accept_beyond_capacity_is_refused(staff_user):
    attorney = attorney_with_profile(capacity=2)
    first = offer_send(case=CaseFactory(status="seeking", created_by=staff_user), attorney=attorney, by=staff_user)
    second = offer_send(case=CaseFactory(status="seeking", created_by=staff_user), attorney=attorney, by=staff_user)
    # The attorney lowers their capacity while both offers are pending.
    type(attorney.attorney_profile).objects.filter(user=attorney).update(capacity=1)
    _accept(first, attorney)
    with pytest.raises(OfferError):
        _accept(second, attorney)
    assert Placement.objects.filter(attorney=attorney).count() == 1


def test_paused_attorney_cannot_accept(staff_user, attorney):
    offer = offer_send(case=CaseFactory(status="seeking", created_by=staff_user), attorney=attorney, by=staff_user)
    attorney.attorney_profile.paused_until = timezone.localdate() + datetime.timedelta(days=10)
    attorney.attorney_profile.save()
    with pytest.raises(OfferError):
        _accept(offer, attorney)


def test_decline_needs_reason_and_returns_case_to_pool_without_cascade(staff_user, attorney):
    case = CaseFactory(status="seeking", created_by=staff_user)
    offer = offer_send(case=case, attorney=attorney, by=staff_user, cascade=False)
    with pytest.raises(OfferError):
        offer_decline(offer=offer, by=attorney, reason="   ")
    offer_decline(offer=offer, by=attorney, reason="No capacity this month")
    offer.refresh_from_db()
    case.refresh_from_db()
    assert offer.status == OfferStatus.DECLINED and offer.decline_reason == "No capacity this month"
    assert case.status == CaseStatus.SEEKING
    # A declined pair is never offered again.
    with pytest.raises(OfferError):
        offer_send(case=case, attorney=attorney, by=staff_user)


def test_decline_with_cascade_offers_next_ranked_attorney(staff_user, attorney, monkeypatch):
    case = CaseFactory(status="seeking", created_by=staff_user)
    runner_up = attorney_with_profile()
    monkeypatch.setattr(offer_services, "_next_candidate", lambda c, **kw: runner_up if c.pk == case.pk else None)
    offer = offer_send(case=case, attorney=attorney, by=staff_user, cascade=True, rank=1)
    offer_decline(offer=offer, by=attorney, reason="Conflict of schedule")
    nxt = CaseOffer.objects.get(case=case, status=OfferStatus.PENDING)
    assert nxt.attorney == runner_up and nxt.rank == 2 and nxt.cascade
    case.refresh_from_db()
    assert case.status == CaseStatus.OFFERED


def test_cascade_falls_back_to_pool_when_no_candidate(staff_user, attorney, monkeypatch):
    case = CaseFactory(status="seeking", created_by=staff_user)
    monkeypatch.setattr(offer_services, "_next_candidate", lambda c, **kw: None)
    offer = offer_send(case=case, attorney=attorney, by=staff_user, cascade=True)
    offer_decline(offer=offer, by=attorney, reason="Too far")
    case.refresh_from_db()
    assert case.status == CaseStatus.SEEKING
    assert not CaseOffer.objects.filter(status=OfferStatus.PENDING).exists()


def test_expiry_task_expires_due_offers_once(staff_user, attorney):
    case = CaseFactory(status="seeking", created_by=staff_user)
    offer = offer_send(case=case, attorney=attorney, by=staff_user, cascade=False)
    fresh = offer_send(
        case=CaseFactory(status="seeking", created_by=staff_user), attorney=attorney_with_profile(), by=staff_user
    )
    CaseOffer.objects.filter(pk=offer.pk).update(expires_at=timezone.now() - datetime.timedelta(hours=1))
    assert offers_expire_task() == 1
    assert offers_expire_task() == 0
    offer.refresh_from_db()
    fresh.refresh_from_db()
    case.refresh_from_db()
    assert offer.status == OfferStatus.EXPIRED
    assert fresh.status == OfferStatus.PENDING
    assert case.status == CaseStatus.SEEKING
    assert list(CaseStatusChange.objects.filter(case=case).values_list("to_status", flat=True))[-1] == "seeking"


def test_expiry_with_cascade_uses_matching_next_candidate(staff_user, attorney, monkeypatch):
    case = CaseFactory(status="seeking", created_by=staff_user)
    runner_up = attorney_with_profile()
    monkeypatch.setattr(offer_services, "_next_candidate", lambda c, **kw: runner_up)
    offer = offer_send(case=case, attorney=attorney, by=staff_user, cascade=True, rank=1)
    offers_expire_due(now=offer.expires_at + datetime.timedelta(seconds=1))
    assert CaseOffer.objects.get(case=case, status=OfferStatus.PENDING).attorney == runner_up


def test_attorney_reporting_conflict_declines_and_records_it(staff_user, attorney):
    case = CaseFactory(status="seeking", created_by=staff_user)
    offer = offer_send(case=case, attorney=attorney, by=staff_user, cascade=False)
    offer_view_parties(offer=offer, by=attorney)
    offer_report_conflict(offer=offer, by=attorney)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DECLINED
    assert Conflict.objects.filter(attorney=attorney, case=case).exists()


def test_mentor_assignment_respects_capacity_and_one_per_placement(staff_user):
    mentor = MentorProfileFactory(max_mentees=1).user
    placement = PlacementFactory()
    mentorship = mentorship_assign(placement=placement, mentor=mentor, by=staff_user)
    assert mentorship.mentee == placement.attorney and mentorship.case == placement.case
    with pytest.raises(OfferError):
        mentorship_assign(placement=placement, mentor=MentorProfileFactory().user, by=staff_user)
    with pytest.raises(OfferError):
        mentorship_assign(placement=PlacementFactory(), mentor=mentor, by=staff_user)


def test_detained_case_gets_weekly_cadence(staff_user):
    placement = PlacementFactory(case=CaseFactory(status="placed", detained=True))
    mentorship = mentorship_assign(placement=placement, mentor=MentorProfileFactory().user, by=staff_user)
    assert mentorship.cadence_days == 7


def test_closing_placement_ends_mentorship_and_frees_the_case_for_a_new_offer(staff_user, attorney):
    case = CaseFactory(status="seeking", created_by=staff_user)
    placement = _accept(offer_send(case=case, attorney=attorney, by=staff_user), attorney)
    mentorship_assign(placement=placement, mentor=MentorProfileFactory().user, by=staff_user)
    placement_close(placement=placement, by=staff_user, reason="Attorney relocated", reopen=True)
    case.refresh_from_db()
    assert case.status == CaseStatus.SEEKING
    assert not Mentorship.objects.filter(status="active").exists()
    assert CaseOffer.objects.get(case=case).status == OfferStatus.RELEASED
    offer_send(case=case, attorney=attorney_with_profile(), by=staff_user)


def test_offer_workflow_writes_audit_rows(staff_user, attorney):
    case = CaseFactory(status="seeking", created_by=staff_user)
    before = AuditEvent.objects.count()
    _accept(offer_send(case=case, attorney=attorney, by=staff_user), attorney)
    assert AuditEvent.objects.count() >= before + 3
    assert (
        not AuditEvent.objects.filter(detail__icontains=case.client_initials)
        .exclude(detail="")
        .filter(detail__contains=case.reference)
    )


def test_case_can_be_offered_only_while_seeking(staff_user, attorney):
    case = CaseFactory(status=CaseStatus.INTAKE, created_by=staff_user)
    with pytest.raises(OfferError):
        offer_send(case=case, attorney=attorney, by=staff_user)
    assert Case.objects.get(pk=case.pk).status == CaseStatus.INTAKE


def test_cascade_with_the_real_matching_offers_to_another_fitting_attorney(staff_user):
    from tests.factories import BarAdmissionFactory

    case = CaseFactory(status="seeking", languages=["spa"], relief_types=["asylum"], created_by=staff_user)
    first, second = attorney_with_profile(), attorney_with_profile()
    for person in (first, second):
        BarAdmissionFactory(user=person)
    offer = offer_send(case=case, attorney=first, by=staff_user, cascade=True, rank=1)
    offer_decline(offer=offer, by=first, reason="Not this month")
    follow_up = CaseOffer.objects.get(case=case, status=OfferStatus.PENDING)
    assert follow_up.attorney == second and follow_up.rank == 2
