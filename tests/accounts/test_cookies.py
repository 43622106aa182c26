"""Cookies hold no personal data, and in production every one has a ``__Host-`` name.

Messages ("Successfully signed in as <name>") live in the session on the server, not in a
cookie (MESSAGE_STORAGE). With SECURE_COOKIES on, every cookie the site configures is
``__Host-``: Secure, Path=/, no Domain, so a sibling subdomain cannot set or read it.
"""

import base64
import json
import os
import subprocess
import sys
import zlib
from http.cookies import SimpleCookie

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.factories import EditorFactory, VolunteerFactory

pytestmark = pytest.mark.django_db


def readable(value: str) -> str:
    """The cookie value as anyone holding it can read it: Django's signed values are base64."""
    text = [value]
    payload = value.split(":", 1)[0]
    try:
        data = base64.urlsafe_b64decode(payload.lstrip(".") + "=" * (-len(payload.lstrip(".")) % 4))
        if payload.startswith("."):
            data = zlib.decompress(data)
        text.append(data.decode("utf-8", errors="ignore"))
    except (ValueError, zlib.error):
        pass
    return " ".join(text)


def set_cookies(response) -> SimpleCookie:
    return response.cookies


def sign_in_and_look_around(client: Client, user, password: str) -> list:
    """Every response of a sign-in and the first pages after it."""
    responses = [client.get(reverse("account_login"))]
    responses.append(client.post(reverse("account_login"), {"login": user.email, "password": password}))
    responses.append(client.get(responses[-1].url))
    responses.append(client.get(reverse("dashboard")))
    responses.append(client.post(reverse("account_logout")))
    responses.append(client.get("/"))
    return responses


def test_no_cookie_carries_the_name_after_sign_in(password):
    user = VolunteerFactory(full_name="Zenobia Quartermaine")
    client = Client()
    responses = sign_in_and_look_around(client, user, password)
    names = set()
    for response in responses:
        for name, morsel in set_cookies(response).items():
            names.add(name)
            value = readable(morsel.value)
            assert "Zenobia" not in value and "Quartermaine" not in value, name
            assert user.email not in value, name
    assert names <= {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME}, names
    assert "messages" not in client.cookies


def test_the_signed_in_message_still_reaches_the_page(password):
    user = VolunteerFactory(full_name="Zenobia Quartermaine")
    client = Client()
    response = client.post(reverse("account_login"), {"login": user.email, "password": password}, follow=True)
    assert "Successfully signed in" in response.content.decode()


def production_cookie_settings() -> dict:
    """The cookie settings lms/settings.py computes with SECURE_COOKIES on, read in a fresh process."""
    code = (
        "import json, lms.settings as s\n"
        "names = [n for n in dir(s) if n.endswith('_COOKIE_NAME')]\n"
        "out = {n: getattr(s, n) for n in dir(s) if n.isupper() and 'COOKIE' in n}\n"
        "out['MESSAGE_STORAGE'] = getattr(s, 'MESSAGE_STORAGE', None)\n"
        "out['_names'] = names\n"
        "print(json.dumps(out, default=str))\n"
    )
    env = {**os.environ, "SECURE_COOKIES": "true", "DJANGO_SETTINGS_MODULE": "lms.settings"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True, cwd=settings.BASE_DIR
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_with_secure_cookies_every_configured_cookie_is_host_prefixed():
    conf = production_cookie_settings()
    # Django's cookies: session, CSRF, language; messages have none (session storage).
    for prefix in ("SESSION", "CSRF", "LANGUAGE"):
        assert f"{prefix}_COOKIE_NAME" in conf["_names"], prefix
    for name_setting in conf["_names"]:
        prefix = name_setting.removesuffix("_COOKIE_NAME")
        assert conf[name_setting].startswith("__Host-"), name_setting
        assert conf.get(f"{prefix}_COOKIE_SECURE") is True, prefix
        assert conf.get(f"{prefix}_COOKIE_PATH", "/") == "/", prefix
        assert conf.get(f"{prefix}_COOKIE_DOMAIN") is None, prefix
    assert conf["MESSAGE_STORAGE"] == "django.contrib.messages.storage.session.SessionStorage"


def test_with_secure_cookies_every_cookie_the_site_sets_is_host_prefixed(password, settings):
    conf = production_cookie_settings()
    for key, value in conf.items():
        if key.isupper() and key != "MESSAGE_STORAGE":
            setattr(settings, key, value)
    client = Client(headers={"x-forwarded-proto": "https"})
    user = VolunteerFactory()
    responses = sign_in_and_look_around(client, user, password)
    editor = EditorFactory()
    client.force_login(editor)
    responses += [client.get("/cms/"), client.get("/cms/account/"), client.get(reverse("mfa_index"))]
    seen = set()
    for response in responses:
        for name, morsel in set_cookies(response).items():
            seen.add(name)
            assert name.startswith("__Host-"), name
            assert morsel["secure"], name
            assert morsel["path"] == "/", name
            assert not morsel["domain"], name
    assert {"__Host-sessionid", "__Host-csrftoken"} <= seen
