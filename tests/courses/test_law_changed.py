"""Training that expires when the law changes.

An editor marks the date a course's law changed; completions before it stop counting as a
relief type's required training for new placements (matching's three paths, the open-case
list and the offer path agree), placed attorneys keep their cases, the attorney sees
"Update required" with what changed, and taking the update makes the completion count again.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

from accounts.models import AuditEvent, User
from courses.models import CoursePage, Enrollment
from mentorship.matching import evaluate, top_k
from mentorship.models import CaseStatus, Placement, ReliefTypeRequirement
from mentorship.selectors import matching as selectors
from mentorship.services.placement_rules import pair_constraint_failures
from tests.factories import (
    CaseFactory,
    CoursePageFactory,
    EnrollmentFactory,
    PlacementFactory,
    attorney_with_profile,
    totp_enrol,
)

pytestmark = pytest.mark.django_db

LAST_MONTH = datetime.timedelta(days=30)


@pytest.fixture
def asylum_course():
    course = CoursePageFactory(
        title="Gender-based asylum",
        relief_types=["asylum"],
        law_change_summary="<p>Matter of K-E-S-G- (BIA 2025): a group defined by sex is not cognizable.</p>",
    )
    ReliefTypeRequirement.objects.create(relief_type="asylum", course=course)
    return course


@pytest.fixture
def asylum_case():
    return CaseFactory(status=CaseStatus.SEEKING, languages=["spa"], relief_types=["asylum"])


@pytest.fixture
def earlier(asylum_course):
    """Speaks Spanish, asylum experience, completed the asylum course last month."""
    user = attorney_with_profile(capacity=3)
    EnrollmentFactory(user=user, course=asylum_course, completed_at=timezone.now() - LAST_MONTH)
    return user


def _mark_law_changed(course: CoursePage, on: datetime.date) -> None:
    course.law_changed_on = on
    course.save_revision().publish()


def _fits(case, user) -> bool:
    case_input, pool, context = selectors.matching_inputs_for_case(case_id=case.pk)
    suggested = {e.attorney_id for e in top_k(case_input, pool, 10)[0]}
    narrow = selectors.matching_inputs_for_case(case_id=case.pk, candidates_only=True)
    narrow_suggested = {e.attorney_id for e in top_k(*narrow[:2], 10)[0]}
    person = pool.attorneys[pool.index[user.pk]]
    fits = evaluate(case_input, person, context=context).feasible
    # The explained path, the SQL-narrowed path, the open-case list and the offer path agree.
    assert fits == (user.pk in suggested) == (user.pk in narrow_suggested)
    assert fits == (case.pk in selectors.fitting_open_case_ids(user_id=user.pk))
    assert fits == (not pair_constraint_failures(case=case, attorney=user))
    return fits


def test_marking_the_asylum_courses_law_changed_makes_an_earlier_completion_stop_counting(
    asylum_course, asylum_case, earlier
):
    assert _fits(asylum_case, earlier)

    _mark_law_changed(asylum_course, timezone.localdate())

    assert not _fits(asylum_case, earlier)
    reasons = pair_constraint_failures(case=asylum_case, attorney=earlier)
    assert [r.code for r in reasons] == ["training"]
    assert "completed before the law changed on" in reasons[0].text
    assert "update required" in reasons[0].text
    # The case's exclusion list shares one reason per constraint; the pair's explanation has her figures.
    case_input, pool, context = selectors.matching_inputs_for_case(case_id=asylum_case.pk)
    excluded = {e.attorney_id: [r.code for r in e.reasons] for e in top_k(case_input, pool, 10)[1]}
    assert excluded[earlier.pk] == ["training"]
    explained = evaluate(case_input, pool.attorneys[pool.index[earlier.pk]], context=context)
    assert explained.failed_constraints == reasons


def test_an_attorney_who_completed_after_the_change_is_unaffected(asylum_course, asylum_case, earlier):
    later = attorney_with_profile(capacity=3)
    EnrollmentFactory(user=later, course=asylum_course, completed_at=timezone.now())
    _mark_law_changed(asylum_course, timezone.localdate() - datetime.timedelta(days=7))

    assert _fits(asylum_case, later)
    assert not _fits(asylum_case, earlier)


def test_a_placed_attorney_keeps_her_case_and_fits_again_after_taking_the_update(
    client, asylum_course, asylum_case, earlier
):
    placement = PlacementFactory(attorney=earlier)
    _mark_law_changed(asylum_course, timezone.localdate())

    assert Placement.objects.get(pk=placement.pk).closed_at is None
    client.force_login(earlier)
    learning = client.get(reverse("courses:my_learning")).content.decode()
    assert "Update required" in learning
    page = client.get(asylum_course.url).content.decode()
    assert "K-E-S-G-" in page and reverse("courses:law_update", args=[asylum_course.pk]) in page

    response = client.post(reverse("courses:law_update", args=[asylum_course.pk]))
    assert response.status_code == 302
    enrollment = Enrollment.objects.get(user=earlier, course=asylum_course)
    assert enrollment.law_update_taken_at is not None and not enrollment.update_required
    assert AuditEvent.objects.filter(actor=earlier, detail="law update taken").count() == 1
    assert "Update required" not in client.get(reverse("courses:my_learning")).content.decode()
    assert _fits(asylum_case, earlier)
    assert Placement.objects.get(pk=placement.pk).closed_at is None


def test_an_update_taken_before_a_later_change_does_not_count(asylum_course, asylum_case, earlier):
    enrollment = Enrollment.objects.get(user=earlier, course=asylum_course)
    enrollment.law_update_taken_at = timezone.now() - datetime.timedelta(days=10)
    enrollment.save()
    _mark_law_changed(asylum_course, timezone.localdate() - datetime.timedelta(days=20))
    assert _fits(asylum_case, earlier)

    _mark_law_changed(asylum_course, timezone.localdate())
    assert not _fits(asylum_case, earlier)


def test_the_update_is_refused_with_a_message_before_the_course_is_completed(client, asylum_course):
    user = attorney_with_profile()
    EnrollmentFactory(user=user, course=asylum_course)
    _mark_law_changed(asylum_course, timezone.localdate())
    client.force_login(user)
    response = client.post(reverse("courses:law_update", args=[asylum_course.pk]), follow=True)
    assert response.status_code == 200
    assert "Complete the course first" in response.content.decode()
    assert Enrollment.objects.get(user=user).law_update_taken_at is None


def test_an_editor_marks_the_law_changed_in_the_admin(client, asylum_course):
    admin = User.objects.create_superuser(email="cms-law@example.org", password="x" * 20, full_name="CMS Admin")
    totp_enrol(admin)
    client.force_login(admin)
    url = reverse("wagtailadmin_pages:edit", args=[asylum_course.pk])
    html = client.get(url).content.decode()
    assert "Change in the law" in html
    data = querydict_from_html(html, form_id="page-edit-form")
    data["final_assessment-count"] = "0"
    changed_on = timezone.localdate() - datetime.timedelta(days=2)
    data["law_changed_on"] = changed_on.isoformat()
    data["action-publish"] = "action-publish"
    response = client.post(url, dict(data.lists()))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert CoursePage.objects.get(pk=asylum_course.pk).law_changed_on == changed_on


def test_a_law_change_date_in_the_future_is_refused_with_a_message(client, asylum_course):
    admin = User.objects.create_superuser(email="cms-law2@example.org", password="x" * 20, full_name="CMS Admin")
    totp_enrol(admin)
    client.force_login(admin)
    url = reverse("wagtailadmin_pages:edit", args=[asylum_course.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data["final_assessment-count"] = "0"
    data["law_changed_on"] = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    data["action-publish"] = "action-publish"
    response = client.post(url, dict(data.lists()))
    assert response.status_code == 200
    assert "not in advance" in response.content.decode()
    assert CoursePage.objects.get(pk=asylum_course.pk).law_changed_on is None


def test_the_pairs_explanation_names_the_date_and_the_update_on_hand_built_inputs():
    from mentorship.matching import AttorneyInput, CaseInput, MatchContext

    context = MatchContext(
        required_training={"asylum": frozenset({7})},
        law_changed={7: datetime.date(2026, 12, 1)},
        relief_labels={"asylum": "Asylum"},
    )
    case = CaseInput(id=1, relief_types=("asylum",))
    outdated = AttorneyInput(id=2, outdated_courses=frozenset({7}), active_bar_jurisdictions=frozenset({"TX"}))
    never = AttorneyInput(id=3, active_bar_jurisdictions=frozenset({"TX"}))
    [reason] = evaluate(case, outdated, context=context).failed_constraints
    assert reason.code == "training"
    assert reason.text.endswith("(1 course missing; completed before the law changed on 1 Dec 2026: update required)")
    [reason] = evaluate(case, never, context=context).failed_constraints
    assert reason.text.endswith("(1 course missing)")
