"""The public page cache: who is served a stored page, and what clears it."""

import pytest
from django.test import Client
from wagtail.models import Page

from home.models import HomePage
from home.page_cache import CACHE_STATUS_HEADER
from tests.conftest import login_client
from tests.factories import CoursePageFactory, VolunteerFactory, catalog_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return CoursePageFactory(title="Asylum basics", slug="asylum-basics")


def get(client: Client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def public_urls(course) -> list[str]:
    return ["/", catalog_page().url, course.url]


def test_an_anonymous_visitor_is_served_the_stored_page_the_second_time(course):
    for url in public_urls(course):
        first, second = get(Client(), url), get(Client(), url)
        assert first[CACHE_STATUS_HEADER] == "miss", url
        assert second[CACHE_STATUS_HEADER] == "hit", url
        assert second.content == first.content
        # The headers the stack added after the view are replayed with the page.
        assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
        assert second["X-Frame-Options"] == first["X-Frame-Options"]


def test_a_public_page_carries_no_csrf_token_and_sets_no_cookie(course):
    for url in public_urls(course):
        response = get(Client(), url)
        assert b"csrfmiddlewaretoken" not in response.content, url
        assert not response.cookies, url


def test_a_signed_in_user_is_never_served_a_stored_page(course):
    user = VolunteerFactory()
    for url in public_urls(course):
        get(Client(), url)  # stored
        response = get(login_client(user), url)
        assert CACHE_STATUS_HEADER not in response, url
        assert b"Sign out" in response.content, url


def test_a_signed_in_users_page_is_never_stored_for_anyone(course):
    user = VolunteerFactory()
    for url in public_urls(course):
        get(login_client(user), url)
        response = get(Client(), url)
        assert response[CACHE_STATUS_HEADER] == "miss", url
        assert b"Sign out" not in response.content, url


def test_a_visitor_with_a_session_is_served_fresh(course):
    client = Client()
    client.cookies["sessionid"] = "not-a-session"
    get(Client(), course.url)
    assert CACHE_STATUS_HEADER not in get(client, course.url)


def test_each_language_is_stored_apart(course):
    english = get(Client(), "/")
    spanish = get(Client(HTTP_ACCEPT_LANGUAGE="es"), "/")
    assert spanish[CACHE_STATUS_HEADER] == "miss"
    assert spanish.content != english.content
    assert get(Client(HTTP_ACCEPT_LANGUAGE="es"), "/")[CACHE_STATUS_HEADER] == "hit"
    assert get(Client(), "/").content == english.content


def test_publishing_a_new_revision_clears_every_public_page(course):
    for url in public_urls(course):
        get(Client(), url)
    course.title = "Asylum, revised"
    course.save_revision().publish()
    for url in public_urls(course):
        response = get(Client(), url)
        assert response[CACHE_STATUS_HEADER] == "miss", url
    assert b"Asylum, revised" in get(Client(), catalog_page().url).content


def test_unpublishing_a_course_takes_it_off_the_stored_catalog(course):
    catalog = catalog_page().url
    assert b"Asylum basics" in get(Client(), catalog).content
    course.unpublish()
    assert b"Asylum basics" not in get(Client(), catalog).content
    assert Client().get(course.url).status_code == 404


def test_moving_a_page_clears_the_stored_pages(course):
    old_url = course.url
    get(Client(), old_url)
    home = HomePage.objects.get()
    course.move(home, pos="last-child")
    course.refresh_from_db()
    # Not the stored page: Wagtail's redirect to where the course now lives.
    assert Client().get(old_url).status_code == 301
    assert get(Client(), course.url)[CACHE_STATUS_HEADER] == "miss"


def test_deleting_a_page_clears_the_stored_pages(course):
    catalog = catalog_page().url
    get(Client(), catalog)
    Page.objects.get(pk=course.pk).delete()
    assert b"Asylum basics" not in get(Client(), catalog).content


def test_a_page_outside_the_public_set_is_never_stored(db):
    response = Client().get("/accounts/login/")
    assert CACHE_STATUS_HEADER not in response
    assert CACHE_STATUS_HEADER not in Client().get("/accounts/login/")


def test_the_cache_is_off_with_no_lifetime(course, settings):
    settings.PAGE_CACHE_SECONDS = 0
    get(Client(), course.url)
    assert CACHE_STATUS_HEADER not in get(Client(), course.url)


def test_an_anonymous_visitor_switches_language_without_a_token(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/language/", {"language": "es", "next": "/"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "es"


def test_a_signed_in_users_language_switch_still_needs_the_token(db):
    user = VolunteerFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post("/language/", {"language": "es", "next": "/"})
    assert response.status_code == 403
    user.refresh_from_db()
    assert user.preferred_language != "es"


def vary(response) -> set[str]:
    return {field.strip().lower() for field in response.get("Vary", "").split(",") if field.strip()}


def test_a_stored_page_varies_with_the_cookie_as_the_fresh_one_did(course):
    for url in public_urls(course):
        first, second = get(Client(), url), get(Client(), url)
        assert second[CACHE_STATUS_HEADER] == "hit", url
        assert "cookie" in vary(first), url
        assert vary(second) == vary(first), url
