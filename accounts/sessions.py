"""Ending a person's sessions on the server, wherever they are signed in."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.utils import timezone


def user_sessions_end(*, user_ids: Iterable[int]) -> int:
    """Delete every live session signed in as one of these users; returns how many.

    Django refuses the session of an inactive user, but keeps it: without this, a user
    deactivated and later reactivated would find every old session working again. The
    sessions are not indexed by user, so the live ones are read; deactivation is rare.
    Runs inside the caller's transaction, so a deactivation that rolls back keeps them.
    """
    wanted = {str(pk) for pk in user_ids}
    if not wanted:
        return 0
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    # Database-backed engines (db, cached_db) only: the project uses the database one.
    model = store_class.get_model_class()
    ended = 0
    live = model.objects.filter(expire_date__gt=timezone.now()).only("session_key", "session_data")
    for session in live.iterator():
        if str(store_class().decode(session.session_data).get(SESSION_KEY)) in wanted:
            # Through the store, so a cached_db engine forgets its cached copy too.
            store_class().delete(session.session_key)
            ended += 1
    return ended
