"""Writing the audit trail: who did what to which record, when and from where."""

from __future__ import annotations

from contextvars import ContextVar
from typing import TYPE_CHECKING

from django.db import models

from .models import AuditEvent

if TYPE_CHECKING:
    from django.http import HttpRequest

    from .models import User


# The request being served, so that rows written by services (which are not handed the
# request) still say where the change came from. Set and reset by AuditRequestMiddleware;
# empty in Celery workers, management commands and new threads.
current_request: ContextVar[HttpRequest | None] = ContextVar("audit_current_request", default=None)


def _clean(value: str, limit: int) -> str:
    # Line breaks would let a crafted value forge extra lines in an exported log.
    return " ".join(str(value).split())[:limit]


def client_ip(request: HttpRequest | None) -> str | None:
    """The address the request came from: REMOTE_ADDR only.

    X-Forwarded-For is written by the client and is not trusted here. Behind a proxy, the
    server in front of Django must set REMOTE_ADDR to the client's address, e.g. gunicorn
    with ``--proxy-protocol`` and ``--proxy-allow-from`` naming the trusted proxy
    (``--forwarded-allow-ips`` alone only governs the scheme headers, not REMOTE_ADDR).
    """
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str | int = "",
    request: HttpRequest | None = None,
    detail: str = "",
) -> AuditEvent:
    """Append one audit row. Callers pass identifiers and route names, never case data.

    Without ``request``, the address and view name come from the request being served, if any.
    """
    if request is None:
        request = current_request.get()
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or obj.pk
    view_name = ""
    if request is not None and getattr(request, "resolver_match", None):
        view_name = request.resolver_match.view_name or ""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEvent.objects.create(
        actor=actor,
        action=action,
        object_type=_clean(object_type, 60),
        object_id=_clean(str(object_id), 40),
        view_name=_clean(view_name, 120),
        ip_address=client_ip(request),
        detail=_clean(detail, 200),
    )
