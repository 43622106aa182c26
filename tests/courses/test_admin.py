import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from accounts.models import User
from courses.models import CoursePage, LessonPage
from tests.factories import CreditCategoryFactory, JurisdictionFactory, totp_enrol

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = User.objects.create_superuser(email="cms-admin@example.org", password="x" * 20, full_name="CMS Admin")
    totp_enrol(admin)
    client.force_login(admin)
    return client


def test_editor_revises_a_course_in_the_admin_and_relief_types_and_credits_are_saved(admin_client, course, lessons):
    ny = JurisdictionFactory(code="NY")
    skills = CreditCategoryFactory(jurisdiction=ny, code="skills", name="Skills")
    url = reverse("wagtailadmin_pages:edit", args=[course.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="u_visa"' in html  # relief types are offered as checkboxes
    data = querydict_from_html(html, form_id="page-edit-form")
    data["final_assessment-count"] = "0"
    data["title"] = "Gender-based asylum (2026 revision)"
    data.setlist("relief_types", ["asylum", "withholding_cat"])
    data["accreditations-TOTAL_FORMS"] = "1"
    data.update(
        {
            "accreditations-0-jurisdiction": str(ny.pk),
            "accreditations-0-provider_name": "Pro Bono Academy",
            "accreditations-0-provider_number": "NY-1",
            "accreditations-0-provider_contact": "cle@example.org",
            "accreditations-0-course_number": "PBA-NY-9",
            "accreditations-0-format": "on_demand",
            "accreditations-0-counts_for_newly_admitted": "on",
            "accreditations-0-verification_method": "Codes and affirmation",
            "accreditations-0-approved_from": "",
            "accreditations-0-approved_to": "",
            "accreditations-0-ORDER": "1",
            "accreditations-0-DELETE": "",
            "accreditations-0-id": "",
            "accreditations-0-credit_hours-count": "1",
            "accreditations-0-credit_hours-0-type": "credit",
            "accreditations-0-credit_hours-0-deleted": "",
            "accreditations-0-credit_hours-0-order": "0",
            "accreditations-0-credit_hours-0-id": "",
            "accreditations-0-credit_hours-0-value-category": str(skills.pk),
            "accreditations-0-credit_hours-0-value-hours": "2.0",
        }
    )
    data["action-publish"] = "action-publish"
    response = admin_client.post(url, dict(data.lists()))
    assert response.status_code == 302, response.content.decode()[:3000]
    course = CoursePage.objects.get(pk=course.pk)
    assert course.title == "Gender-based asylum (2026 revision)"
    assert course.relief_type_values() == ["asylum", "withholding_cat"]
    [accreditation] = course.accreditations.all()
    assert [(category.code, str(hours)) for category, hours in accreditation.credit_lines()] == [("skills", "2.0")]


def test_lesson_and_course_are_previewable_without_an_enrolment(admin_client, course, lessons):
    streams = {
        course.pk: {"final_assessment": streamfield([])},
        lessons[0].pk: {"body": streamfield([("text", rich_text("<p>Revised lesson text.</p>"))])},
    }
    for page in (course, lessons[0]):
        edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        data = querydict_from_html(edit, form_id="page-edit-form")
        data.update(nested_form_data(streams[page.pk]))
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        assert admin_client.post(preview_url, dict(data.lists())).json()["is_valid"] is True
        response = admin_client.get(preview_url)
        assert response.status_code == 200
        assert page.title in response.content.decode()


def test_new_lesson_draft_is_not_shown_to_learners(course, lessons):
    draft = LessonPage(title="Draft lesson", slug="draft", live=False)
    course.add_child(instance=draft)
    assert draft.pk not in [lesson.pk for lesson in course.lessons()]


def test_jurisdiction_snippets_are_listed_in_the_admin(admin_client):
    JurisdictionFactory(code="CA")
    response = admin_client.get(reverse("wagtailsnippets_courses_jurisdiction:list"))
    assert response.status_code == 200
    assert "California" in response.content.decode()


def test_pages_with_learning_records_cannot_be_deleted_but_others_can(admin_client, enrollment, lessons, course):
    from courses import services

    services.lesson_visit(enrollment=enrollment, lesson=lessons[0])
    for page in (course, lessons[0]):
        response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
        assert LessonPage.objects.filter(pk=lessons[0].pk).exists()
    untouched = lessons[1]
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[untouched.pk]))
    assert response.status_code == 302
    assert not LessonPage.objects.filter(pk=untouched.pk).exists()


def _requirement_form(*, jurisdiction, lines):
    data = {
        "jurisdiction": str(jurisdiction.pk),
        "applies_to": "experienced",
        "total_hours": "30",
        "summary": "",
        "source_citation": "Ill. S. Ct. R. 794(a), (d)",
        "source_url": "",
        "checked_on": "",
        "lines-TOTAL_FORMS": str(len(lines)),
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "1000",
        "caps-TOTAL_FORMS": "0",
        "caps-INITIAL_FORMS": "0",
        "caps-MIN_NUM_FORMS": "0",
        "caps-MAX_NUM_FORMS": "1000",
    }
    for index, (category, minimum, parent) in enumerate(lines):
        data.update(
            {
                f"lines-{index}-category": str(category.pk),
                f"lines-{index}-minimum_hours": minimum,
                f"lines-{index}-parent_category": str(parent.pk) if parent else "",
                f"lines-{index}-label": "",
                f"lines-{index}-ORDER": str(index + 1),
                f"lines-{index}-DELETE": "",
                f"lines-{index}-id": "",
            }
        )
    return data


def test_editor_keeps_a_requirement_with_a_line_inside_another_and_a_foreign_category_is_refused(admin_client):
    """Ill. S. Ct. R. 794(d): diversity (1 hour) sits inside professional responsibility (6 hours)."""
    from courses.models import CleRequirement

    il = JurisdictionFactory(code="IL")
    ny = JurisdictionFactory(code="NY")
    prof_resp = CreditCategoryFactory(jurisdiction=il, code="prof_resp", name="Professional Responsibility")
    diversity = CreditCategoryFactory(jurisdiction=il, code="diversity", name="Diversity and Inclusion")
    ny_ethics = CreditCategoryFactory(jurisdiction=ny, code="ethics", name="Ethics and Professionalism")
    url = reverse("wagtailsnippets_courses_clerequirement:add")
    refused = admin_client.post(url, _requirement_form(jurisdiction=il, lines=[(ny_ethics, "4", None)]))
    assert refused.status_code == 200
    assert "is not a category of this requirement" in refused.content.decode()
    assert not CleRequirement.objects.exists()
    saved = admin_client.post(
        url, _requirement_form(jurisdiction=il, lines=[(prof_resp, "6", None), (diversity, "1", prof_resp)])
    )
    assert saved.status_code == 302, saved.content.decode()[:2000]
    requirement = CleRequirement.objects.get()
    assert [(line.category.code, line.parent_category_id) for line in requirement.lines.order_by("sort_order")] == [
        ("prof_resp", None),
        ("diversity", prof_resp.pk),
    ]
