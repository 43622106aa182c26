"""Case documents: upload, new versions, sharing with the mentor, deletion.

What is accepted is decided by the bytes, never by the file's name or the content type the
browser sent: PDF, JPEG, PNG and HEIC (the iPhone's photos), and Word (.docx) only when
CASE_DOCUMENT_ALLOW_OFFICE is on. Photos are decoded and written again, so that their EXIF
block (the GPS position where a picture was taken, the phone's serial number) and every other
piece of metadata are gone; the orientation is applied to the pixels first so the picture
still stands the right way up. A HEIC photo is kept as a JPEG.

The bytes are encrypted with the keys of FIELD_ENCRYPTION_KEYS (as notes are) and written to
the "private" storage under a random key. Every write is all or nothing: bytes written before
a database error are removed again, and the bytes of a deleted document are removed once the
deletion is committed. Each change writes one audit row, with ids only.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

import filetype
import pillow_heif
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from accounts.audit import audit_record
from accounts.models import AuditEvent, User

from ..fields import encrypted_with_newest_key, field_cipher
from ..models import Case, CaseDocument, DocumentKind, DocumentSensitivity, DocumentVersion
from ..selectors.documents import DOCX, JPEG, PDF, PNG, private_storage

logger = logging.getLogger(__name__)

STORAGE_PREFIX = "case-documents/"
TITLE_MAX_LENGTH = 120
NAME_MAX_LENGTH = 255
# A photo larger than this is refused before it is decoded (a small file can hold a huge
# picture that would take gigabytes to decode).
MAX_IMAGE_PIXELS = 50_000_000

# HEIC is accepted but never kept: it is written again as a JPEG.
HEIC = "image/heic"
# filetype's names for the kinds we accept (an animated PNG is a PNG; only its first frame is kept).
_DETECTED = {"pdf": PDF, "jpg": JPEG, "png": PNG, "apng": PNG, "heic": HEIC, "docx": DOCX}
# For each kind of photo: the one Pillow format its bytes must decode as, and the kind kept.
_PHOTOS = {JPEG: ("JPEG", JPEG), PNG: ("PNG", PNG), HEIC: ("HEIF", JPEG)}


class DocumentError(ValueError):
    """A file or a change that cannot be accepted; the text says why, for the person uploading."""


@dataclass(frozen=True)
class CheckedFile:
    """An upload that passed the checks: the bytes to keep (photos already cleaned) and their kind."""

    content: bytes
    content_type: str
    name: str


def accepted_kinds_text() -> str:
    kinds = ["PDF", "JPEG", "PNG", "HEIC"] + (["Word (.docx)"] if settings.CASE_DOCUMENT_ALLOW_OFFICE else [])
    return ", ".join(kinds)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}" if size >= 1024 * 1024 else f"{size / (1024 * 1024):.2f}"


def document_file_check(*, file: IO[bytes], name: str, size: int | None = None) -> CheckedFile:
    """The file as it will be kept, or DocumentError saying what is wrong with it."""
    limit = settings.CASE_DOCUMENT_MAX_BYTES
    if size is not None and size > limit:
        raise DocumentError(
            _("The file is larger than %(limit)s MB. Make it smaller, or split it, and upload it again.")
            % {"limit": _megabytes(limit)}
        )
    file.seek(0)
    content = file.read(limit + 1)
    if not content:
        raise DocumentError(_("The file is empty."))
    if len(content) > limit:
        raise DocumentError(
            _("The file is larger than %(limit)s MB. Make it smaller, or split it, and upload it again.")
            % {"limit": _megabytes(limit)}
        )
    guessed = filetype.guess(content)
    content_type = _DETECTED.get(guessed.extension) if guessed is not None else None
    if content_type == DOCX and not settings.CASE_DOCUMENT_ALLOW_OFFICE:
        content_type = None
    if content_type is None:
        raise DocumentError(
            _("This kind of file cannot be uploaded. Accepted: %(kinds)s, recognised by their content, not their name.")
            % {"kinds": accepted_kinds_text()}
        )
    if content_type in _PHOTOS:
        content, content_type = _image_without_metadata(content, content_type)
        if len(content) > limit:
            raise DocumentError(
                _("The file is larger than %(limit)s MB. Make it smaller, or split it, and upload it again.")
                % {"limit": _megabytes(limit)}
            )
    return CheckedFile(content=content, content_type=content_type, name=_clean_name(name))


@functools.cache
def _heif_opener_register() -> None:
    # Pillow reads HEIC only through pillow_heif's plugin; registered once, when a HEIC comes.
    pillow_heif.register_heif_opener()


def _image_without_metadata(content: bytes, content_type: str) -> tuple[bytes, str]:
    """The picture written again from its pixels alone, turned the way its EXIF said, and the
    kind it is now (a HEIC becomes a JPEG)."""
    unreadable = DocumentError(_("This image could not be read. It may be damaged: export it again and upload it."))
    pillow_format, kept_as = _PHOTOS[content_type]
    if content_type == HEIC:
        _heif_opener_register()
    try:
        # Only the format the bytes were detected as: no other decoder gets to try them.
        with Image.open(io.BytesIO(content), formats=[pillow_format]) as image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise DocumentError(
                    _("This image is too large (over %(megapixels)s megapixels). Reduce its size and upload it again.")
                    % {"megapixels": MAX_IMAGE_PIXELS // 1_000_000}
                )
            image.load()
            upright = ImageOps.exif_transpose(image)
            # Nothing of the original's info (EXIF, XMP, comments, text chunks, ICC profile)
            # goes into the new file but a PNG's transparency, which is part of the picture.
            transparency = upright.info.get("transparency")
            upright.info = {} if transparency is None else {"transparency": transparency}
            out = io.BytesIO()
            if kept_as == JPEG:
                if upright.mode not in ("RGB", "L", "CMYK"):
                    upright = upright.convert("RGB")
                upright.save(out, format="JPEG", quality=90, optimize=True)
            else:
                upright.save(out, format="PNG", optimize=True)
    except DocumentError:
        raise
    # EOFError: a HEIC whose picture data ends early fails only when it is decoded.
    except (OSError, EOFError, UnidentifiedImageError, Image.DecompressionBombError, SyntaxError, ValueError) as exc:
        raise unreadable from exc
    return out.getvalue(), kept_as


def _clean_name(name: str) -> str:
    """The last part of the name the browser sent, without control characters, shortened."""
    base = str(name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip().lstrip(".")
    return base[:NAME_MAX_LENGTH] or "document"


def _clean_title(title: str) -> str:
    title = " ".join(str(title or "").split())
    if not title:
        raise DocumentError(_("Give the document a title."))
    if len(title) > TITLE_MAX_LENGTH:
        raise DocumentError(_("A title can be at most %(n)s characters.") % {"n": TITLE_MAX_LENGTH})
    return title


def _bytes_store(content: bytes) -> str:
    """Encrypt and write the bytes under a new random key; returns the key."""
    key = f"{STORAGE_PREFIX}{uuid.uuid4().hex}"
    saved = private_storage().save(key, ContentFile(field_cipher().encrypt(content)))
    if saved != key:
        # A storage that renamed the file (a key already taken): the row must name what is there.
        private_storage().delete(saved)
        raise DocumentError(_("The file could not be stored. Try again."))
    return key


def bytes_delete(keys: Iterable[str]) -> None:
    """Remove stored bytes; a failure is logged (the bytes are ciphertext) and does not stop the rest."""
    storage = private_storage()
    for key in keys:
        try:
            storage.delete(key)
        except Exception:  # any storage backend's error: the others are still deleted
            logger.exception("Case document bytes %s could not be deleted from private storage.", key)


def _version_create(
    *, document: CaseDocument, by: User, checked: CheckedFile, key: str, number: int
) -> DocumentVersion:
    return DocumentVersion.objects.create(
        document=document,
        number=number,
        storage_key=key,
        original_name=checked.name,
        content_type=checked.content_type,
        size=len(checked.content),
        sha256=hashlib.sha256(checked.content).hexdigest(),
        uploaded_by=by,
    )


def _case_lock_for_documents(case_id: int) -> Case:
    # The same row lock as the retention purge: a document cannot land on a case being purged.
    locked = Case.objects.select_for_update().get(pk=case_id)
    if locked.purged_at is not None:
        raise DocumentError(_("The client details of this case were purged; no documents can be added."))
    return locked


def document_upload(
    *,
    case: Case,
    by: User,
    file: IO[bytes],
    name: str,
    title: str,
    kind: str,
    sensitivity: str,
    shared_with_mentor: bool = False,
    size: int | None = None,
) -> CaseDocument:
    """A new document on the case, with its first version."""
    title = _clean_title(title)
    if kind not in DocumentKind.values or sensitivity not in DocumentSensitivity.values:
        raise DocumentError(_("Choose the kind of document and its sensitivity."))
    checked = document_file_check(file=file, name=name, size=size)
    key = _bytes_store(checked.content)
    try:
        with transaction.atomic():
            locked = _case_lock_for_documents(case.pk)
            document = CaseDocument.objects.create(
                case=locked,
                kind=kind,
                sensitivity=sensitivity,
                title=title,
                shared_with_mentor=shared_with_mentor,
                created_by=by,
            )
            version = _version_create(document=document, by=by, checked=checked, key=key, number=1)
            audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=version, detail="upload version=1")
    except BaseException:
        bytes_delete([key])
        raise
    return document


def document_new_version(*, document: CaseDocument, by: User, file: IO[bytes], name: str, size: int | None = None):
    """The next version of a document; the earlier ones stay, to be downloaded or deleted with it."""
    checked = document_file_check(file=file, name=name, size=size)
    key = _bytes_store(checked.content)
    try:
        with transaction.atomic():
            _case_lock_for_documents(document.case_id)
            locked = CaseDocument.objects.select_for_update().filter(pk=document.pk).first()
            if locked is None:
                raise DocumentError(_("This document has been deleted."))
            number = (locked.versions.aggregate(last=Max("number"))["last"] or 0) + 1
            version = _version_create(document=locked, by=by, checked=checked, key=key, number=number)
            audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=version, detail=f"upload version={number}")
    except BaseException:
        bytes_delete([key])
        raise
    return version


def document_share(*, document: CaseDocument, by: User) -> None:
    """Let the case's current mentor see the document (and their successors, while current)."""
    _shared_set(document=document, by=by, shared=True)


def document_unshare(*, document: CaseDocument, by: User) -> None:
    """Hide the document from the mentor again (a document the mentor uploaded stays theirs to see)."""
    _shared_set(document=document, by=by, shared=False)


def _shared_set(*, document: CaseDocument, by: User, shared: bool) -> None:
    with transaction.atomic():
        CaseDocument.objects.filter(pk=document.pk).update(shared_with_mentor=shared)
        audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=document, detail="share" if shared else "unshare")
    document.shared_with_mentor = shared


def document_delete(*, document: CaseDocument, by: User) -> None:
    """Delete the document, every version and, once that is committed, their bytes."""
    with transaction.atomic():
        locked = CaseDocument.objects.select_for_update().filter(pk=document.pk).first()
        if locked is None:
            return
        keys = list(locked.versions.values_list("storage_key", flat=True))
        audit_record(actor=by, action=AuditEvent.Action.DELETE, obj=locked, detail=f"versions={len(keys)}")
        locked.delete()
        transaction.on_commit(lambda: bytes_delete(keys))


def documents_delete_for_case(*, case: Case) -> int:
    """Every document of the case, for the retention purge (which locks the case and audits);
    the bytes go once the purge is committed. Returns how many documents there were."""
    documents = CaseDocument.objects.filter(case=case)
    keys = list(DocumentVersion.objects.filter(document__case=case).values_list("storage_key", flat=True))
    count = documents.count()
    DocumentVersion.objects.filter(document__case=case).delete()
    documents.delete()
    if keys:
        transaction.on_commit(lambda: bytes_delete(keys))
    return count


def document_bytes_rotate() -> int:
    """Re-encrypt every stored version not yet under the newest key (rotate_encryption_keys).

    The new ciphertext is written under a new key and the row moved to it in one conditional
    update; the old bytes are deleted once that is committed. Safe to run twice, and beside
    uploads and deletions: a version deleted meanwhile has its new bytes removed again."""
    storage = private_storage()
    rotated = 0
    for pk, old_key in DocumentVersion.objects.order_by("pk").values_list("pk", "storage_key").iterator():
        try:
            with storage.open(old_key, "rb") as handle:
                token = handle.read()
        except OSError:
            logger.warning("Case document version %s has no bytes on private storage; not rotated.", pk)
            continue
        if encrypted_with_newest_key(token):
            continue
        new_key = f"{STORAGE_PREFIX}{uuid.uuid4().hex}"
        saved = storage.save(new_key, ContentFile(field_cipher().rotate(token)))
        try:
            with transaction.atomic():
                moved = DocumentVersion.objects.filter(pk=pk, storage_key=old_key).update(storage_key=saved)
                if moved:
                    transaction.on_commit(lambda key=old_key: bytes_delete([key]))
        except BaseException:
            bytes_delete([saved])
            raise
        if moved:
            rotated += 1
        else:
            bytes_delete([saved])
    return rotated
