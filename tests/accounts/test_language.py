"""The interface in Spanish: chosen by the browser, the switcher or the account, with no
language in the URL, and emails in the language the recipient chose."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from django.template import Context, Template
from django.urls import reverse
from django.utils import formats, translation

from accounts.models import User
from mentorship.services.offers import offer_send
from tests.factories import DEFAULT_PASSWORD, CaseFactory, StaffFactory, VolunteerFactory, attorney_with_profile

pytestmark = pytest.mark.django_db


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)" dir="([^"]+)"', response.content.decode()).groups()


def test_accept_language_es_gives_the_page_in_spanish(client):
    response = client.get(reverse("browse_safely"), HTTP_ACCEPT_LANGUAGE="es")
    assert html_lang(response) == ("es", "ltr")
    page = response.content.decode()
    assert "Navegar con seguridad" in page
    assert "Salir de esta página" in page  # the quick exit bar
    assert "Browse safely" not in page
    assert response["Content-Language"] == "es"


def test_english_stays_the_default(client):
    response = client.get(reverse("browse_safely"))
    assert html_lang(response) == ("en", "ltr")
    assert "Exit this page" in response.content.decode()


def test_urls_carry_no_language_prefix(client):
    assert reverse("browse_safely") == "/safety/"
    with translation.override("es"):
        assert reverse("browse_safely") == "/safety/"


def test_every_page_offers_the_switcher_as_a_plain_form(client):
    page = client.get(reverse("browse_safely")).content.decode()
    form = re.search(r'<form class="language-switcher[^>]*action="([^"]+)"', page)
    assert form and form.group(1) == reverse("set_language")
    assert 'name="language" value="es"' in page and ">Español<" in page


def test_switcher_names_each_language_in_itself(client):
    page = client.get(reverse("browse_safely"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert 'value="en" class="link-button" lang="en">English<' in page
    assert "Inglés" not in page


def test_switcher_sets_the_language_cookie_for_an_anonymous_visitor(client):
    response = client.post(reverse("set_language"), {"language": "es", "next": "/safety/"})
    assert response.status_code == 302 and response.url == "/safety/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    # The cookie wins over the browser's language on the next request.
    assert html_lang(client.get("/safety/", HTTP_ACCEPT_LANGUAGE="en")) == ("es", "ltr")


def test_switcher_refuses_an_outside_redirect(client):
    response = client.post(reverse("set_language"), {"language": "es", "next": "https://evil.example/"})
    assert response.url == "/"


def test_switcher_keeps_a_signed_in_users_choice_on_the_account(client_for):
    user = VolunteerFactory(preferred_language="en")
    client = client_for(user)
    client.post(reverse("set_language"), {"language": "es", "next": "/safety/"})
    user.refresh_from_db()
    assert user.preferred_language == "es"
    # The account's choice wins over Accept-Language, and over a stale cookie.
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)
    assert html_lang(client.get("/safety/", HTTP_ACCEPT_LANGUAGE="en")) == ("es", "ltr")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert html_lang(client.get(reverse("dashboard"), HTTP_ACCEPT_LANGUAGE="en")) == ("es", "ltr")


def test_switcher_ignores_a_language_the_site_does_not_offer(client_for):
    user = VolunteerFactory(preferred_language="es")
    client_for(user).post(reverse("set_language"), {"language": "xx", "next": "/"})
    user.refresh_from_db()
    assert user.preferred_language == "es"


def test_sign_in_applies_the_users_language(client):
    user = VolunteerFactory(preferred_language="es")
    response = client.post(
        reverse("account_login"),
        {"login": user.email, "password": DEFAULT_PASSWORD},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert html_lang(response) == ("es", "ltr")
    assert "Cerrar sesión" in response.content.decode()


def test_the_offer_email_goes_out_in_the_attorneys_language(django_capture_on_commit_callbacks):
    staff = StaffFactory(preferred_language="en")
    attorney = attorney_with_profile()
    User.objects.filter(pk=attorney.pk).update(preferred_language="es")
    attorney.refresh_from_db()
    case = CaseFactory(status="seeking", created_by=staff)
    # Staff send it while reading the site in English.
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        offer_send(case=case, attorney=attorney, by=staff)
    message = next(m for m in mail.outbox if m.to == [attorney.email])
    assert message.subject == "Tiene una nueva oferta de caso"
    assert "Tiene una novedad en" in message.body


def test_a_password_reset_email_follows_the_account_not_the_browser(client):
    user = VolunteerFactory(preferred_language="es")
    client.post(reverse("account_reset_password"), {"email": user.email}, HTTP_ACCEPT_LANGUAGE="en")
    assert mail.outbox, "no reset email sent"
    message = mail.outbox[-1]
    assert message.to == [user.email]
    assert "contraseña" in (message.subject + message.body).lower()


@pytest.mark.parametrize(("count", "expected"), [(1, "1 curso"), (3, "3 cursos"), (0, "0 cursos")])
def test_spanish_plurals(count, expected):
    template = Template(
        "{% load i18n %}{% blocktranslate count counter=n %}{{ counter }} course"
        "{% plural %}{{ counter }} courses{% endblocktranslate %}"
    )
    with translation.override("es"):
        assert template.render(Context({"n": count})) == expected


def test_dates_are_written_the_spanish_way():
    with translation.override("es"):
        assert formats.date_format(datetime.date(2026, 12, 1)) == "1 de diciembre de 2026"
        assert formats.date_format(datetime.datetime(2026, 5, 1, 14, 30), "DATETIME_FORMAT") == (
            "1 de mayo de 2026, 14:30"
        )
    with translation.override("en"):
        assert formats.date_format(datetime.date(2026, 12, 1)) == "1 Dec 2026"


def test_error_pages_are_translated(client):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 404
    assert "Página no encontrada" in response.content.decode()
    assert html_lang(response) == ("es", "ltr")
