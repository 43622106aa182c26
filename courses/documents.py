"""Course documents (Wagtail documents): what may be uploaded, and how a document is served.

Documents are public course materials attached to lessons, uploaded by content editors.
A document is never shown as a page of the site: it is always sent as a download, with
`nosniff` and a sandboxing CSP, so a file whose bytes are HTML or SVG cannot run script in
the site's origin even if it got past the upload check. The upload check allows only the
kinds of file a course needs, recognised by their bytes, not their name.
"""

import posixpath
from typing import IO

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.static import serve as static_serve
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject
from wagtail.documents.forms import BaseDocumentForm
from wagtail.documents.views.serve import serve as wagtail_document_serve

# File name extension -> the kind its bytes must show (filetype's name for it). "text" has
# no signature: it is UTF-8 without NUL bytes and does not look like markup.
ALLOWED_KINDS: dict[str, str] = {
    "pdf": "pdf",
    "txt": "text",
    "png": "png",
    "jpg": "jpg",
    "jpeg": "jpg",
    "gif": "gif",
    "webp": "webp",
    "docx": "docx",
    "xlsx": "xlsx",
    "pptx": "pptx",
    "odt": "odt",
    # Self-hosted lesson videos are uploaded as documents (courses.blocks.VideoBlock).
    "mp4": "mp4",
    "webm": "webm",
    # Their captions, as WebVTT (text that must begin with the WEBVTT signature).
    "vtt": "webvtt",
}

# What a document answers with: a download that, opened anyway, may run nothing.
DOCUMENT_CSP = "sandbox; default-src 'none'"

_TEXT_SAMPLE_BYTES = 64 * 1024
_MARKUP = ("<script", "<html", "<svg", "<!doctype", "<?xml", "<iframe", "<object", "<embed")
# PDF names that carry script or launch programs: JavaScript actions and name trees, Launch.
_PDF_ACTIVE_KEYS = {"/JS", "/JavaScript"}
_PDF_ACTIVE_ACTIONS = {"/JavaScript", "/Launch"}


def document_file_check(*, file: IO[bytes], name: str) -> None:
    """Raise ValidationError unless the file is of an allowed kind, by its bytes, matching its extension."""
    extension = posixpath.splitext(name)[1].lower().lstrip(".")
    expected = ALLOWED_KINDS.get(extension)
    if expected is None:
        raise ValidationError(
            _("Files of this type cannot be uploaded. Allowed: %(allowed)s."),
            code="document_type",
            params={"allowed": ", ".join(sorted(ALLOWED_KINDS))},
        )
    file.seek(0)
    head = file.read(8192)
    file.seek(0)
    guessed = filetype.guess(head)
    found = "jpg" if guessed and guessed.extension == "jpg" else (guessed.extension if guessed else None)
    if expected == "webvtt":
        if found is not None or not _is_plain_text(file) or not _starts_as_webvtt(file):
            raise ValidationError(
                _('This is not a WebVTT captions file: its first line must be "WEBVTT".'),
                code="document_content",
            )
    elif expected == "text":
        if found is not None or not _is_plain_text(file):
            raise ValidationError(
                _("This file is not plain text, although its name ends in .%(extension)s."),
                code="document_content",
                params={"extension": extension},
            )
    elif found != expected:
        raise ValidationError(
            _("The content of this file does not match its name: a .%(extension)s file was expected."),
            code="document_content",
            params={"extension": extension},
        )
    if expected == "pdf" and _pdf_is_active(file):
        raise ValidationError(
            _("This PDF contains JavaScript or actions that start programs, which are not allowed."),
            code="document_pdf_script",
        )
    file.seek(0)


def _is_plain_text(file: IO[bytes]) -> bool:
    sample = file.read(_TEXT_SAMPLE_BYTES)
    file.seek(0)
    if b"\x00" in sample:
        return False
    try:
        # A multi-byte character may be cut at the end of the sample.
        text = sample.decode("utf-8-sig") if len(sample) < _TEXT_SAMPLE_BYTES else sample[:-4].decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    lowered = text.lower()
    return not lowered.lstrip().startswith("<") and not any(tag in lowered for tag in _MARKUP)


def _starts_as_webvtt(file: IO[bytes]) -> bool:
    """The WebVTT signature: "WEBVTT" (after an optional byte order mark), then a space, tab or line end."""
    head = file.read(16)
    file.seek(0)
    head = head.removeprefix(b"\xef\xbb\xbf")
    return head.startswith(b"WEBVTT") and (len(head) == 6 or head[6:7] in (b" ", b"\t", b"\n", b"\r"))


def _pdf_is_active(file: IO[bytes]) -> bool:
    """Whether any object reachable in the PDF is a JavaScript or Launch action (unreadable counts as yes)."""
    file.seek(0)
    try:
        reader = PdfReader(file, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return True
        seen: set[tuple[int, int]] = set()
        stack: list = [reader.trailer]
        while stack:
            node = stack.pop()
            if isinstance(node, IndirectObject):
                if (node.idnum, node.generation) in seen:
                    continue
                seen.add((node.idnum, node.generation))
                node = node.get_object()
            if isinstance(node, DictionaryObject):
                if _PDF_ACTIVE_KEYS & set(node.keys()) or node.get("/S") in _PDF_ACTIVE_ACTIONS:
                    return True
                stack.extend(node.values())
            elif isinstance(node, ArrayObject):
                stack.extend(node)
    except (PyPdfError, ValueError, KeyError, TypeError, RecursionError):
        return True
    finally:
        file.seek(0)
    return False


class DocumentForm(BaseDocumentForm):
    """The Wagtail document form (single and multiple upload, and edit) with the content check."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            document_file_check(file=file, name=file.name)
        return file


def document_serve(request: HttpRequest, document_id: int, document_filename: str) -> HttpResponse:
    """Wagtail's document view (collection privacy, ETag), always as a sandboxed download."""
    response = wagtail_document_serve(request, document_id, document_filename)
    if response.status_code in (200, 304) and not hasattr(response, "template_name"):
        if response.status_code == 200:
            # Wagtail has checked that the name is the document's.
            response["Content-Disposition"] = content_disposition_header(True, document_filename)
        if response.get("Content-Encoding") == "None":
            # Wagtail's sendfile writes the encoding it did not find.
            del response["Content-Encoding"]
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = DOCUMENT_CSP
    return response


def media_serve(request: HttpRequest, path: str) -> HttpResponse:
    """MEDIA_ROOT for the development server, except documents: those go through `document_serve`."""
    normalised = posixpath.normpath(path).lstrip("/")
    # Lower case too: a development machine's file system may not tell the cases apart.
    if posixpath.normpath(normalised.lower()).split("/")[0] == "documents":
        raise Http404
    try:
        return static_serve(request, normalised, document_root=settings.MEDIA_ROOT)
    except (OSError, ValueError) as exc:  # a name too long for the file system, a NUL byte
        raise Http404 from exc
