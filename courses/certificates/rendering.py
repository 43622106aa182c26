"""Certificate PDF rendering: a pure function from a frozen snapshot to PDF bytes.

Nothing here reads the database: the snapshot (see `snapshot.py`) states everything the
certificate says, so a certificate rendered again years later is the one issued. Images
the snapshot refers to (signature, logo) are content-addressed files in the private
storage, so they cannot change under an issued certificate either.
"""

from __future__ import annotations

import logging
import mimetypes
import threading
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlparse
from urllib.request import url2pathname

import segno
from django.conf import settings
from django.core.files.storage import storages
from django.template.loader import render_to_string
from django.utils import translation

FONTS_DIR = Path(settings.BASE_DIR) / "static" / "fonts"
TEMPLATE_NAME = "certificates/pdf/certificate.html"
TRANSCRIPT_TEMPLATE_NAME = "certificates/pdf/transcript.html"
# Images in private storage are named to WeasyPrint by key under this scheme, never by a file path:
# the private storage may be a bucket (lms/storage_settings.py), and only this prefix may be read.
PRIVATE_ASSET_SCHEME = "pba-private"
PRIVATE_ASSET_PREFIX = "certificates/assets/"

_local = threading.local()
# WeasyPrint logs every layout step at INFO; a worker rendering hundreds would drown its log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


@cache
def _weasyprint():
    # Importing WeasyPrint costs most of a second: only workers and downloads pay it.
    import weasyprint

    return weasyprint


def _font_config():
    # One FontConfiguration per thread, reused for every render (loading fonts is the slow part).
    config = getattr(_local, "font_config", None)
    if config is None:
        config = _weasyprint().text.fonts.FontConfiguration()
        _local.font_config = config
    return config


@cache
def _local_fetcher_class():
    weasyprint = _weasyprint()

    class LocalFilesOnly(weasyprint.urls.URLFetcher):
        """Serves only the shipped fonts and private certificate assets: never the network."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols=("file",))
            self._fonts = FONTS_DIR.resolve()

        def fetch(self, url, headers=None):
            if url.startswith(f"{PRIVATE_ASSET_SCHEME}:"):
                return _private_asset_response(weasyprint, url)
            path = Path(url2pathname(urlparse(url).path)).resolve()
            if not path.is_relative_to(self._fonts):
                raise ValueError("Only shipped fonts and private certificate assets may be loaded.")
            return super().fetch(url, headers)

    return LocalFilesOnly


def _local_fetcher():
    fetcher = getattr(_local, "fetcher", None)
    if fetcher is None:
        fetcher = _local_fetcher_class()()
        _local.fetcher = fetcher
    return fetcher


def qr_svg(url: str) -> str:
    """The QR code for a URL as inline SVG (vector, no base64 image to decode)."""
    return segno.make(url, error="m").svg_inline(scale=1, border=0, omitsize=True, dark="#14323d")


def _private_asset_response(weasyprint, url: str):
    key = unquote(url.removeprefix(f"{PRIVATE_ASSET_SCHEME}:"))
    if not key.startswith(PRIVATE_ASSET_PREFIX) or ".." in key.split("/"):
        raise ValueError("Only shipped fonts and private certificate assets may be loaded.")
    with storages["private"].open(key, "rb") as handle:
        data = handle.read()
    content_type = mimetypes.guess_type(key)[0] or "application/octet-stream"
    return weasyprint.urls.URLFetcherResponse(url, data, {"Content-Type": content_type})


def asset_path(key: str | None) -> str:
    """The URI WeasyPrint loads a private-storage image (signature, logo) by, or '' when there is none."""
    if not key or not storages["private"].exists(key):
        return ""
    return f"{PRIVATE_ASSET_SCHEME}:{quote(key)}"


def render_html_to_pdf(html: str) -> bytes:
    weasyprint = _weasyprint()
    document = weasyprint.HTML(string=html, base_url=FONTS_DIR.as_uri() + "/", url_fetcher=_local_fetcher())
    return document.write_pdf(font_config=_font_config())


def certificate_html(*, snapshot: dict[str, Any]) -> str:
    context = {
        "s": snapshot,
        "fonts_url": FONTS_DIR.as_uri(),
        "qr_svg": qr_svg(snapshot["certificate"]["verify_url"]),
        "signature_src": asset_path(snapshot["administrator"].get("signature_key")),
        "logo_src": asset_path(snapshot["provider"].get("logo_key")),
    }
    # In the language the snapshot was issued in (English unless the jurisdiction accepts the
    # course's language), never the request's: a re-render from the same snapshot must give
    # the same document whichever request or task asks for it.
    with translation.override(snapshot.get("language") or settings.LANGUAGE_CODE):
        return render_to_string(TEMPLATE_NAME, context)


def certificate_pdf_render(*, snapshot: dict[str, Any]) -> bytes:
    """Snapshot in, PDF bytes out (Letter landscape, shipped fonts, QR to the verify page)."""
    return render_html_to_pdf(certificate_html(snapshot=snapshot))


def transcript_pdf_render(*, context: dict[str, Any]) -> bytes:
    """A transcript (already computed by the selector) as a portrait Letter PDF."""
    html = render_to_string(TRANSCRIPT_TEMPLATE_NAME, {**context, "fonts_url": FONTS_DIR.as_uri()})
    return render_html_to_pdf(html)
