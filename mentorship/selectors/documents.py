"""Reading case documents: a case's list for one person, a version's bytes and its download name."""

from __future__ import annotations

import posixpath

from cryptography.fernet import InvalidToken
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import storages
from django.db.models import Prefetch, QuerySet

from ..fields import field_cipher
from ..models import Case, CaseDocument, DocumentVersion
from ..policy import documents_visible_to

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# What each accepted kind is served as, and the extension its download gets.
EXTENSIONS = {PDF: "pdf", JPEG: "jpg", PNG: "png", DOCX: "docx"}
# Served as themselves; anything else a version claims to be goes out as bytes.
SAFE_CONTENT_TYPES = frozenset(EXTENSIONS)
FALLBACK_CONTENT_TYPE = "application/octet-stream"


def private_storage():
    return storages["private"]


class DocumentBytesMissing(LookupError):
    """The version's bytes are not on the private storage (removed outside the application)."""


def documents_for_case(*, user, case: Case) -> QuerySet[CaseDocument]:
    """The case's documents the user may see, newest first, each with its versions (newest first)."""
    versions = DocumentVersion.objects.select_related("uploaded_by").order_by("-number")
    return (
        documents_visible_to(user, case)
        .select_related("created_by")
        .prefetch_related(Prefetch("versions", queryset=versions))
        .order_by("-created_at", "-id")
    )


def document_version_content(*, version: DocumentVersion) -> bytes:
    """The plaintext bytes of a version, read from storage and decrypted."""
    try:
        with private_storage().open(version.storage_key, "rb") as handle:
            token = handle.read()
    except OSError as exc:
        raise DocumentBytesMissing(version.pk) from exc
    try:
        return field_cipher().decrypt(token)
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "A case document could not be decrypted with FIELD_ENCRYPTION_KEYS "
            "(a key was removed before rotate_encryption_keys ran)."
        ) from exc


def served_content_type(version: DocumentVersion) -> str:
    return version.content_type if version.content_type in SAFE_CONTENT_TYPES else FALLBACK_CONTENT_TYPE


def download_filename(version: DocumentVersion) -> str:
    """The original name's stem with the extension of what the bytes are (never the name's own)."""
    stem = posixpath.splitext(version.original_name or "")[0].strip(" .") or "document"
    stem = "".join(ch for ch in stem if ch.isprintable() and ch not in '"\\/')[:100] or "document"
    extension = EXTENSIONS.get(version.content_type, "bin")
    return f"{stem}-v{version.number}.{extension}"
