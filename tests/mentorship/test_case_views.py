"""What each role sees on case pages: field-level rules, staged offers, audit rows, exports."""

import csv
import io
import re

import pytest
from django.urls import reverse

from accounts.models import AuditEvent
from mentorship.models import Case, CaseOffer, CaseStatus, OfferStatus, Placement
from tests.factories import CaseFactory, attorney_with_profile

from .conftest import NOTES_SENTINEL, PARTY_SENTINEL

pytestmark = pytest.mark.django_db


def _html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_mentor_sees_mentee_case_without_notes_or_adverse_parties(world, client_for):
    html = _html(client_for(world["mentor"]).get(reverse("mentorship:case_detail", args=[world["placed_case"].pk])))
    assert world["placed_case"].reference in html
    assert world["placed_case"].client_initials in html
    assert NOTES_SENTINEL not in html
    assert PARTY_SENTINEL not in html


def test_mentor_pages_never_show_notes_or_parties(world, client_for):
    client = client_for(world["mentor"])
    for url in (reverse("mentorship:mentor_home"), reverse("mentorship:case_detail", args=[world["placed_case"].pk])):
        html = _html(client.get(url))
        assert NOTES_SENTINEL not in html and PARTY_SENTINEL not in html


def test_placed_attorney_and_staff_see_notes_and_parties(world, client_for):
    for user, url in (
        (world["placed_attorney"], reverse("mentorship:case_detail", args=[world["placed_case"].pk])),
        (world["staff"], reverse("staff:case_detail", args=[world["placed_case"].pk])),
    ):
        html = _html(client_for(user).get(url))
        assert NOTES_SENTINEL in html
        assert PARTY_SENTINEL in html


def test_offer_opens_in_stages(world, client_for):
    client = client_for(world["offered_attorney"])
    offer, case = world["offer"], world["offered_case"]
    offer_url = reverse("mentorship:offer_detail", args=[offer.pk])
    case_url = reverse("mentorship:case_detail", args=[case.pk])

    # 1. Summary: no initials, parties or notes anywhere.
    for url in (offer_url, case_url):
        html = _html(client.get(url))
        assert PARTY_SENTINEL not in html and NOTES_SENTINEL not in html
        assert f"<dd>{case.client_initials}</dd>" not in html

    # 2. Party names for the conflict check; notes still closed.
    assert client.post(reverse("mentorship:offer_parties", args=[offer.pk])).status_code == 302
    html = _html(client.get(offer_url))
    assert PARTY_SENTINEL in html and NOTES_SENTINEL not in html
    assert NOTES_SENTINEL not in _html(client.get(case_url))

    # Accepting before the attestation is refused.
    client.post(reverse("mentorship:offer_accept", args=[offer.pk]))
    assert not Placement.objects.filter(case=case).exists()

    # 3. "No conflict" opens the file; accept places the case.
    client.post(reverse("mentorship:offer_conflict_check", args=[offer.pk]), {"answer": "no_conflict"})
    assert NOTES_SENTINEL in _html(client.get(case_url))
    response = client.post(reverse("mentorship:offer_accept", args=[offer.pk]))
    assert response.status_code == 302 and response["Location"] == case_url
    assert Case.objects.get(pk=case.pk).status == CaseStatus.PLACED


def test_decline_through_the_page_requires_a_reason(world, client_for):
    client = client_for(world["offered_attorney"])
    url = reverse("mentorship:offer_decline", args=[world["offer"].pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200
    assert CaseOffer.objects.get(pk=world["offer"].pk).status == OfferStatus.PENDING
    response = client.post(url, {"reason": "Trial that month"})
    assert response.status_code == 302
    offer = CaseOffer.objects.get(pk=world["offer"].pk)
    assert offer.status == OfferStatus.DECLINED and offer.decline_reason == "Trial that month"


def test_each_case_view_writes_exactly_one_audit_row(world, client_for):
    case = world["placed_case"]
    for user, url in (
        (world["placed_attorney"], reverse("mentorship:case_detail", args=[case.pk])),
        (world["mentor"], reverse("mentorship:case_detail", args=[case.pk])),
        (world["staff"], reverse("staff:case_detail", args=[case.pk])),
    ):
        before = AuditEvent.objects.count()
        _html(client_for(user).get(url))
        rows = AuditEvent.objects.order_by("-id")[: AuditEvent.objects.count() - before]
        reads = [row for row in rows if row.object_type == "mentorship.case"]
        assert len(reads) == 1
        row = reads[0]
        assert (row.actor, row.action, row.object_id) == (user, AuditEvent.Action.READ, str(case.pk))
        assert row.view_name in {"mentorship:case_detail", "staff:case_detail"}
        assert row.ip_address == "127.0.0.1"
        assert case.client_initials not in row.detail and NOTES_SENTINEL not in row.detail


def test_denied_case_read_answers_404_and_is_audited(world, client_for):
    case = world["placed_case"]
    response = client_for(world["other_mentor"]).get(reverse("mentorship:case_detail", args=[case.pk]))
    assert response.status_code == 404
    denial = AuditEvent.objects.filter(action=AuditEvent.Action.DENIED, object_type="mentorship.case").latest("id")
    assert denial.actor == world["other_mentor"] and denial.object_id == str(case.pk)


def test_unknown_case_answers_404_like_a_forbidden_one(world, client_for):
    client = client_for(world["other_attorney"])
    missing = client.get(reverse("mentorship:case_detail", args=[999999]))
    forbidden = client.get(reverse("mentorship:case_detail", args=[world["placed_case"].pk]))
    assert missing.status_code == forbidden.status_code == 404


def test_staff_export_is_audited_and_carries_only_allowlisted_columns(world, client_for):
    response = client_for(world["staff"]).get(reverse("staff:cases_export"))
    assert response.status_code == 200
    body = response.content.decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["reference", "status", "relief_types", "languages", "detained", "created_at"]
    assert len(rows) == Case.objects.count() + 1
    assert NOTES_SENTINEL not in body and PARTY_SENTINEL not in body
    event = AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).latest("id")
    assert event.actor == world["staff"] and event.detail == f"rows={Case.objects.count()}"


def test_staff_intake_creates_case_with_reference_and_history(staff_user, client_for):
    client = client_for(staff_user)
    response = client.post(
        reverse("staff:case_create"),
        {
            "client_initials": "ab",
            "country_of_origin": "GT",
            "languages": "mam, spa",
            "min_ilr_level": "3",
            "relief_types": ["asylum", "u_visa"],
            "detained": "on",
            "court": "Example Court",
            "confidential_notes": NOTES_SENTINEL,
            "adverse_parties": PARTY_SENTINEL,
        },
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("staff:case_detail", args=[case.pk])
    assert case.reference.startswith("PBA-") and case.client_initials == "AB"
    assert case.languages == ["mam", "spa"] and case.detained
    assert case.status_changes.count() == 1
    assert NOTES_SENTINEL not in response["Location"]


def test_staff_relates_a_family_members_case_both_ways_and_edits_it(staff_user, client_for):
    sibling = CaseFactory()
    client = client_for(staff_user)
    form = {"client_initials": "CD", "languages": "spa", "min_ilr_level": "3", "relief_types": ["sijs"]}
    response = client.post(reverse("staff:case_create"), {**form, "related_cases": sibling.reference.lower()})
    assert response.status_code == 302
    case = Case.objects.exclude(pk=sibling.pk).get()
    assert list(case.related_cases.all()) == [sibling]
    assert list(sibling.related_cases.all()) == [case]
    page = client.get(reverse("staff:case_detail", args=[sibling.pk])).content.decode()
    assert reverse("staff:case_detail", args=[case.pk]) in page
    edit = client.get(reverse("staff:case_edit", args=[case.pk])).content.decode()
    assert f'value="{sibling.reference}"' in edit

    response = client.post(reverse("staff:case_edit", args=[case.pk]), {**form, "related_cases": ""})
    assert response.status_code == 302
    assert not case.related_cases.exists() and not sibling.related_cases.exists()


@pytest.mark.parametrize(
    ("references", "message"),
    [("PBA-1999-99999", "No case has the reference PBA-1999-99999."), ("SELF", "cannot be related to itself")],
)
def test_related_case_references_are_checked_and_nothing_is_saved(staff_user, client_for, references, message):
    case = CaseFactory(client_initials="EF")
    client = client_for(staff_user)
    references = references.replace("SELF", case.reference)
    form = {"client_initials": "GH", "languages": "spa", "min_ilr_level": "3", "relief_types": ["sijs"]}
    response = client.post(reverse("staff:case_edit", args=[case.pk]), {**form, "related_cases": references})
    assert response.status_code == 200
    assert message in response.content.decode()
    case.refresh_from_db()
    assert case.client_initials == "EF" and not case.related_cases.exists()


def test_staff_intake_rejects_bad_language_codes_without_error_page(staff_user, client_for):
    response = client_for(staff_user).post(
        reverse("staff:case_create"),
        {"client_initials": "AB", "languages": "xx1, spanish", "min_ilr_level": "3", "relief_types": ["asylum"]},
    )
    assert response.status_code == 200
    assert "Not in the language list: xx1." in response.content.decode()
    assert not Case.objects.exists()


def test_staff_status_change_needs_reason_and_is_kept_in_history(world, client_for):
    case = world["seeking_case"]
    client = client_for(world["staff"])
    client.post(reverse("staff:case_status", args=[case.pk]), {"to_status": "closed", "reason": ""})
    assert Case.objects.get(pk=case.pk).status == "seeking"
    client.post(reverse("staff:case_status", args=[case.pk]), {"to_status": "closed", "reason": "Client moved away"})
    change = case.status_changes.latest("id")
    assert (change.from_status, change.to_status, change.reason, change.changed_by) == (
        "seeking",
        "closed",
        "Client moved away",
        world["staff"],
    )
    html = _html(client.get(reverse("staff:case_detail", args=[case.pk])))
    assert "Client moved away" in html


def test_staff_offer_send_through_page(world, client_for):
    case = world["seeking_case"]
    attorney = attorney_with_profile()
    response = client_for(world["staff"]).post(
        reverse("staff:offer_send", args=[case.pk]), {"attorney": attorney.pk, "expires_in_days": "3", "confirm": "on"}
    )
    assert response.status_code == 302
    assert CaseOffer.objects.get(case=case).attorney == attorney


def test_open_cases_list_only_fitting_cases(staff_user, client_for):
    attorney = attorney_with_profile(languages=(("mam", 3),), detained_ok=False)
    fits = CaseFactory(
        status="seeking", languages=["mam"], min_ilr_level=3, client_initials="ZQ", created_by=staff_user
    )
    too_weak = CaseFactory(status="seeking", languages=["mam"], min_ilr_level=4, created_by=staff_user)
    other_language = CaseFactory(status="seeking", languages=["quc"], created_by=staff_user)
    interpreter = CaseFactory(status="seeking", languages=["quc"], interpreter_arranged=True, created_by=staff_user)
    detained = CaseFactory(status="seeking", languages=["mam"], min_ilr_level=2, detained=True, created_by=staff_user)
    placed = CaseFactory(status="placed", languages=["mam"], created_by=staff_user)
    from mentorship.selectors.cases import open_cases_for_attorney

    visible = set(open_cases_for_attorney(user=attorney))
    assert visible == {fits, interpreter}
    assert not visible & {too_weak, other_language, detained, placed}
    html = _html(client_for(attorney).get(reverse("mentorship:open_cases")))
    assert "Example Immigration Court" not in html and ">ZQ<" not in html and " ZQ " not in html
    assert NOTES_SENTINEL not in html


def test_open_cases_follow_matching_on_conflicts_declines_deadlines_and_pending_offers(staff_user):
    import datetime

    from django.utils import timezone

    from mentorship.selectors.cases import open_cases_for_attorney
    from mentorship.services.conflicts import conflict_record
    from tests.factories import CaseDateFactory, CaseOfferFactory

    attorney = attorney_with_profile(languages=(("spa", 4),), relief=(("asylum", 0),), capacity=2)
    fits = CaseFactory(status="seeking", languages=["spa"], relief_types=["asylum"])
    party = CaseFactory(status="seeking", languages=["spa"], adverse_parties="Party Seven")
    conflict_record(by=staff_user, attorney=attorney, adverse_party="party seven")
    declined = CaseFactory(status="seeking", languages=["spa"])
    CaseOfferFactory(case=declined, attorney=attorney, status=OfferStatus.DECLINED)
    pressing = CaseFactory(status="seeking", languages=["spa"], relief_types=["asylum"])
    CaseDateFactory(case=pressing, kind="filing_deadline", date=timezone.localdate() + datetime.timedelta(days=9))
    assert set(open_cases_for_attorney(user=attorney)) == {fits}
    assert party not in set(open_cases_for_attorney(user=attorney))

    CaseOfferFactory(attorney=attorney)
    assert set(open_cases_for_attorney(user=attorney)) == {fits}
    CaseOfferFactory(attorney=attorney)  # two pending offers fill both places
    assert set(open_cases_for_attorney(user=attorney)) == set()


def test_attorney_profile_form_saves_languages_and_experience(client_for):
    attorney = attorney_with_profile(languages=(("spa", 4),))
    response = client_for(attorney).post(
        reverse("mentorship:attorney_profile"),
        {"capacity": "3", "languages": "quc 3\nhat 5", "relief_asylum": "3", "remote_ok": "on"},
    )
    assert response.status_code == 302
    profile = attorney.attorney_profile
    profile.refresh_from_db()
    assert profile.capacity == 3
    assert {(lang.code, lang.ilr_level) for lang in profile.languages.all()} == {("quc", 3), ("hat", 5)}
    assert profile.relief_experience.get().level == 3


def test_page_titles_and_urls_carry_no_client_details(world, client_for):
    import re

    case = world["placed_case"]
    for user, url in (
        (world["placed_attorney"], reverse("mentorship:case_detail", args=[case.pk])),
        (world["staff"], reverse("staff:case_detail", args=[case.pk])),
        (world["mentor"], reverse("mentorship:mentor_home")),
    ):
        html = _html(client_for(user).get(url))
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        for secret in (case.client_initials, case.reference, NOTES_SENTINEL, PARTY_SENTINEL):
            assert secret not in title
            assert secret not in url


def test_open_cases_require_the_training_staff_set_for_the_relief_type(staff_user):
    from django.utils import timezone

    from mentorship.models import ReliefTypeRequirement
    from mentorship.selectors.cases import open_cases_for_attorney
    from tests.factories import CoursePageFactory, EnrollmentFactory

    attorney = attorney_with_profile(languages=(("spa", 4),))
    course = CoursePageFactory()
    ReliefTypeRequirement.objects.create(relief_type="u_visa", course=course)
    u_visa = CaseFactory(status="seeking", relief_types=["u_visa"], created_by=staff_user)
    asylum = CaseFactory(status="seeking", relief_types=["asylum"], created_by=staff_user)
    assert set(open_cases_for_attorney(user=attorney)) == {asylum}
    enrollment = EnrollmentFactory(user=attorney, course=course)
    enrollment.completed_at = timezone.now()
    enrollment.save()
    assert set(open_cases_for_attorney(user=attorney)) == {asylum, u_visa}


def test_signed_in_case_pages_are_not_cached_by_shared_caches(world, client_for):
    response = client_for(world["placed_attorney"]).get(
        reverse("mentorship:case_detail", args=[world["placed_case"].pk])
    )
    cache_control = response.get("Cache-Control", "")
    assert "private" in cache_control or "no-store" in cache_control


def test_no_case_data_is_registered_in_the_wagtail_admin():
    from wagtail.snippets.models import get_snippet_models

    assert not [model for model in get_snippet_models() if model._meta.app_label == "mentorship"]


def test_staff_assign_mentor_and_end_placement_through_pages(world, client_for):
    from tests.factories import MentorProfileFactory, PlacementFactory

    client = client_for(world["staff"])
    placement = PlacementFactory(attorney=world["placed_attorney"])
    mentor = MentorProfileFactory(expertise=placement.case.relief_types, languages=placement.case.languages).user
    page = _html(client.get(reverse("staff:mentor_assign", args=[placement.pk])))
    assert mentor.full_name in page
    response = client.post(reverse("staff:mentor_assign", args=[placement.pk]), {"mentor": mentor.pk})
    assert response.status_code == 302
    assert placement.mentorships.get().mentor == mentor
    outcome = {f"result_{relief}": "granted" for relief in placement.case.relief_types}
    client.post(
        reverse("staff:placement_close", args=[placement.pk]),
        {"reason": "Relief granted", "remained_represented": "yes", **outcome},
    )
    placement.refresh_from_db()
    assert placement.closed_at is not None and placement.closed_reason == "Relief granted"
    assert Case.objects.get(pk=placement.case_id).status == CaseStatus.CLOSED
    assert placement.mentorships.get().status == "ended"


def test_mentor_profile_form_validates_language_codes(world, client_for):
    client = client_for(world["mentor"])
    response = client.post(
        reverse("mentorship:mentor_profile"), {"max_mentees": "2", "languages": "spa, zzz9", "expertise": ["asylum"]}
    )
    assert response.status_code == 200 and "Not in the language list: zzz9." in response.content.decode()
    response = client.post(
        reverse("mentorship:mentor_profile"),
        {"max_mentees": "2", "available": "on", "languages": "spa, quc", "expertise": ["asylum", "u_visa"]},
    )
    assert response.status_code == 302
    profile = world["mentor"].mentor_profile
    profile.refresh_from_db()
    assert profile.languages == ["spa", "quc"] and profile.expertise == ["asylum", "u_visa"]


def test_open_cases_that_require_a_specific_bar_need_an_active_admission_there(staff_user):
    from mentorship.selectors.cases import open_cases_for_attorney
    from tests.factories import BarAdmissionFactory, JurisdictionFactory

    attorney = attorney_with_profile()
    ny_only = CaseFactory(status="seeking", requires_bar_jurisdiction="NY", created_by=staff_user)
    anywhere = CaseFactory(status="seeking", created_by=staff_user)
    BarAdmissionFactory(user=attorney, jurisdiction=JurisdictionFactory(code="CA"))
    assert set(open_cases_for_attorney(user=attorney)) == {anywhere}
    BarAdmissionFactory(user=attorney, jurisdiction=JurisdictionFactory(code="NY"), status="inactive")
    assert set(open_cases_for_attorney(user=attorney)) == {anywhere}
    attorney.bar_admissions.filter(jurisdiction__code="NY").update(status="active")
    assert set(open_cases_for_attorney(user=attorney)) == {anywhere, ny_only}


def test_staff_case_list_filters(staff_user, client_for):
    mam = CaseFactory(status="seeking", languages=["mam"], relief_types=["u_visa"], created_by=staff_user)
    detained = CaseFactory(status="intake", languages=["spa"], detained=True, created_by=staff_user)
    client = client_for(staff_user)

    def listed(**params):
        html = _html(client.get(reverse("staff:home"), params))
        return {case for case in (mam, detained) if case.reference in html}

    assert listed() == {mam, detained}
    assert listed(status="intake") == {detained}
    assert listed(language="mam") == {mam}
    assert listed(relief_type="u_visa") == {mam}
    assert listed(detained="yes") == {detained}
    assert listed(reference=mam.reference) == {mam}


@pytest.mark.parametrize(
    ("role", "route", "object_type"),
    [
        ("placed_attorney", "mentorship:my_cases", "mentorship.case_list"),
        ("offered_attorney", "mentorship:my_offers", "mentorship.offer_list"),
        ("offered_attorney", "mentorship:open_cases", "mentorship.open_case_list"),
        ("mentor", "mentorship:mentor_home", "mentorship.mentee_list"),
        ("staff", "staff:home", "mentorship.case_list"),
    ],
)
def test_case_list_pages_audit_the_read(role, route, object_type, world, client_for):
    before = AuditEvent.objects.filter(action=AuditEvent.Action.READ, object_type=object_type).count()
    _html(client_for(world[role]).get(reverse(route)))
    rows = AuditEvent.objects.filter(action=AuditEvent.Action.READ, object_type=object_type)
    assert rows.count() == before + 1
    assert rows.latest("id").actor == world[role]


def test_offer_summary_lists_the_case_dates_before_acceptance(world, client_for):
    """A hearing and a filing deadline show on the summary, before party names or acceptance."""
    import datetime

    from tests.factories import CaseDateFactory

    case = world["offered_case"]
    year = datetime.date.today().year + 1
    CaseDateFactory(case=case, kind="hearing", date=datetime.date(year, 1, 15))
    CaseDateFactory(case=case, kind="one_year_deadline", date=datetime.date(year, 3, 2))
    html = _html(
        client_for(world["offered_attorney"]).get(reverse("mentorship:offer_detail", args=[world["offer"].pk]))
    )
    assert f"Hearing: 15 Jan {year}" in html
    assert f"One-year asylum filing deadline: 2 Mar {year}" in html
    assert PARTY_SENTINEL not in html


def test_staff_intake_takes_languages_by_name(staff_user, client_for):
    client = client_for(staff_user)
    form = client.get(reverse("staff:case_create")).content.decode()
    assert '<option value="Mam"></option>' in form and 'list="id_languages_list"' in form
    response = client.post(
        reverse("staff:case_create"),
        {
            "client_initials": "AB",
            "languages_0": "Mam",
            "languages_1": "spanish",
            "languages_2": "",
            "min_ilr_level": "3",
            "relief_types": ["asylum"],
        },
    )
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.languages == ["mam", "spa"]
    edit = client.get(reverse("staff:case_edit", args=[case.pk])).content.decode()
    assert 'name="languages_0" id="id_languages_0" value="Mam"' in edit


def test_attorney_profile_takes_language_names_with_a_separate_level(client_for):
    attorney = attorney_with_profile(languages=(("spa", 4),))
    client = client_for(attorney)
    page = client.get(reverse("mentorship:attorney_profile")).content.decode()
    assert 'value="Spanish"' in page and '<option value="4" selected>' in page
    response = client.post(
        reverse("mentorship:attorney_profile"),
        {
            "capacity": "2",
            "languages_0": "K'iche'",
            "languages_0_level": "3",
            "languages_1": "Haitian",
            "languages_1_level": "5",
        },
    )
    assert response.status_code == 302
    profile = attorney.attorney_profile
    assert {(lang.code, lang.ilr_level) for lang in profile.languages.all()} == {("quc", 3), ("hat", 5)}


def test_attorney_profile_language_errors_are_sentences_and_keep_the_rows(client_for):
    attorney = attorney_with_profile(languages=(("spa", 4),))
    response = client_for(attorney).post(
        reverse("mentorship:attorney_profile"),
        {
            "capacity": "2",
            "languages_0": "Klingonish",
            "languages_0_level": "3",
            "languages_1": "French",
            "languages_1_level": "",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "is not in the language list" in html and "Choose an ILR speaking level for French." in html
    assert 'value="Klingonish"' in html and 'value="French"' in html
    assert "[&#x27;" not in html
    assert {(lang.code, lang.ilr_level) for lang in attorney.attorney_profile.languages.all()} == {("spa", 4)}


def test_staff_offer_from_the_case_page_needs_a_confirmation(world, client_for):
    case, attorney = world["seeking_case"], attorney_with_profile()
    client = client_for(world["staff"])
    page = _html(client.get(reverse("staff:case_detail", args=[case.pk])))
    assert 'name="confirm"' in page and 'name="expires_in_days"' in page
    response = client.post(
        reverse("staff:offer_send", args=[case.pk]), {"attorney": attorney.pk, "expires_in_days": "3"}
    )
    assert response.status_code == 302 and not CaseOffer.objects.filter(case=case).exists()
    client.post(
        reverse("staff:offer_send", args=[case.pk]), {"attorney": attorney.pk, "expires_in_days": "3", "confirm": "on"}
    )
    assert CaseOffer.objects.filter(case=case, attorney=attorney).exists()


def test_staff_status_list_starts_at_the_case_current_status(world, client_for):
    page = _html(client_for(world["staff"]).get(reverse("staff:case_detail", args=[world["placed_case"].pk])))
    assert '<option value="placed" selected>' in page
    assert '<option value="intake" selected>' not in page


def test_open_cases_name_the_real_reason_none_fits(staff_user, client_for):
    """Only missing training keeps the case away: the page says so, not languages or capacity."""
    from home.models import ProgramContactSettings
    from mentorship.models import ReliefTypeRequirement
    from tests.factories import CoursePageFactory

    contact = ProgramContactSettings.load()
    contact.email = "help@program.example"
    contact.save()
    attorney = attorney_with_profile(languages=(("spa", 4),), capacity=3)
    ReliefTypeRequirement.objects.create(relief_type="u_visa", course=CoursePageFactory())
    CaseFactory(status="seeking", relief_types=["u_visa"], languages=["spa"], created_by=staff_user)
    html = _html(client_for(attorney).get(reverse("mentorship:open_cases")))
    assert "Required training — 1 case" in html
    assert reverse("courses:catalog") in html
    assert "U visa" not in html  # a case that does not fit is not described
    assert "Check your languages and capacity" not in html
    assert "Language:" not in html and "Capacity:" not in html
    assert 'href="mailto:help@program.example"' in html


def test_dashboard_does_not_say_not_placed_to_an_attorney_whose_case_ended(client_for):
    from django.utils import timezone

    from tests.factories import PlacementFactory

    placement = PlacementFactory()
    placement.closed_at = timezone.now()
    placement.save()
    html = _html(client_for(placement.attorney).get(reverse("dashboard")))
    assert "You are not placed on a case yet." not in html
    assert "You have no open case right now." in html


def test_open_cases_word_an_attorney_only_reason_with_their_own_figures(staff_user, client_for):
    from tests.factories import PlacementFactory

    attorney = attorney_with_profile(capacity=1)
    PlacementFactory(attorney=attorney)
    CaseFactory(status="seeking", created_by=staff_user)
    html = _html(client_for(attorney).get(reverse("mentorship:open_cases")))
    assert "Capacity: no capacity left (1 active of 1)" in html
    assert reverse("mentorship:attorney_profile") in html


def test_the_staff_case_list_shows_a_page_at_a_time_and_keeps_the_filters(staff_user, client_for):
    from mentorship.views.staff import CASES_PER_PAGE

    CaseFactory.create_batch(CASES_PER_PAGE + 3, status="seeking", created_by=staff_user)
    client = client_for(staff_user)
    first = client.get(reverse("staff:home"), {"status": "seeking"})
    html = first.content.decode()
    assert len(re.findall(r'href="/staff/cases/\d+/"', html)) == CASES_PER_PAGE
    assert f"Cases 1 to {CASES_PER_PAGE} of {CASES_PER_PAGE + 3}" in html
    assert "?status=seeking&amp;page=2" in html
    second = client.get(reverse("staff:home"), {"status": "seeking", "page": "2"})
    assert len(re.findall(r'href="/staff/cases/\d+/"', second.content.decode())) == 3
    event = AuditEvent.objects.filter(object_type="mentorship.case_list").latest("id")
    assert event.detail == "rows=3"
    # A page past the end, or not a number, shows a page of cases, never an error.
    for page in ("99", "x"):
        assert client.get(reverse("staff:home"), {"page": page}).status_code == 200
