"""The case team: co-counsel and a supervising attorney join a placed case through offers of their
own, count against their own capacity, are treated as the placed attorney is, and lose everything
of the case the moment staff remove them."""

import pytest
from django.urls import reverse

from accounts.models import AuditEvent
from mentorship import policy
from mentorship.models import CaseOffer, CaseStatus, OfferStatus, Placement, TeamRole
from mentorship.selectors.matching import placements_without_mentor
from mentorship.services.conflicts import conflict_record
from mentorship.services.messages import message_send
from mentorship.services.offers import (
    ConstraintsFailed,
    OfferError,
    mentorship_assign,
    offer_accept,
    offer_confirm_no_conflict,
    offer_decline,
    offer_view_parties,
    offer_withdraw,
    placement_close,
)
from mentorship.services.placement_rules import open_placement_count
from mentorship.services.team import TeamConstraintsFailed, TeamError, team_offer_send
from tests.factories import attorney_with_profile, case_document_make
from tests.mentorship.test_authorization import staff_only

pytestmark = pytest.mark.django_db

AUTHZ_MATRIX = {
    "staff:team_offer": [("post", lambda w: {"pk": w["placed_case"].pk}, staff_only(302))],
}


def _join(world, attorney, role=TeamRole.CO_COUNSEL) -> Placement:
    offer = team_offer_send(case=world["placed_case"], attorney=attorney, role=role, by=world["staff"])
    offer_view_parties(offer=offer, by=attorney)
    offer_confirm_no_conflict(offer=offer, by=attorney)
    return offer_accept(offer=offer, by=attorney)


def test_staff_offer_a_place_on_the_team_and_the_co_counsel_accepts_with_their_own_conflict_check(world, client_for):
    case = world["placed_case"]
    # A French-speaking associate: the case's Spanish is the lead's to bring.
    associate = attorney_with_profile(languages=(("fra", 4),), relief=())
    response = client_for(world["staff"]).post(
        reverse("staff:team_offer", args=[case.pk]),
        {"attorney": associate.pk, "role": TeamRole.CO_COUNSEL, "expires_in_days": 5},
    )
    assert response.status_code == 302
    offer = CaseOffer.objects.get(case=case, attorney=associate)
    assert offer.role == TeamRole.CO_COUNSEL and offer.status == OfferStatus.PENDING and not offer.cascade
    case.refresh_from_db()
    assert case.status == CaseStatus.PLACED

    page = client_for(associate).get(reverse("mentorship:offer_detail", args=[offer.pk])).content.decode()
    assert "a place on this case's team as Co-counsel" in page
    with pytest.raises(Exception, match="Confirm that you have no conflict"):
        offer_accept(offer=offer, by=associate)
    offer_view_parties(offer=offer, by=associate)
    offer_confirm_no_conflict(offer=offer, by=associate)
    placement = offer_accept(offer=offer, by=associate)

    assert placement.role == TeamRole.CO_COUNSEL
    case.refresh_from_db()
    assert case.status == CaseStatus.PLACED
    assert world["placement"].pk in set(case.placements.filter(closed_at__isnull=True).values_list("pk", flat=True))
    assert open_placement_count(attorney=associate) == 1
    assert client_for(associate).get(reverse("mentorship:case_detail", args=[case.pk])).status_code == 200
    assert associate in policy.people_reminded_of_case(case)
    assert AuditEvent.objects.filter(
        object_type="mentorship.caseoffer", detail="accepted team role=co_counsel"
    ).exists()
    staff_page = client_for(world["staff"]).get(reverse("staff:case_detail", args=[case.pk])).content.decode()
    assert "Co-counsel" in staff_page and "Remove from the team" in staff_page


def test_a_removed_co_counsel_gets_404_on_the_case_its_documents_dates_and_conversations(
    world, client_for, private_storage
):
    case, lead = world["placed_case"], world["placed_attorney"]
    associate = attorney_with_profile()
    placement = _join(world, associate)
    document = case_document_make(case=case, by=lead, shared_with_mentor=False)
    message_send(placement=world["placement"], author=lead, body="Welcome aboard.")
    client = client_for(associate)
    urls = [
        reverse("mentorship:case_detail", args=[case.pk]),
        reverse("mentorship:case_documents", args=[case.pk]),
        reverse("mentorship:document_download", args=[document.versions.get().pk]),
        reverse("mentorship:conversation", args=[placement.pk]),
    ]
    assert [client.get(url).status_code for url in urls] == [200, 200, 200, 200]

    remove = reverse("staff:placement_close", args=[placement.pk])
    assert "Remove from the case team" in client_for(world["staff"]).get(remove).content.decode()
    response = client_for(world["staff"]).post(remove, {"reason": "Left the firm"})
    assert response.status_code == 302

    assert [client.get(url).status_code for url in urls] == [404, 404, 404, 404]
    assert client.get(reverse("mentorship:conversation", args=[world["placement"].pk])).status_code == 404
    assert associate not in policy.people_reminded_of_case(case)
    assert open_placement_count(attorney=associate) == 0
    # The lead and the case are as they were.
    case.refresh_from_db()
    world["placement"].refresh_from_db()
    assert case.status == CaseStatus.PLACED and world["placement"].closed_at is None
    assert client_for(lead).get(urls[0]).status_code == 200


def test_a_team_member_must_have_no_conflict_room_for_the_case_and_a_bar_admission(world):
    case = world["placed_case"]
    conflicted = attorney_with_profile()
    conflict_record(by=world["staff"], attorney=conflicted, case=case, reason="Represented the other side")
    full = attorney_with_profile(capacity=0)
    unadmitted = attorney_with_profile(bar=None)
    for attorney in (conflicted, full, unadmitted):
        with pytest.raises(TeamConstraintsFailed):
            team_offer_send(case=case, attorney=attorney, role=TeamRole.SUPERVISING, by=world["staff"])
    with pytest.raises(TeamError, match="on the case team already"):
        team_offer_send(case=case, attorney=world["placed_attorney"], role=TeamRole.CO_COUNSEL, by=world["staff"])
    with pytest.raises(TeamError, match="once its lead attorney is placed"):
        team_offer_send(
            case=world["seeking_case"], attorney=attorney_with_profile(), role=TeamRole.CO_COUNSEL, by=world["staff"]
        )
    assert not CaseOffer.objects.filter(case=case).exclude(role=TeamRole.LEAD).exists()


def test_capacity_is_checked_again_when_the_team_member_accepts(world):
    associate = attorney_with_profile(capacity=1)
    offer = team_offer_send(case=world["placed_case"], attorney=associate, role=TeamRole.CO_COUNSEL, by=world["staff"])
    offer_view_parties(offer=offer, by=associate)
    offer_confirm_no_conflict(offer=offer, by=associate)
    profile = associate.attorney_profile
    profile.capacity = 0
    profile.save()
    with pytest.raises(ConstraintsFailed):
        offer_accept(offer=offer, by=associate)
    assert not Placement.objects.filter(attorney=associate).exists()


def test_a_declined_or_withdrawn_team_offer_leaves_the_case_placed_and_never_cascades(world):
    case = world["placed_case"]
    first, second = attorney_with_profile(), attorney_with_profile()
    declined = team_offer_send(case=case, attorney=first, role=TeamRole.CO_COUNSEL, by=world["staff"])
    offer_decline(offer=declined, by=first, reason="Trial next month")
    withdrawn = team_offer_send(case=case, attorney=second, role=TeamRole.SUPERVISING, by=world["staff"])
    offer_withdraw(offer=withdrawn, by=world["staff"])
    case.refresh_from_db()
    assert case.status == CaseStatus.PLACED
    assert CaseOffer.objects.filter(case=case).exclude(role=TeamRole.LEAD).count() == 2
    world["placement"].refresh_from_db()
    assert world["placement"].closed_at is None


def test_ending_the_lead_s_placement_ends_the_team_and_withdraws_pending_team_offers(world):
    case = world["placed_case"]
    member = _join(world, attorney_with_profile(), role=TeamRole.SUPERVISING)
    pending = team_offer_send(case=case, attorney=attorney_with_profile(), role=TeamRole.CO_COUNSEL, by=world["staff"])
    placement_close(placement=world["placement"], by=world["staff"], reason="Client moved away", reopen=True)
    member.refresh_from_db()
    pending.refresh_from_db()
    case.refresh_from_db()
    assert member.closed_at is not None and pending.status == OfferStatus.WITHDRAWN
    assert case.status == CaseStatus.SEEKING


def test_a_team_member_has_no_mentor_of_their_own_and_is_not_waiting_for_one(world):
    member = _join(world, attorney_with_profile())
    assert member not in placements_without_mentor()
    with pytest.raises(OfferError, match="lead attorney's placement"):
        mentorship_assign(placement=member, mentor=world["other_mentor"], by=world["staff"])
