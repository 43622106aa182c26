"""Matching against the database: selectors, publishing, the cascade, and the staff pages."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from courses.models import BarAdmission, Jurisdiction
from mentorship.models import (
    AttorneyProfile,
    CaseInterest,
    CaseOffer,
    CaseStatus,
    Conflict,
    Mentorship,
    OfferStatus,
)
from mentorship.selectors import matching as selectors
from mentorship.services.matching import batch_publish, next_candidate_for
from mentorship.services.offers import offer_decline
from tests.factories import (
    CaseDateFactory,
    CaseFactory,
    CaseOfferFactory,
    MentorProfileFactory,
    PlacementFactory,
    attorney_with_profile,
)
from tests.factories.accounts import EditorFactory, MentorFactory, VolunteerFactory
from tests.mentorship.test_authorization import staff_only

pytestmark = pytest.mark.django_db

# Rows for the authorization matrix in test_authorization.py (the `world` fixture's people).
AUTHZ_MATRIX = {
    "staff:matching_batch": [("get", None, staff_only()), ("post", None, staff_only(302))],
    "staff:matching_case": [
        ("get", lambda w: {"pk": w["seeking_case"].pk}, staff_only()),
        ("get", lambda w: {"pk": w["placed_case"].pk}, staff_only()),
    ],
    "staff:matching_case_excluded": [("get", lambda w: {"pk": w["seeking_case"].pk}, staff_only())],
    "staff:matching_mentor": [("get", lambda w: {"pk": w["placement"].pk}, staff_only())],
}


def admitted(user, code: str = "TX"):
    jurisdiction, _created = Jurisdiction.objects.get_or_create(code=code, defaults={"name": code})
    BarAdmission.objects.get_or_create(
        user=user,
        jurisdiction=jurisdiction,
        defaults={"bar_number": f"{code}{user.pk}", "admitted_on": datetime.date(2015, 1, 1)},
    )
    return user


def attorney(name: str, **kwargs):
    user = attorney_with_profile(**kwargs)
    user.full_name = name
    user.save(update_fields=["full_name"])
    return admitted(user)


@pytest.fixture
def seeking_case():
    return CaseFactory(languages=["spa"], relief_types=["asylum"], court="Houston Immigration Court")


# ---------------------------------------------------------------------------
# Selectors


def test_attorney_inputs_read_profile_training_bars_load_and_declines(seeking_case):
    strong = attorney("Ana Strong", languages=(("spa", 5), ("mam", 3)), relief=(("asylum", 3),), capacity=3)
    strong.attorney_profile.locations = ["Houston Immigration Court"]
    strong.attorney_profile.save()
    PlacementFactory(attorney=strong)
    CaseOfferFactory(attorney=strong)
    CaseOfferFactory(attorney=strong, case=seeking_case, status=OfferStatus.DECLINED)
    paused = attorney("Pat Paused", paused_until=timezone.localdate() + datetime.timedelta(days=3))

    inputs = {a.id: a for a in selectors.attorney_inputs()}
    a = inputs[strong.pk]
    assert dict(a.languages) == {"spa": 5, "mam": 3}
    assert dict(a.relief_experience) == {"asylum": 3}
    assert a.capacity == 3 and a.active_cases == 2  # one placement + one pending offer
    assert a.active_bar_jurisdictions == frozenset({"TX"})
    assert a.declined_case_ids == frozenset({seeking_case.pk})
    assert "Houston Immigration Court" in a.locations
    assert a.last_placed_days_ago == 0
    assert inputs[paused.pk].paused


def test_attorney_inputs_resolve_direct_firm_and_adverse_party_conflicts(staff, seeking_case):
    direct = attorney("Dee Direct")
    firm = attorney("Fay Firm", firm_name="Smith & Jones LLP")
    clean = attorney("Cal Clean")
    from mentorship.services.conflicts import conflict_record

    conflict_record(by=staff, attorney=direct, case=seeking_case)
    conflict_record(by=staff, firm_name="Smith & Jones LLP", adverse_party="Party One")
    cases, parties = selectors.case_inputs()
    inputs = {a.id: a for a in selectors.attorney_inputs(cases_parties=parties)}
    assert seeking_case.pk in inputs[direct.pk].conflicted_case_ids
    assert seeking_case.pk in inputs[firm.pk].conflicted_case_ids
    assert inputs[clean.pk].conflicted_case_ids == frozenset()
    assert Conflict.objects.count() == 2


def test_attorney_inputs_take_a_fixed_number_of_queries(django_assert_max_num_queries, seeking_case):
    for i in range(3):
        attorney(f"A{i}")
    with django_assert_max_num_queries(12) as few:
        selectors.attorney_inputs()
    for i in range(12):
        attorney(f"B{i}", languages=(("spa", 3), ("fra", 2)))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(selectors.attorney_inputs()) == 15


def test_required_training_is_read_from_completed_enrollments(seeking_case):
    from mentorship.matching import top_k
    from mentorship.models import ReliefTypeRequirement
    from tests.factories import CoursePageFactory, EnrollmentFactory

    course = CoursePageFactory()
    ReliefTypeRequirement.objects.create(relief_type="asylum", course=course)
    trained = attorney("Tia Trained")
    EnrollmentFactory(user=trained, course=course, completed_at=timezone.now())
    started = attorney("Stu Started")
    EnrollmentFactory(user=started, course=course)
    case_input, pool, context = selectors.matching_inputs_for_case(case_id=seeking_case.pk)
    assert context.required_training == {"asylum": frozenset({course.pk})}
    suggestions, excluded = top_k(case_input, pool, 10, context=context)
    assert [s.attorney_id for s in suggestions] == [trained.pk]
    assert {e.attorney_id: [r.code for r in e.reasons] for e in excluded} == {started.pk: ["training"]}


def test_candidates_only_narrows_in_sql_without_changing_the_suggestions(staff):
    from mentorship.matching import top_k
    from mentorship.models import ReliefTypeRequirement
    from mentorship.services.conflicts import conflict_record
    from tests.factories import CoursePageFactory, EnrollmentFactory

    case = CaseFactory(
        languages=["mam", "spa"],
        relief_types=["asylum", "withholding_cat"],
        detained=True,
        requires_bar_jurisdiction="TX",
        court="Conroe Detention Facility",
        adverse_parties="Party One",
    )
    course = CoursePageFactory()
    ReliefTypeRequirement.objects.create(relief_type="asylum", course=course)

    def trained(name, **kwargs):
        user = attorney(name, **kwargs)
        EnrollmentFactory(user=user, course=course, completed_at=timezone.now())
        return user

    fits = [
        trained("Fit One", relief=(("asylum", 3), ("withholding_cat", 1)), languages=(("mam", 3), ("fra", 5))),
        trained("Fit Two", capacity=3, locations=["Conroe Detention Facility"], remote_ok=False),
        trained("Fit Three", capacity=3, languages=(("spa", 5), ("mam", 2))),
    ]
    PlacementFactory(attorney=fits[1], placed_at=timezone.now() - datetime.timedelta(days=30))
    CaseInterest.objects.create(case=case, attorney=fits[2])
    admitted(fits[2], "NY")
    low_ilr = trained("Low Ilr", languages=(("spa", 2),))
    paused = trained("Pau Sed", paused_until=timezone.localdate())
    not_detained = trained("Nod Etained", detained_ok=False)
    full = trained("Ful Load", capacity=1)
    PlacementFactory(attorney=full)
    pending = trained("Pen Ding", capacity=1)
    CaseOfferFactory(attorney=pending)
    untrained = attorney("Unt Rained")
    wrong_bar = attorney_with_profile(bar=None)
    EnrollmentFactory(user=wrong_bar, course=course, completed_at=timezone.now())
    admitted(wrong_bar, "NY")
    former = trained("For Mer")
    former.groups.clear()
    # Conflicted and declined attorneys are read for this case and excluded by the solver.
    direct, by_firm, by_party, declined = (
        trained("Dee Direct"),
        trained("Fay Firm", firm_name="Smith & Jones LLP"),
        trained("Par Ty"),
        trained("Dec Lined"),
    )
    conflict_record(by=staff, attorney=direct, case=case)
    conflict_record(by=staff, firm_name="smith &  jones llp", case=case)
    conflict_record(by=staff, attorney=by_party, adverse_party="party one")
    CaseOfferFactory(attorney=declined, case=case, status=OfferStatus.DECLINED)

    full_case, full_pool, context = selectors.matching_inputs_for_case(case_id=case.pk)
    narrow_case, narrow_pool, _context = selectors.matching_inputs_for_case(case_id=case.pk, candidates_only=True)
    wide, narrow = top_k(full_case, full_pool, 10), top_k(narrow_case, narrow_pool, 10)
    # The same suggestions, scores and explanations, term by term.
    assert narrow[0] == wide[0]
    assert [s.attorney_id for s in wide[0]] == [u.pk for u in (fits[2], fits[0], fits[1])]
    left_out = {low_ilr.pk, paused.pk, not_detained.pk, untrained.pk, wrong_bar.pk, full.pk}
    assert left_out <= set(full_pool.index)
    assert not left_out & set(narrow_pool.index)
    assert former.pk not in set(narrow_pool.index) | set(full_pool.index)
    # Pending offers (few) are counted in Python, so the solver excludes a full attorney with one.
    excluded = {e.attorney_id: [r.code for r in e.reasons] for e in narrow[1]}
    assert excluded == {
        pending.pk: ["capacity"],
        direct.pk: ["conflict"],
        by_firm.pk: ["conflict"],
        by_party.pk: ["conflict"],
        declined.pk: ["declined"],
    }


def test_mentor_weight_and_rules_come_from_matching_settings():
    from mentorship.models import MatchingSettings

    MatchingSettings.objects.update_or_create(
        pk=1,
        defaults={"weight_mentor": 33, "weight_urgency": 7, "weight_continuity": 44, "urgent_within_days": 21},
    )
    context = selectors.matching_context()
    assert (context.weights.mentor, context.weights.urgency, context.weights.continuity) == (33, 7, 44)
    assert context.rules.urgent_within_days == 21


def test_the_attorney_of_a_family_members_case_gets_the_continuity_points(seeking_case):
    from mentorship.matching import top_k

    other = attorney("Oth Er")  # the lower id: ties would go to them
    family_attorney = attorney("Fam Ily")
    # The sibling's case closed long ago, so both attorneys carry the same load today.
    sibling_case = CaseFactory(status=CaseStatus.CLOSED)
    long_ago = timezone.now() - datetime.timedelta(days=400)
    PlacementFactory(case=sibling_case, attorney=family_attorney, placed_at=long_ago, closed_at=long_ago)
    seeking_case.related_cases.add(sibling_case)
    unrelated = CaseFactory(status=CaseStatus.SEEKING)

    cases, _parties = selectors.case_inputs()
    related = {case.id: case.related_attorney_ids for case in cases}
    assert related == {seeking_case.pk: frozenset({family_attorney.pk}), unrelated.pk: frozenset()}
    for candidates_only in (False, True):
        case_input, pool, context = selectors.matching_inputs_for_case(
            case_id=seeking_case.pk, candidates_only=candidates_only
        )
        assert case_input.related_attorney_ids == {family_attorney.pk}
        suggestions, _excluded = top_k(case_input, pool, 2, context=context)
        assert [s.attorney_id for s in suggestions] == [family_attorney.pk, other.pk]
        continuity = {s.attorney_id: next(t for t in s.terms if t.name == "continuity") for s in suggestions}
        assert continuity[family_attorney.pk].points == context.weights.continuity
        assert continuity[other.pk].points == 0


def test_case_inputs_cover_seeking_cases_with_nearest_hard_date_and_interest(seeking_case):
    CaseFactory(status=CaseStatus.PLACED)
    today = timezone.localdate()
    CaseDateFactory(case=seeking_case, kind="merits_hearing", date=today + datetime.timedelta(days=40))
    CaseDateFactory(case=seeking_case, kind="filing_deadline", date=today + datetime.timedelta(days=12))
    CaseDateFactory(case=seeking_case, kind="hearing", date=today + datetime.timedelta(days=2))  # not a hard date
    keen = attorney("Kim Keen")
    CaseInterest.objects.create(case=seeking_case, attorney=keen)
    cases, _parties = selectors.case_inputs()
    assert [c.id for c in cases] == [seeking_case.pk]
    (case,) = cases
    assert case.hard_date_within_days == 12
    assert case.location == "Houston Immigration Court"
    assert case.interested_attorney_ids == frozenset({keen.pk})


# ---------------------------------------------------------------------------
# Services


def test_batch_publish_sends_offers_and_refuses_pairs_that_no_longer_fit(staff, seeking_case):
    fits = attorney("Fia Fits")
    other_case = CaseFactory(languages=["spa"])
    later_paused = attorney("Lou Later")
    AttorneyProfile.objects.filter(user=later_paused).update(paused_until=timezone.localdate())
    outcomes = batch_publish(by=staff, pairs=[(seeking_case.pk, fits.pk), (other_case.pk, later_paused.pk)])
    sent = {(o.case_id, o.attorney_id): o for o in outcomes}
    assert sent[(seeking_case.pk, fits.pk)].sent
    assert not sent[(other_case.pk, later_paused.pk)].sent
    assert "Paused" in sent[(other_case.pk, later_paused.pk)].message
    assert CaseOffer.objects.filter(status=OfferStatus.PENDING).count() == 1
    seeking_case.refresh_from_db()
    assert seeking_case.status == CaseStatus.OFFERED


def test_batch_publish_counts_earlier_offers_of_the_same_batch_against_capacity(staff):
    one_slot = attorney("Ona One", capacity=1)
    first, second = CaseFactory(), CaseFactory()
    outcomes = batch_publish(by=staff, pairs=[(first.pk, one_slot.pk), (second.pk, one_slot.pk)])
    assert [o.sent for o in outcomes] == [True, False]


def test_next_candidate_skips_everyone_asked_before(seeking_case):
    best = attorney("Bea Best", relief=(("asylum", 3),))
    second = attorney("Sam Second", relief=(("asylum", 1),))
    assert next_candidate_for(seeking_case) == best
    CaseOfferFactory(case=seeking_case, attorney=best, status=OfferStatus.EXPIRED)
    assert next_candidate_for(seeking_case) == second
    CaseOfferFactory(case=seeking_case, attorney=second, status=OfferStatus.EXPIRED)
    assert next_candidate_for(seeking_case) is None


def test_a_declined_cascading_offer_goes_to_the_next_ranked_attorney(staff):
    first = attorney("Fern First", relief=(("asylum", 3),))
    runner_up = attorney("Rui Runner", relief=(("asylum", 2),))
    case = CaseFactory(status=CaseStatus.OFFERED)
    offer = CaseOfferFactory(case=case, attorney=first, offered_by=staff, cascade=True, rank=1)
    offer_decline(offer=offer, by=first, reason="No time this month")
    follow_up = CaseOffer.objects.get(case=case, status=OfferStatus.PENDING)
    assert follow_up.attorney == runner_up
    assert follow_up.rank == 2


# ---------------------------------------------------------------------------
# Views


def matching_urls(case, placement):
    return [
        reverse("staff:matching_batch"),
        reverse("staff:matching_case", args=[case.pk]),
        reverse("staff:matching_mentor", args=[placement.pk]),
    ]


@pytest.mark.parametrize("role", ["volunteer", "mentor", "editor"])
def test_only_program_staff_reach_matching_pages(client_for, role, seeking_case):
    user = {"volunteer": VolunteerFactory, "mentor": MentorFactory, "editor": EditorFactory}[role]()
    if role == "mentor":
        from tests.factories import totp_enrol

        totp_enrol(user)
    client = client_for(user)
    for url in matching_urls(seeking_case, PlacementFactory()):
        assert client.get(url).status_code == 404
        assert client.post(url, {"person": 1}).status_code == 404
    assert CaseOffer.objects.count() == 0
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DENIED).count() >= 3


def test_anonymous_visitors_are_sent_to_sign_in(client, seeking_case):
    for url in matching_urls(seeking_case, PlacementFactory()):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_batch_page_shows_the_proposal_with_explanations_and_is_audited(client_for, staff, seeking_case):
    attorney("Ana Alvarez", languages=(("spa", 4),))
    nobody_fits = CaseFactory(languages=["quc"])
    response = client_for(staff).get(reverse("staff:matching_batch"))
    assert response.status_code == 200
    html = response.content.decode()
    assert seeking_case.reference in html and "Ana Alvarez" in html
    assert "Speaks Spanish at ILR 4 (case needs 3)" in html
    assert nobody_fits.reference in html
    assert "No attorney meets every requirement" in html
    assert f'value="{seeking_case.pk}:' in html
    assert (
        AuditEvent.objects.filter(object_type="mentorship.matching_batch", action=AuditEvent.Action.READ).count() == 1
    )


def test_batch_page_never_shows_confidential_notes_or_parties(client_for, staff):
    case = CaseFactory(confidential_notes="SENTINEL-NOTE-4471", adverse_parties="SENTINEL-PARTY-9932")
    attorney("Ana Alvarez")
    html = client_for(staff).get(reverse("staff:matching_batch")).content.decode()
    assert case.reference in html
    assert "SENTINEL-NOTE-4471" not in html and "SENTINEL-PARTY-9932" not in html


def test_publishing_from_the_batch_page_sends_the_ticked_offers(client_for, staff, seeking_case):
    ana = attorney("Ana Alvarez")
    response = client_for(staff).post(reverse("staff:matching_batch"), {"pair": [f"{seeking_case.pk}:{ana.pk}"]})
    assert response.status_code == 302
    offer = CaseOffer.objects.get()
    assert (offer.case_id, offer.attorney_id, offer.status) == (seeking_case.pk, ana.pk, OfferStatus.PENDING)


@pytest.mark.parametrize("pairs", [[], ["nonsense"], ["1:2:3"], ["99999999999:1"], ["-1:2"]])
def test_publishing_bad_input_sends_nothing_and_never_errors(client_for, staff, pairs):
    response = client_for(staff).post(reverse("staff:matching_batch"), {"pair": pairs})
    assert response.status_code == 302
    assert CaseOffer.objects.count() == 0


def test_case_page_explains_suggestions_and_exclusions_and_audits_the_read(client_for, staff, seeking_case):
    attorney("Ana Alvarez", languages=(("spa", 4),))
    attorney("Pierre Petit", languages=(("fra", 5),))
    response = client_for(staff).get(reverse("staff:matching_case", args=[seeking_case.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ana Alvarez" in html and "Speaks Spanish at ILR 4 (case needs 3)" in html
    assert "Pierre Petit" not in html
    assert "1 attorney does not meet every requirement for this case." in html
    assert AuditEvent.objects.filter(
        object_type="mentorship.case", object_id=str(seeking_case.pk), action=AuditEvent.Action.READ
    ).exists()

    reads = AuditEvent.objects.filter(
        object_type="mentorship.case", object_id=str(seeking_case.pk), action=AuditEvent.Action.READ
    )
    before = reads.count()
    response = client_for(staff).get(reverse("staff:matching_case_excluded", args=[seeking_case.pk]))
    html = response.content.decode()
    assert "Pierre Petit" in html and "Ana Alvarez" not in html
    assert "Language: does not speak Spanish at ILR 3 or above" in html
    assert reads.count() == before + 1


def test_excluded_attorneys_come_a_page_at_a_time_and_by_constraint(client_for, staff, seeking_case, monkeypatch):
    from mentorship.views import matching as views

    monkeypatch.setattr(views, "EXCLUDED_PER_PAGE", 2)
    attorney("Ana Alvarez")
    for name in ("Bea Bianchi", "Cem Celik", "Dov Dahan"):
        attorney(name, languages=(("fra", 5),))
    attorney("Eli Eze", capacity=0)
    client = client_for(staff)
    main = client.get(reverse("staff:matching_case", args=[seeking_case.pk])).content.decode()
    assert "4 attorneys do not meet every requirement for this case." in main

    url = reverse("staff:matching_case_excluded", args=[seeking_case.pk])
    first = client.get(url).content.decode()
    assert "Excluded attorneys 1 to 2 of 4" in first and "Page 1 of 2" in first
    assert "Language: does not speak Spanish at ILR 3 or above</a>: 3" in first
    second = client.get(url, {"page": "2"}).content.decode()
    assert "Excluded attorneys 3 to 4 of 4" in second
    shown = [name for name in ("Bea Bianchi", "Cem Celik", "Dov Dahan", "Eli Eze") if name in first + second]
    assert len(shown) == 4

    language_only = client.get(url, {"constraint": "language"}).content.decode()
    assert "of 3" in language_only and "Eli Eze" not in language_only
    # Nonsense in the address is the first page of everyone, never an error.
    for params in (
        {"page": "x"},
        {"page": "999"},
        {"constraint": "nonsense"},
        {"constraint": "language", "page": "-1"},
    ):
        assert client.get(url, params).status_code == 200


def test_case_page_for_a_missing_case_is_404(client_for, staff):
    assert client_for(staff).get(reverse("staff:matching_case", args=[424242])).status_code == 404


def test_sending_an_offer_from_the_case_page(client_for, staff, seeking_case):
    ana = attorney("Ana Alvarez")
    pierre = attorney("Pierre Petit", languages=(("fra", 5),))
    client = client_for(staff)
    url = reverse("staff:matching_case", args=[seeking_case.pk])
    confirmed = {"confirm": "1", "expires_in_days": "3"}
    assert client.post(url, {"person": pierre.pk, **confirmed}).status_code == 302  # excluded: not sent
    assert client.post(url, {"person": "x"}).status_code == 302
    assert CaseOffer.objects.count() == 0
    assert client.post(url, {"person": ana.pk, **confirmed}).status_code == 302
    assert CaseOffer.objects.get().attorney == ana


def test_an_offer_from_the_suggestions_asks_for_confirmation_and_an_expiry(client_for, staff, seeking_case):
    from mentorship.models import MatchingSettings

    ana = attorney("Ana Alvarez")
    knobs = MatchingSettings.load()
    knobs.offer_expiry_days = 5
    knobs.save()
    client = client_for(staff)
    url = reverse("staff:matching_case", args=[seeking_case.pk])
    response = client.post(url, {"person": ana.pk})
    html = response.content.decode()
    assert response.status_code == 200 and "Confirm the offer" in html and "Ana Alvarez" in html
    assert 'name="expires_in_days" value="5"' in html
    assert CaseOffer.objects.count() == 0
    client.post(url, {"person": ana.pk, "confirm": "1", "expires_in_days": "7"})
    offer = CaseOffer.objects.get()
    assert offer.expires_at - offer.offered_at == datetime.timedelta(days=7)


def test_mentor_page_ranks_by_expertise_language_and_load_and_staff_confirm(client_for, staff):
    placement = PlacementFactory(case=CaseFactory(status=CaseStatus.PLACED, languages=["mam"]))
    expert = MentorProfileFactory(expertise=["asylum"], languages=["mam"], max_mentees=3).user
    expert.full_name = "Elena Expert"
    expert.save()
    busy = MentorProfileFactory(expertise=["asylum"], languages=["mam"], max_mentees=1).user
    Mentorship.objects.create(
        placement=PlacementFactory(), case=None, mentor=busy, mentee=VolunteerFactory(), assigned_by=staff
    )
    novice = MentorProfileFactory(expertise=["u_visa"], languages=["eng"]).user
    novice.full_name = "Nico Novice"
    novice.save()
    client = client_for(staff)
    url = reverse("staff:matching_mentor", args=[placement.pk])
    html = client.get(url).content.decode()
    assert html.index("Elena Expert") < html.index("Nico Novice")
    assert "Expertise in Asylum" in html and "Speaks the client&#x27;s language (Mam)" in html
    assert f'value="{busy.pk}"' not in html  # no free place
    assert client.post(url, {"person": busy.pk}).status_code == 302
    assert not Mentorship.objects.filter(placement=placement).exists()
    assert client.post(url, {"person": expert.pk}).status_code == 302
    mentorship = Mentorship.objects.get(placement=placement)
    assert mentorship.mentor == expert and mentorship.assigned_by == staff


def test_mentor_page_for_a_closed_placement_is_404(client_for, staff):
    placement = PlacementFactory(closed_at=timezone.now())
    assert client_for(staff).get(reverse("staff:matching_mentor", args=[placement.pk])).status_code == 404


def test_a_batch_too_large_to_solve_exactly_is_a_message_not_an_error(client_for, staff, seeking_case, monkeypatch):
    from mentorship.matching import batch as batch_module

    original = batch_module._check_exact
    monkeypatch.setattr(batch_module, "_check_exact", lambda n_cases, big: original(n_cases, 2**53))
    response = client_for(staff).get(reverse("staff:matching_batch"), follow=True)
    assert response.status_code == 200
    assert "Too many cases seek an attorney for one batch" in response.content.decode()
