"""Per-IP limits on the public verification page, kept in the cache (shared across workers with Redis)."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from accounts.audit import client_ip

WINDOW_SECONDS = 600
# Lookups per address per window: settings.CERTIFICATE_VERIFY_LOOKUPS_PER_WINDOW (60 unless set).
# Failed lookups are what enumeration looks like: far fewer are allowed.
MISSES_PER_WINDOW = 15
# The answer for this request: the page cache asks before the view does, and a request counts once.
_ANSWER = "_certificate_verification_allowed"


def _key(kind: str, request: HttpRequest) -> str:
    window = int(time.time() // WINDOW_SECONDS)
    return f"cert-verify:{kind}:{client_ip(request) or 'unknown'}:{window}"


def _count(key: str) -> int:
    if cache.add(key, 1, timeout=WINDOW_SECONDS + 5):
        return 1
    try:
        return cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=WINDOW_SECONDS + 5)
        return 1


def verification_allowed(*, request: HttpRequest) -> bool:
    """Count the request's lookup, once however often it is asked; False when this address has
    used up its lookups or misses."""
    allowed = getattr(request, _ANSWER, None)
    if allowed is None:
        allowed = _allowed(request)
        setattr(request, _ANSWER, allowed)
    return allowed


def _allowed(request: HttpRequest) -> bool:
    if (cache.get(_key("miss", request)) or 0) >= MISSES_PER_WINDOW:
        return False
    return _count(_key("lookup", request)) <= settings.CERTIFICATE_VERIFY_LOOKUPS_PER_WINDOW


def verification_miss_record(*, request: HttpRequest) -> None:
    _count(_key("miss", request))
