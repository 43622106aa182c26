"""The excluded-attorneys page counts and pages in SQL; the solver, run on every attorney, must agree."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import BarAdmission
from mentorship.matching import top_k
from mentorship.models import CaseDateKind, OfferStatus, ReliefTypeRequirement
from mentorship.selectors import exclusions
from mentorship.selectors import matching as selectors
from mentorship.services.conflicts import conflict_record
from tests.factories import (
    CaseDateFactory,
    CaseFactory,
    CaseOfferFactory,
    CoursePageFactory,
    EnrollmentFactory,
    JurisdictionFactory,
    PlacementFactory,
    StaffFactory,
    attorney_with_profile,
    bar_admission_make,
    totp_enrol,
)

pytestmark = pytest.mark.django_db


def admitted(user, code: str = "TX"):
    bar_admission_make(user=user, jurisdiction=JurisdictionFactory(code=code))
    return user


@pytest.fixture
def world():
    """A case every hard constraint applies to, and attorneys failing each one, some several."""
    staff = StaffFactory()
    case = CaseFactory(
        languages=["mam", "spa"],
        min_ilr_level=3,
        relief_types=["asylum", "withholding_cat"],
        detained=True,
        requires_bar_jurisdiction="TX",
        court="Conroe Detention Facility",
        adverse_parties="Party One",
    )
    CaseDateFactory(
        case=case, kind=CaseDateKind.MERITS_HEARING, date=timezone.localdate() + datetime.timedelta(days=10)
    )
    course, updated = CoursePageFactory(), CoursePageFactory()
    ReliefTypeRequirement.objects.create(relief_type="asylum", course=course)
    ReliefTypeRequirement.objects.create(relief_type="withholding_cat", course=updated)
    updated.law_changed_on = timezone.localdate() - datetime.timedelta(days=30)
    updated.save_revision().publish()

    def trained(name, **kwargs):
        kwargs.setdefault("relief", (("asylum", 3),))
        kwargs.setdefault("languages", (("spa", 4),))
        user = attorney_with_profile(**kwargs)
        user.full_name = name
        user.save(update_fields=["full_name"])
        admitted(user)
        EnrollmentFactory(user=user, course=course, completed_at=timezone.now())
        EnrollmentFactory(user=user, course=updated, completed_at=timezone.now())
        return user

    people = {"fits": trained("Fit One"), "fits_too": trained("Fit Two", capacity=3)}
    people["low_ilr"] = trained("Low Ilr", languages=(("spa", 2), ("mam", 1)))
    people["no_language"] = trained("No Language", languages=(("fra", 5),))
    people["paused"] = trained("Pau Sed", paused_until=timezone.localdate())
    people["paused_before"] = trained("Was Paused", paused_until=timezone.localdate() - datetime.timedelta(days=1))
    people["not_detained"] = trained("Nod Etained", detained_ok=False)
    people["full"] = trained("Ful Load", capacity=1)
    PlacementFactory(attorney=people["full"])
    people["pending"] = trained("Pen Ding", capacity=1)
    CaseOfferFactory(attorney=people["pending"])
    people["closed_placement"] = trained("Clo Sed", capacity=1)
    PlacementFactory(attorney=people["closed_placement"], closed_at=timezone.now())
    people["no_experience"] = trained("No Experience", relief=())
    people["untrained"] = trained("Unt Rained")
    people["untrained"].enrollments.filter(course=course).delete()
    people["outdated"] = trained("Out Dated")
    people["outdated"].enrollments.filter(course=updated).update(
        completed_at=timezone.now() - datetime.timedelta(days=60)
    )
    people["wrong_bar"] = trained("Wrong Bar")
    BarAdmission.objects.filter(user=people["wrong_bar"]).delete()
    admitted(people["wrong_bar"], "NY")
    people["no_bar"] = trained("No Bar")
    BarAdmission.objects.filter(user=people["no_bar"]).delete()
    people["inactive_bar"] = trained("Inactive Bar")
    BarAdmission.objects.filter(user=people["inactive_bar"]).update(status=BarAdmission.Status.INACTIVE)
    people["direct"] = trained("Dee Direct")
    people["by_firm"] = trained("Fay Firm", firm_name="Smith & Jones LLP")
    people["same_firm"] = trained("Sam Firm", firm_name="Smith & Jones LLP ")
    people["by_party"] = trained("Par Ty")
    people["declined"] = trained("Dec Lined")
    people["many"] = trained("Man Y", languages=(), relief=(), detained_ok=False, paused_until=timezone.localdate())
    BarAdmission.objects.filter(user=people["many"]).delete()
    former = trained("For Mer")
    former.groups.clear()
    conflict_record(by=staff, attorney=people["direct"], case=case)
    conflict_record(by=staff, firm_name="smith &  jones llp", case=case)
    conflict_record(by=staff, attorney=people["by_party"], adverse_party="party one")
    CaseOfferFactory(attorney=people["declined"], case=case, status=OfferStatus.DECLINED)
    return staff, case, people


def solver_exclusions(case):
    case_input, pool, context = selectors.matching_inputs_for_case(case_id=case.pk)
    _suggestions, excluded = top_k(case_input, pool, 0, context=context)
    return len(pool), {e.attorney_id: tuple(r.code for r in e.reasons) for e in excluded}


def test_sql_counts_and_pages_agree_with_the_solver_on_every_attorney(world):
    _staff, case, people = world
    compared, expected = solver_exclusions(case)
    # Every constraint excludes someone, and the world's fitting attorneys fit.
    assert {code for codes in expected.values() for code in codes} == {
        "language", "training", "capacity", "paused", "conflict", "declined",
        "bar_admission", "bar_jurisdiction", "detained", "deadline_experience",
    }  # fmt: skip
    assert not {people[k].pk for k in ("fits", "fits_too", "paused_before", "closed_placement")} & set(expected)

    context = selectors.matching_context()
    cases, parties = selectors.case_inputs(case_ids=[case.pk])
    figures = exclusions.exclusion_counts(cases[0], parties[case.pk], context)
    counts = figures.by_constraint
    assert (figures.compared, figures.excluded) == (compared, len(expected))
    by_code = {}
    for attorney_id, codes in expected.items():
        for code in codes:
            by_code.setdefault(code, set()).add(attorney_id)
    assert counts == {code: len(ids) for code, ids in by_code.items()}
    assert list(counts) == [c for c in counts if c in by_code]  # constraint order kept

    every = list(exclusions.excluded_user_ids(cases[0], parties[case.pk], context))
    assert every == sorted(expected)
    for code, ids in by_code.items():
        assert list(exclusions.excluded_user_ids(cases[0], parties[case.pk], context, constraint=code)) == sorted(ids)
    reasons = exclusions.exclusions_for(cases[0], parties[case.pk], context, user_ids=every[:5])
    assert [(e.attorney_id, tuple(r.code for r in e.reasons)) for e in reasons] == [(i, expected[i]) for i in every[:5]]


def test_the_page_shows_counts_per_constraint_and_a_page_of_names_with_reasons(world, client_for):
    staff, case, people = world
    totp_enrol(staff)
    client = client_for(staff)
    url = reverse("staff:matching_case_excluded", args=[case.pk])
    page = client.get(url).content.decode()
    assert "Bar jurisdiction: not admitted in TX, which this case requires</a>: 1" in page
    assert "Conflict of interest: conflicted out of this case</a>: 4" in page
    assert "Wrong Bar" in page and "Fit One" not in page

    only = client.get(url, {"constraint": "declined"}).content.decode()
    assert "Dec Lined" in only and "Wrong Bar" not in only
    assert "Declined before: declined this case before: 1</strong>" in only
    # An unknown constraint shows everyone excluded rather than an error.
    assert client.get(url, {"constraint": "nonsense", "page": "x"}).status_code == 200


def test_the_page_reads_a_fixed_number_of_queries_whatever_the_number_of_attorneys(
    world, client_for, django_assert_max_num_queries
):
    staff, case, _people = world
    totp_enrol(staff)
    client = client_for(staff)
    url = reverse("staff:matching_case_excluded", args=[case.pk])
    client.get(url)
    with django_assert_max_num_queries(60) as before:
        client.get(url)
    for _ in range(5):
        attorney_with_profile(languages=(("fra", 5),))
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(url)
