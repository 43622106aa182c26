"""A content editor authors a course in the Wagtail admin, and reaches no mentorship or case data."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from accounts.roles import ROLE_GROUP_NAMES, Role
from courses.models import CoursePage, LessonPage
from tests.factories import CaseFactory, EditorFactory

pytestmark = pytest.mark.django_db


def page_form(client, url: str, fields: dict, streams: dict) -> dict:
    response = client.get(url)
    assert response.status_code == 200, url
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update(nested_form_data(streams))
    for name, value in fields.items():
        data[name] = value
    data["action-publish"] = "action-publish"
    return dict(data.lists())


def test_content_editor_creates_edits_and_publishes_a_course_with_a_lesson(client_for, catalog):
    editor = EditorFactory()
    client = client_for(editor)
    assert client.get(reverse("wagtailadmin_explore", args=[catalog.pk])).status_code == 200
    search = client.get(reverse("wagtailadmin_pages:search"), {"q": "courses"})
    assert search.status_code == 200
    assert "do not have permission" not in search.content.decode()

    add_course = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", catalog.pk])
    data = page_form(
        client,
        add_course,
        {"title": "Asylum for survivors", "slug": "asylum-for-survivors", "summary": "What to file and when."},
        {"final_assessment": streamfield([])},
    )
    response = client.post(add_course, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    course = CoursePage.objects.get(slug="asylum-for-survivors")
    assert course.live and course.get_parent().pk == catalog.pk

    add_lesson = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", course.pk])
    data = page_form(
        client,
        add_lesson,
        {"title": "One central reason", "slug": "one-central-reason", "estimated_minutes": "10"},
        {"body": streamfield([("text", rich_text("<p>Nexus asks for one central reason.</p>"))])},
    )
    response = client.post(add_lesson, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    lesson = LessonPage.objects.get(slug="one-central-reason")
    assert lesson.live and lesson.get_parent().pk == course.pk

    edit_course = reverse("wagtailadmin_pages:edit", args=[course.pk])
    data = page_form(
        client, edit_course, {"title": "Asylum for survivors (revised)"}, {"final_assessment": streamfield([])}
    )
    response = client.post(edit_course, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    course.refresh_from_db()
    assert course.title == "Asylum for survivors (revised)" and course.live and not course.has_unpublished_changes

    # Course materials: images and documents go into their collection.
    assert client.get(reverse("wagtailimages:add_multiple")).status_code == 200
    upload = SimpleUploadedFile("checklist.txt", b"Bring the I-589 and two copies.\n", content_type="text/plain")
    response = client.post(reverse("wagtaildocs:add"), {"title": "Filing checklist", "file": upload})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert get_document_model().objects.get(title="Filing checklist").collection.name == "Course materials"


def test_content_editor_reaches_no_mentorship_or_case_data(client_for):
    case = CaseFactory()
    client = client_for(EditorFactory())
    for url in (
        reverse("staff:home"),
        reverse("staff:case_detail", args=[case.pk]),
        reverse("staff:cases_export"),
        reverse("mentorship:case_detail", args=[case.pk]),
        reverse("mentorship:my_cases"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_groups:index"),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        if response.status_code == 302:
            assert not response["Location"].startswith(url), url


def test_the_editor_group_holds_page_and_collection_permissions_from_the_migration():
    group = EditorFactory().groups.get(name=ROLE_GROUP_NAMES[Role.CONTENT_EDITOR])
    codenames = set(GroupPagePermission.objects.filter(group=group).values_list("permission__codename", flat=True))
    assert codenames == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
    materials = Collection.objects.get(name="Course materials")
    assert set(GroupCollectionPermission.objects.filter(group=group).values_list("collection_id", flat=True)) == {
        materials.pk
    }
    assert not group.permissions.filter(content_type__app_label="mentorship").exists()
