"""Writing the audit trail: who did what to which record, when and from where."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from .models import AuditEvent

if TYPE_CHECKING:
    from django.http import HttpRequest

    from .models import User


def _clean(value: str, limit: int) -> str:
    # Line breaks would let a crafted value forge extra lines in an exported log.
    return " ".join(str(value).split())[:limit]


def client_ip(request: HttpRequest | None) -> str | None:
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
    """Append one audit row. Callers pass identifiers and route names, never case data."""
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
