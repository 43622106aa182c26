"""A fresh password confirmation before anything that changes how an account is reached.

A session left open on a shared computer would otherwise let anyone add their own address,
make it primary, remove the owner's and reset the password: a borrowed session becomes a
takeover. allauth's re-authentication flow (ACCOUNT_REAUTHENTICATION_REQUIRED, timeout
ACCOUNT_REAUTHENTICATION_TIMEOUT) covers adding, removing and making an address primary;
these wrappers extend it to every POST of the email page (re-sending a verification too)
and to the password pages, before their form is even shown.
"""

from __future__ import annotations

from functools import wraps
from typing import TYPE_CHECKING

from allauth.account.adapter import get_adapter
from allauth.account.decorators import reauthentication_required
from allauth.core.exceptions import ReauthenticationRequired
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode

if TYPE_CHECKING:
    from collections.abc import Callable

    from django.http import HttpRequest, HttpResponse

APP = "allauth.account"


def reauthentication_url(*, request: HttpRequest) -> str:
    """Where the user confirms who they are: the first method allauth offers them."""
    methods = get_adapter(request).get_reauthentication_methods(request.user)
    return methods[0]["url"] if methods else reverse("account_login")


def require_reauthentication(
    view: Callable[..., HttpResponse], *, allow_get: bool, replay_post: bool
) -> Callable[..., HttpResponse]:
    """Send a session without a recent password confirmation to re-authenticate first.

    With ``replay_post``, allauth keeps the refused POST in the session and replays it once
    the user has re-authenticated (fine for an email address). Without it, the user comes
    back to the empty form instead: a password form's fields must never be stored.
    """
    guarded = reauthentication_required(view, allow_get=allow_get, app=APP)

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return guarded(request, *args, **kwargs)
        except ReauthenticationRequired:
            if replay_post or request.method != "POST":
                raise
            query = urlencode({REDIRECT_FIELD_NAME: request.path})
            return HttpResponseRedirect(f"{reauthentication_url(request=request)}?{query}")

    return wrapper
