"""A page created twice at once (autosave and an early Publish, or a double Publish) makes one page and says so."""

from unittest import mock

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from courses.models import CoursePage, CoursePageForm
from tests.factories import EditorFactory

pytestmark = pytest.mark.django_db

SLUG = "u-visa-certification"


@pytest.fixture
def editor_client(client_for):
    editor = EditorFactory()
    client = client_for(editor)
    client.editor = editor
    return client


@pytest.fixture
def create_url(catalog):
    return reverse("wagtailadmin_pages:add", args=["courses", "coursepage", catalog.pk])


def course_form(client, url: str, *, publish: bool) -> dict:
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({"final_assessment": streamfield([])}))
    data.update({"title": "U visa certification", "slug": SLUG, "summary": "Form I-918 Supplement B."})
    if publish:
        data["action-publish"] = "action-publish"
    return dict(data.lists())


def autosave(client, url: str):
    return client.post(url, course_form(client, url, publish=False), HTTP_ACCEPT="application/json")


def assert_tree_consistent(catalog):
    catalog.refresh_from_db()
    assert catalog.numchild == catalog.get_children().count()


def test_publish_pressed_before_the_autosave_answer_arrives_leads_to_the_draft(editor_client, create_url, catalog):
    saved = autosave(editor_client, create_url)
    assert saved.status_code == 200 and saved.json()["success"] is True
    draft = CoursePage.objects.get(slug=SLUG)

    # The editor still shows the create form, so Publish posts to the create view again.
    response = editor_client.post(create_url, course_form(editor_client, create_url, publish=True))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[draft.pk])
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert "not created a second time" in message and "not published yet" in message
    assert CoursePage.objects.filter(slug=SLUG).count() == 1
    assert_tree_consistent(catalog)


def test_publish_pressed_twice_publishes_one_page(editor_client, create_url, catalog):
    first = editor_client.post(create_url, course_form(editor_client, create_url, publish=True))
    assert first.status_code == 302
    data = course_form(editor_client, create_url, publish=True)
    second = editor_client.post(create_url, data)

    page = CoursePage.objects.get(slug=SLUG)
    assert page.live
    assert second.status_code == 302
    assert second["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert "already created and published" in [str(m) for m in get_messages(second.wsgi_request)][-1]
    assert_tree_consistent(catalog)


def stale_slug_check():
    """The form's slug check runs before the other create commits: it finds the slug free."""
    original_clean = CoursePageForm.clean

    def clean(form):
        with mock.patch.object(Page, "_slug_is_available", return_value=True):
            return original_clean(form)

    return mock.patch.object(CoursePageForm, "clean", clean)


def test_autosave_landing_between_validation_and_save_leads_to_the_draft_not_a_500(editor_client, create_url, catalog):
    data = course_form(editor_client, create_url, publish=True)
    draft = CoursePage(title="U visa certification", slug=SLUG, summary="Autosaved.", owner=editor_client.editor)
    draft.live = False
    catalog.add_child(instance=draft)

    with stale_slug_check():
        response = editor_client.post(create_url, data)

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert CoursePage.objects.filter(slug=SLUG).count() == 1
    assert_tree_consistent(catalog)


def test_someone_elses_page_taking_the_slug_during_save_is_a_form_error_not_a_500(editor_client, create_url, catalog):
    data = course_form(editor_client, create_url, publish=True)
    catalog.add_child(instance=CoursePage(title="Someone else's", slug=SLUG, summary="Theirs."))

    with stale_slug_check():
        response = editor_client.post(create_url, data)

    assert response.status_code == 200
    assert "is already in use" in response.content.decode()
    assert CoursePage.objects.filter(slug=SLUG).count() == 1
    assert_tree_consistent(catalog)


def test_a_slug_taken_by_someone_else_is_a_form_error(editor_client, create_url, catalog):
    other = CoursePage(title="Someone else's", slug=SLUG, summary="Theirs.")
    catalog.add_child(instance=other)
    response = editor_client.post(create_url, course_form(editor_client, create_url, publish=True))
    assert response.status_code == 200
    assert "is already in use" in response.content.decode()
    assert CoursePage.objects.filter(slug=SLUG).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_autosave_and_publish_at_the_same_instant_make_one_page(client_for, catalog):
    import threading

    from django.db import connection

    editor = EditorFactory()
    url = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", catalog.pk])
    clients = [client_for(editor), client_for(editor)]
    forms = [course_form(clients[0], url, publish=False), course_form(clients[1], url, publish=True)]
    headers = [{"HTTP_ACCEPT": "application/json"}, {}]
    barrier = threading.Barrier(2, timeout=20)
    responses, errors = [], []

    def post(index):
        try:
            barrier.wait()
            responses.append(clients[index].post(url, forms[index], **headers[index]))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert not errors, errors
    assert all(response.status_code < 500 for response in responses)
    assert CoursePage.objects.filter(slug=SLUG).count() == 1
    assert_tree_consistent(catalog)
