"""Every path that creates an offer or a placement applies matching's hard constraints.

Staff's hand-sent offer, batch publish, the cascade, accept, express interest, open cases and
the weekly digest. Staff may override failed constraints only with a written reason, which
is recorded on the offer, audited (codes only) and shown on the staff case page, in the
offers log, to the attorney and to their mentor; a conflict of interest is never overridden.
"""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from mentorship.matching import CONSTRAINT_CODES
from mentorship.models import (
    AttorneyProfile,
    CaseInterest,
    CaseOffer,
    CaseStatus,
    CaseStatusChange,
    Mentorship,
    OfferStatus,
    Placement,
    ReliefTypeRequirement,
)
from mentorship.selectors.cases import open_cases_for_attorney
from mentorship.selectors.matching import fitting_open_case_ids
from mentorship.services import offers as offer_services
from mentorship.services import placement_rules
from mentorship.services.conflicts import conflict_record
from mentorship.services.matching import batch_publish
from mentorship.services.offers import (
    ConstraintsFailed,
    OfferError,
    interest_express,
    mentorship_assign,
    offer_accept,
    offer_confirm_no_conflict,
    offer_decline,
    offer_send,
    offer_view_parties,
)
from mentorship.services.placement_rules import pair_constraint_failures
from mentorship.services.reminders import case_digest_send
from mentorship.services.retention import case_purge
from tests.factories import (
    CaseFactory,
    CaseOfferFactory,
    CoursePageFactory,
    EnrollmentFactory,
    MentorProfileFactory,
    MentorshipFactory,
    PlacementFactory,
    attorney_with_profile,
    totp_enrol,
)

from .conftest import NOTES_SENTINEL, PARTY_SENTINEL

pytestmark = pytest.mark.django_db

REASON = "Only Korean-speaking volunteer in the region; interpreter booked for every meeting."


@pytest.fixture
def u_visa_course():
    course = CoursePageFactory(relief_types=["u_visa"])
    ReliefTypeRequirement.objects.create(relief_type="u_visa", course=course)
    return course


@pytest.fixture
def case(staff_user, u_visa_course):
    """A French/Lingala U visa case."""
    return CaseFactory(
        status=CaseStatus.SEEKING,
        languages=["fra", "lin"],
        relief_types=["u_visa"],
        created_by=staff_user,
        client_initials="QZ",
        confidential_notes=f"Client disclosed {NOTES_SENTINEL}",
        adverse_parties=PARTY_SENTINEL,
    )


@pytest.fixture
def korean():
    """Speaks Korean only and has completed no training."""
    return attorney_with_profile(languages=(("kor", 5),), relief=(("u_visa", 2),))


@pytest.fixture
def fitting(u_visa_course):
    """Speaks French and completed the U visa training."""
    user = attorney_with_profile(languages=(("fra", 4),), relief=(("u_visa", 2),))
    EnrollmentFactory(user=user, course=u_visa_course, completed_at=timezone.now())
    return user


def _post_offer(client, case, attorney, **extra):
    return client.post(
        reverse("staff:offer_send", args=[case.pk]),
        {"attorney": attorney.pk, "expires_in_days": "3", "confirm": "on", **extra},
    )


def _accept(offer, attorney):
    offer_view_parties(offer=offer, by=attorney)
    offer_confirm_no_conflict(offer=offer, by=attorney)
    return offer_accept(offer=offer, by=attorney)


def _send_with_override(case, attorney, staff_user, **kwargs):
    return offer_send(
        case=case,
        attorney=attorney,
        by=staff_user,
        override_reason=REASON,
        override_codes=["language", "training"],
        **kwargs,
    )


# ---------------------------------------------------------------------------
# The one entry point


def test_the_entry_point_names_the_failed_constraints_in_matchings_words(case, korean, fitting):
    failures = pair_constraint_failures(case=case, attorney=korean)
    assert [r.code for r in failures] == ["language", "training"]
    assert failures[0].text.startswith("Language:") and "French" in failures[0].text
    assert failures[1].text.startswith("Required training:")
    assert pair_constraint_failures(case=case, attorney=fitting) == ()


def test_offer_send_refuses_an_infeasible_pair_without_an_override(staff_user, case, korean):
    """The reported defect: a hand-sent offer checked only conflicts."""
    with pytest.raises(ConstraintsFailed) as refused:
        offer_send(case=case, attorney=korean, by=staff_user)
    assert refused.value.codes == ["language", "training"] and refused.value.overridable
    assert not CaseOffer.objects.exists()
    case.refresh_from_db()
    assert case.status == CaseStatus.SEEKING


def test_codes_that_are_never_overridden_are_matchings_codes():
    assert {"conflict", "bar_admission"} <= set(CONSTRAINT_CODES)
    assert placement_rules.NEVER_OVERRIDDEN - set(CONSTRAINT_CODES) == {placement_rules.NO_PROFILE}


def test_open_cases_and_the_offer_paths_read_the_same_constraints(staff_user, case, korean, fitting):
    """One table: for every pair, open cases (and so the digest) agree with the offer check."""
    spanish = CaseFactory(status="seeking", languages=["spa"], relief_types=["asylum"], created_by=staff_user)
    detained = CaseFactory(status="seeking", languages=["kor"], detained=True, created_by=staff_user)
    unadmitted = attorney_with_profile(languages=(("spa", 4), ("kor", 4)), bar=None)
    paused = attorney_with_profile(paused_until=timezone.localdate() + datetime.timedelta(days=5))
    not_detained = attorney_with_profile(languages=(("kor", 4),), detained_ok=False)
    for attorney in (korean, fitting, unadmitted, paused, not_detained):
        fitting_ids = set(fitting_open_case_ids(user_id=attorney.pk))
        for each in (case, spanish, detained):
            fits = not pair_constraint_failures(case=each, attorney=attorney)
            assert fits == (each.pk in fitting_ids), (attorney, each)


def test_a_firm_named_with_an_attorney_on_a_conflict_blocks_the_whole_firm(staff_user):
    """The conflict records are read as well as matching's inputs, so nothing weaker than
    the old `is_conflicted` check guards an offer."""
    named = attorney_with_profile(firm_name="Smith & Jones LLP")
    colleague = attorney_with_profile(firm_name="Smith & Jones LLP")
    case = CaseFactory(status="seeking", created_by=staff_user)
    conflict_record(by=staff_user, attorney=named, firm_name="Smith & Jones LLP", case=case)
    assert [r.code for r in pair_constraint_failures(case=case, attorney=colleague)] == ["conflict"]
    with pytest.raises(ConstraintsFailed) as refused:
        offer_send(case=case, attorney=colleague, by=staff_user, override_reason=REASON, override_codes=["conflict"])
    assert not refused.value.overridable
    assert not CaseOffer.objects.exists()


def test_matching_imputes_a_conflict_naming_an_attorney_and_a_firm_to_the_whole_firm(staff_user):
    """Suggestions, open cases and the batch read matching's inputs: they must see the firm's
    conflict too, not only the offer check."""
    from mentorship.selectors.matching import candidate_inputs_for_case, case_inputs, matching_context

    named = attorney_with_profile(firm_name="Smith & Jones LLP")
    colleague = attorney_with_profile(firm_name="Smith & Jones LLP")
    case = CaseFactory(status="seeking", created_by=staff_user)
    conflict_record(by=staff_user, attorney=named, firm_name="Smith & Jones LLP", case=case)
    assert case.pk not in fitting_open_case_ids(user_id=colleague.pk)
    context = matching_context()
    cases, parties = case_inputs(case_ids=[case.pk])
    candidates = {c.id: c for c in candidate_inputs_for_case(cases[0], parties[case.pk], context)}
    assert case.pk in candidates[colleague.pk].conflicted_case_ids
    assert case.pk in candidates[named.pk].conflicted_case_ids


# ---------------------------------------------------------------------------
# Staff's hand-sent offer


def test_a_plain_post_for_an_infeasible_pair_is_refused_naming_the_constraints_and_creates_nothing(
    staff_user, client_for, case, korean
):
    changes_before = CaseStatusChange.objects.count()
    response = _post_offer(client_for(staff_user), case, korean)
    assert response.status_code == 200
    html = response.content.decode()
    assert not CaseOffer.objects.exists()
    case.refresh_from_db()
    assert case.status == CaseStatus.SEEKING
    assert CaseStatusChange.objects.count() == changes_before
    assert not AuditEvent.objects.filter(object_type="mentorship.caseoffer").exists()
    # The message names the failed constraints; the form lists them and asks for a reason.
    messages = [str(m) for m in response.context["messages"]]
    (message,) = messages
    assert "Language: does not speak French or Lingala" in message
    assert "Required training: has not completed the training required for U visa" in message
    for secret in ("QZ", case.reference, NOTES_SENTINEL, PARTY_SENTINEL):
        assert secret not in message
    assert 'id="failed-constraints"' in html
    assert 'name="override_reason"' in html
    assert 'name="override_codes" value="language training"' in html


def test_the_case_page_asks_for_no_override_reason_before_a_refusal(staff_user, client_for, case):
    html = client_for(staff_user).get(reverse("staff:case_detail", args=[case.pk])).content.decode()
    assert 'name="override_reason"' not in html


@pytest.mark.parametrize("reason", ["", "   ", "too short", "  nine 9 9  "])
def test_an_override_without_a_reason_of_ten_characters_is_refused(staff_user, client_for, case, korean, reason):
    response = _post_offer(
        client_for(staff_user), case, korean, override_reason=reason, override_codes="language training"
    )
    assert response.status_code == 200
    assert not CaseOffer.objects.exists()
    case.refresh_from_db()
    assert case.status == CaseStatus.SEEKING


def test_an_over_long_reason_is_refused_with_a_message_saying_so(staff_user, client_for, case, korean):
    client = client_for(staff_user)
    response = _post_offer(client, case, korean, override_reason="x" * 1001, override_codes="language training")
    assert response.status_code == 302
    assert "at most 1,000 characters" in str(list(client.get(response["Location"]).context["messages"])[0])
    assert not CaseOffer.objects.exists()


def test_an_override_with_a_written_reason_sends_the_offer_and_records_the_codes(staff_user, client_for, case, korean):
    response = _post_offer(
        client_for(staff_user), case, korean, override_reason=f"  {REASON}  ", override_codes="language training"
    )
    assert response.status_code == 302
    offer = CaseOffer.objects.get(case=case)
    assert offer.attorney == korean and offer.status == OfferStatus.PENDING
    assert offer.override_codes == ["language", "training"]
    assert offer.override_texts[0].startswith("Language:")
    assert offer.override_reason == REASON
    assert offer.overridden_by == staff_user and offer.overridden_at is not None
    case.refresh_from_db()
    assert case.status == CaseStatus.OFFERED
    # Audited with the codes only.
    event = AuditEvent.objects.get(object_type="mentorship.caseoffer", action=AuditEvent.Action.CREATE)
    assert event.actor == staff_user and event.detail == "override=language,training"
    assert not AuditEvent.objects.filter(detail__icontains="Korean-speaking").exists()
    # Encrypted at rest, as case notes are.
    with connection.cursor() as cursor:
        cursor.execute("SELECT override_reason FROM mentorship_caseoffer WHERE id = %s", [offer.pk])
        (raw,) = cursor.fetchone()
    assert "Korean" not in raw and raw


def test_an_override_covers_only_the_constraints_staff_saw(staff_user, case, korean):
    AttorneyProfile.objects.filter(user=korean).update(paused_until=timezone.localdate() + datetime.timedelta(days=3))
    with pytest.raises(ConstraintsFailed) as refused:
        _send_with_override(case, korean, staff_user)
    assert "Paused" in str(refused.value) and refused.value.overridable
    assert refused.value.codes == ["language", "training", "paused"]
    assert not CaseOffer.objects.exists()


def test_a_conflict_of_interest_cannot_be_overridden(staff_user, client_for, case, fitting):
    conflict_record(by=staff_user, attorney=fitting, case=case, reason="former counsel to respondent")
    client = client_for(staff_user)
    response = _post_offer(client, case, fitting)
    html = response.content.decode()
    assert "cannot be overridden" in html
    assert 'name="override_reason"' not in html
    response = _post_offer(client, case, fitting, override_reason=REASON, override_codes="conflict")
    assert "cannot be overridden" in response.content.decode()
    assert not CaseOffer.objects.exists()
    with pytest.raises(ConstraintsFailed) as refused:
        offer_send(case=case, attorney=fitting, by=staff_user, override_reason=REASON, override_codes=["conflict"])
    assert not refused.value.overridable


def test_a_missing_bar_admission_cannot_be_overridden(staff_user, case, u_visa_course):
    unadmitted = attorney_with_profile(languages=(("fra", 4),), bar=None)
    EnrollmentFactory(user=unadmitted, course=u_visa_course, completed_at=timezone.now())
    with pytest.raises(ConstraintsFailed) as refused:
        offer_send(
            case=case, attorney=unadmitted, by=staff_user, override_reason=REASON, override_codes=["bar_admission"]
        )
    assert refused.value.codes == ["bar_admission"] and not refused.value.overridable
    assert not CaseOffer.objects.exists()


def test_a_feasible_pair_is_sent_without_an_override_even_if_a_reason_was_typed(staff_user, case, fitting):
    offer = offer_send(case=case, attorney=fitting, by=staff_user, override_reason=REASON)
    assert not offer.has_override and offer.override_reason == "" and offer.overridden_by is None


def test_the_override_is_shown_on_the_staff_case_page_and_in_the_offers_log(staff_user, client_for, case, korean):
    offer = _send_with_override(case, korean, staff_user)
    html = client_for(staff_user).get(reverse("staff:case_detail", args=[case.pk])).content.decode()
    log = html[html.index("Offers log") :]
    assert REASON in log
    assert "Language: does not speak French or Lingala" in log
    assert "Required training" in log
    _accept(offer, korean)
    html = client_for(staff_user).get(reverse("staff:case_detail", args=[case.pk])).content.decode()
    placements = html[html.index("Placements and mentors") : html.index("Offers log")]
    assert REASON in placements and "Required training" in placements


# ---------------------------------------------------------------------------
# Accept


def test_an_infeasible_attorney_holding_an_offer_without_override_cannot_be_placed(staff_user, case, korean):
    """The reported defect: an offer that skipped the rules must not end in a placement."""
    # Sent before every path checked the constraints.
    offer = CaseOfferFactory(case=case, attorney=korean)
    case.status = CaseStatus.OFFERED
    case.save(update_fields=["status"])
    offer_view_parties(offer=offer, by=korean)
    offer_confirm_no_conflict(offer=offer, by=korean)
    with pytest.raises(ConstraintsFailed) as refused:
        offer_accept(offer=offer, by=korean)
    assert "Language" in str(refused.value) and "Required training" in str(refused.value)
    assert not Placement.objects.exists()
    offer.refresh_from_db()
    assert offer.status == OfferStatus.PENDING


def test_an_overridden_offer_can_be_accepted_and_the_acceptance_is_audited(staff_user, case, korean):
    offer = _send_with_override(case, korean, staff_user)
    placement = _accept(offer, korean)
    assert placement.attorney == korean
    event = AuditEvent.objects.filter(object_type="mentorship.caseoffer", action=AuditEvent.Action.CHANGE).latest("id")
    assert event.detail == "accepted override=language,training"


def test_at_accept_a_new_conflict_blocks_even_an_overridden_offer(staff_user, case, korean):
    offer = _send_with_override(case, korean, staff_user)
    offer_view_parties(offer=offer, by=korean)
    offer_confirm_no_conflict(offer=offer, by=korean)
    conflict_record(by=staff_user, attorney=korean, case=case, reason="recorded after the offer")
    with pytest.raises(ConstraintsFailed) as refused:
        offer_accept(offer=offer, by=korean)
    assert refused.value.codes == ["conflict"]
    assert not Placement.objects.exists()


def test_at_accept_a_constraint_outside_the_override_blocks(staff_user, case, korean):
    offer = _send_with_override(case, korean, staff_user)
    AttorneyProfile.objects.filter(user=korean).update(detained_ok=False)
    case.detained = True
    case.save(update_fields=["detained"])
    with pytest.raises(ConstraintsFailed) as refused:
        _accept(offer, korean)
    assert refused.value.codes == ["detained"]
    assert not Placement.objects.exists()


def test_at_accept_training_required_since_the_offer_blocks(staff_user, fitting):
    case = CaseFactory(status="seeking", languages=["fra"], relief_types=["t_visa"], created_by=staff_user)
    offer = offer_send(case=case, attorney=fitting, by=staff_user)
    ReliefTypeRequirement.objects.create(relief_type="t_visa", course=CoursePageFactory())
    with pytest.raises(ConstraintsFailed) as refused:
        _accept(offer, fitting)
    assert refused.value.codes == ["training"]
    assert not Placement.objects.exists()


def test_at_accept_the_offer_being_accepted_and_other_pending_offers_do_not_count_as_load(staff_user):
    attorney = attorney_with_profile(capacity=2)
    offers = [
        offer_send(case=CaseFactory(status="seeking", created_by=staff_user), attorney=attorney, by=staff_user)
        for _ in range(2)
    ]
    assert _accept(offers[0], attorney) and _accept(offers[1], attorney)
    assert Placement.objects.filter(attorney=attorney, closed_at__isnull=True).count() == 2


def test_an_override_of_capacity_lets_the_attorney_accept_beyond_it(staff_user):
    attorney = attorney_with_profile(capacity=1)
    PlacementFactory(attorney=attorney)
    case = CaseFactory(status="seeking", created_by=staff_user)
    with pytest.raises(ConstraintsFailed):
        offer_send(case=case, attorney=attorney, by=staff_user)
    offer = offer_send(
        case=case,
        attorney=attorney,
        by=staff_user,
        override_reason="She asked for a second case this month.",
        override_codes=["capacity"],
    )
    assert offer.override_codes == ["capacity"]
    assert _accept(offer, attorney).attorney == attorney


# ---------------------------------------------------------------------------
# Batch publish and the cascade never override


def test_batch_publish_never_sends_an_offer_to_an_infeasible_attorney(staff_user, case, korean, fitting):
    other = CaseFactory(status="seeking", languages=["fra"], relief_types=["u_visa"], created_by=staff_user)
    outcomes = {(o.case_id, o.attorney_id): o for o in batch_publish(by=staff_user, pairs=[(case.pk, korean.pk)])}
    refused = outcomes[(case.pk, korean.pk)]
    assert not refused.sent and "Language" in refused.message and "Required training" in refused.message
    assert not CaseOffer.objects.exists()
    (sent,) = batch_publish(by=staff_user, pairs=[(other.pk, fitting.pk)])
    assert sent.sent
    assert not CaseOffer.objects.get().has_override


def test_the_cascade_skips_an_infeasible_attorney_and_offers_to_the_next(
    staff_user, case, korean, fitting, monkeypatch
):
    first = attorney_with_profile(languages=(("fra", 4),), relief=(("u_visa", 2),))
    EnrollmentFactory(user=first, course=ReliefTypeRequirement.objects.get().course, completed_at=timezone.now())
    asked = []

    def next_candidate(c, *, exclude=()):
        asked.append(set(exclude))
        return korean if korean.pk not in exclude else fitting

    monkeypatch.setattr(offer_services, "_next_candidate", next_candidate)
    offer = offer_send(case=case, attorney=first, by=staff_user, cascade=True, rank=1)
    offer_decline(offer=offer, by=first, reason="Not this month")
    follow_up = CaseOffer.objects.get(case=case, status=OfferStatus.PENDING)
    assert follow_up.attorney == fitting and not follow_up.has_override
    assert asked == [set(), {korean.pk}]
    assert not CaseOffer.objects.filter(attorney=korean).exists()


def test_the_cascade_with_real_matching_never_reaches_an_infeasible_attorney(staff_user, case, korean, fitting):
    offer = offer_send(case=case, attorney=fitting, by=staff_user, cascade=True, rank=1)
    offer_decline(offer=offer, by=fitting, reason="Not this month")
    case.refresh_from_db()
    assert case.status == CaseStatus.SEEKING
    assert not CaseOffer.objects.filter(attorney=korean).exists()


def test_the_cascade_gives_up_after_a_few_refusals_and_leaves_the_case_in_the_pool(
    staff_user, case, fitting, monkeypatch
):
    infeasible = [attorney_with_profile(languages=(("kor", 5),)) for _ in range(offer_services.CASCADE_ATTEMPTS + 1)]
    monkeypatch.setattr(
        offer_services,
        "_next_candidate",
        lambda c, *, exclude=(): next(a for a in infeasible if a.pk not in exclude),
    )
    offer = offer_send(case=case, attorney=fitting, by=staff_user, cascade=True, rank=1)
    offer_decline(offer=offer, by=fitting, reason="Not this month")
    case.refresh_from_db()
    assert case.status == CaseStatus.SEEKING
    assert not CaseOffer.objects.filter(status=OfferStatus.PENDING).exists()


# ---------------------------------------------------------------------------
# Express interest, open cases, the weekly digest


def test_an_infeasible_attorney_cannot_express_interest(staff_user, client_for, case, korean, fitting):
    with pytest.raises(OfferError):
        interest_express(case=case, attorney=korean)
    response = client_for(korean).post(reverse("mentorship:interest_add", args=[case.pk]))
    assert response.status_code == 404
    assert not CaseInterest.objects.exists()
    interest_express(case=case, attorney=fitting)
    assert CaseInterest.objects.get().attorney == fitting


def test_open_cases_do_not_list_a_case_the_attorney_fails(client_for, case, korean, fitting):
    assert case not in set(open_cases_for_attorney(user=korean))
    assert case in set(open_cases_for_attorney(user=fitting))
    html = client_for(korean).get(reverse("mentorship:open_cases")).content.decode()
    assert "U visa" not in html


def test_the_weekly_digest_counts_no_case_the_attorney_fails(case, korean, fitting):
    assert case_digest_send() == 1
    assert [m.to for m in mail.outbox] == [[fitting.email]]


# ---------------------------------------------------------------------------
# Shown to the attorney and to their mentor


def test_the_attorney_sees_the_overridden_constraints_and_the_reason_once_the_file_opens(
    staff_user, client_for, case, korean
):
    offer = _send_with_override(case, korean, staff_user)
    client = client_for(korean)
    url = reverse("mentorship:offer_detail", args=[offer.pk])
    html = client.get(url).content.decode()
    assert "Required training" in html and "Language: does not speak French" in html
    assert REASON not in html
    offer_view_parties(offer=offer, by=korean)
    offer_confirm_no_conflict(offer=offer, by=korean)
    assert REASON in client.get(url).content.decode()


def test_the_mentor_sees_the_override_on_mentor_home_and_the_mentees_case(staff_user, client_for, case, korean):
    placement = _accept(_send_with_override(case, korean, staff_user), korean)
    mentor = MentorProfileFactory(expertise=["u_visa"]).user
    totp_enrol(mentor)
    mentorship_assign(placement=placement, mentor=mentor, by=staff_user)
    client = client_for(mentor)
    home = client.get(reverse("mentorship:mentor_home")).content.decode()
    page = client.get(reverse("mentorship:case_detail", args=[case.pk])).content.decode()
    for html in (home, page):
        assert REASON in html and "Required training" in html
    # Still only at the mentor's level: no notes, no adverse parties.
    assert NOTES_SENTINEL not in page and PARTY_SENTINEL not in page
    # The placed attorney sees it on their case too; another mentor sees neither page.
    assert REASON in client_for(korean).get(reverse("mentorship:case_detail", args=[case.pk])).content.decode()
    stranger = MentorProfileFactory().user
    totp_enrol(stranger)
    other = client_for(stranger)
    assert REASON not in other.get(reverse("mentorship:mentor_home")).content.decode()
    assert other.get(reverse("mentorship:case_detail", args=[case.pk])).status_code == 404


def test_no_override_box_is_shown_for_an_offer_without_one(staff_user, client_for, fitting, case):
    offer = offer_send(case=case, attorney=fitting, by=staff_user)
    assert (
        "Override" not in client_for(fitting).get(reverse("mentorship:offer_detail", args=[offer.pk])).content.decode()
    )


def test_purging_a_closed_case_clears_the_override_reason(staff_user, case, korean):
    offer = _send_with_override(case, korean, staff_user)
    CaseOffer.objects.filter(pk=offer.pk).update(status=OfferStatus.WITHDRAWN)
    case.status = CaseStatus.CLOSED
    case.save(update_fields=["status"])
    case_purge(case=case, by=staff_user)
    offer.refresh_from_db()
    assert offer.override_reason == "" and offer.override_codes == ["language", "training"]


# ---------------------------------------------------------------------------
# Mentors: conflicts and capacity


@pytest.fixture
def placement(staff_user):
    return PlacementFactory(
        case=CaseFactory(status="placed", adverse_parties="Rex Adverse\nOther", created_by=staff_user),
        attorney=attorney_with_profile(),
    )


def _mentor(**kwargs):
    user = MentorProfileFactory(**kwargs).user
    totp_enrol(user)
    return user


def test_a_mentor_conflicted_out_of_the_case_is_refused(staff_user, placement):
    mentor = _mentor()
    conflict_record(by=staff_user, attorney=mentor, case=placement.case, reason="knows the respondent")
    with pytest.raises(OfferError, match="conflicted"):
        mentorship_assign(placement=placement, mentor=mentor, by=staff_user)
    assert not Mentorship.objects.exists()


def test_a_mentor_conflicted_out_of_an_adverse_party_is_refused(staff_user, placement):
    mentor = _mentor()
    conflict_record(by=staff_user, attorney=mentor, adverse_party="rex  ADVERSE")
    with pytest.raises(OfferError, match="conflicted"):
        mentorship_assign(placement=placement, mentor=mentor, by=staff_user)
    assert not Mentorship.objects.exists()


def test_a_mentor_whose_firm_is_conflicted_is_refused(staff_user, placement):
    mentor = _mentor()
    AttorneyProfile.objects.create(user=mentor, firm_name="Garcia Partners")
    conflict_record(by=staff_user, firm_name="garcia partners", case=placement.case)
    with pytest.raises(OfferError, match="conflicted"):
        mentorship_assign(placement=placement, mentor=mentor, by=staff_user)
    unrelated = _mentor()
    assert mentorship_assign(placement=placement, mentor=unrelated, by=staff_user).mentor == unrelated


def test_staff_page_refuses_a_conflicted_mentor_and_a_mentor_at_capacity(staff_user, client_for, placement):
    client = client_for(staff_user)
    url = reverse("staff:mentor_assign", args=[placement.pk])
    conflicted = _mentor()
    conflict_record(by=staff_user, attorney=conflicted, case=placement.case)
    response = client.post(url, {"mentor": conflicted.pk})
    assert response.status_code == 200 and "conflicted out of the case" in response.content.decode()
    full = _mentor(max_mentees=1)
    MentorshipFactory(mentor=full)
    response = client.post(url, {"mentor": full.pk})
    assert response.status_code == 200 and "no free capacity" in response.content.decode()
    assert not Mentorship.objects.filter(placement=placement).exists()
    free = _mentor()
    assert client.post(url, {"mentor": free.pk}).status_code == 302
    assert Mentorship.objects.get(placement=placement).mentor == free
