"""A case document whose bytes are HTML or SVG with script runs nothing in the site's origin.

The bytes are put straight into the private storage as a document version, past the upload
check (which would refuse them), so that the serving side alone is shown to be safe: the
placed attorney's browser downloads the file instead of showing it, the page they were on
stays, and even a browser that showed it would run none of its script (the sandboxing CSP).
"""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from mentorship.fields import field_cipher
from mentorship.models import CaseDocument, DocumentVersion
from tests.factories import PlacementFactory, attorney_with_profile, case_document_make

pytestmark = pytest.mark.django_db(transaction=True)

BEACON = "/beacon-from-case-document/"
SCRIPT = f"""
  document.title = "script ran";
  try {{ localStorage.setItem("case_document_ran", document.cookie || "yes"); }} catch (e) {{}}
  fetch("{BEACON}script");
"""
HTML = f"""<!DOCTYPE html><html><head><title>document</title></head><body>
<script>{SCRIPT}</script><img src="{BEACON}image"></body></html>""".encode()
SVG = f"""<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
<title>document</title><script>{SCRIPT}</script><image href="{BEACON}image" width="1" height="1"/></svg>""".encode()

KINDS = {
    "html": (HTML, "text/html", "statement.html"),
    "svg": (SVG, "image/svg+xml", "drawing.svg"),
}


@pytest.fixture
def attorney():
    return attorney_with_profile()


def _evil_version(*, attorney, kind: str) -> DocumentVersion:
    content, content_type, name = KINDS[kind]
    placement = PlacementFactory(attorney=attorney)
    document = CaseDocument.objects.create(
        case=placement.case, kind="evidence", sensitivity="other", title="Evil", created_by=attorney
    )
    key = storages["private"].save(f"case-documents/evil-{kind}", ContentFile(field_cipher().encrypt(content)))
    return DocumentVersion.objects.create(
        document=document,
        number=1,
        storage_key=key,
        original_name=name,
        content_type=content_type,
        size=len(content),
        sha256="0" * 64,
        uploaded_by=attorney,
    )


def _site_storage_flag(page) -> str | None:
    page.goto("/safety/")
    return page.evaluate("localStorage.getItem('case_document_ran')")


def _url(version: DocumentVersion) -> str:
    return f"/mentorship/document-versions/{version.pk}/download/"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_opening_a_case_document_downloads_it_instead_of_showing_it(
    page, sign_in, private_storage, attorney, beacons, kind
):
    version = _evil_version(attorney=attorney, kind=kind)
    sign_in(attorney)
    page.goto(f"/mentorship/cases/{version.document.case_id}/documents/")
    assert page.title() != "script ran"
    with page.expect_download() as download_info:
        page.evaluate("url => { window.location.href = url; }", _url(version))
    download = download_info.value
    # Saved under its own stem with a neutral extension: never as .html or .svg.
    assert download.suggested_filename == f"{KINDS[kind][2].rsplit('.', 1)[0]}-v1.bin"
    assert Path(download.path()).read_bytes() == KINDS[kind][0]
    page.wait_for_timeout(500)
    assert page.url.endswith(f"/mentorship/cases/{version.document.case_id}/documents/"), "the page stays"
    assert page.title() != "script ran"
    assert not beacons
    assert _site_storage_flag(page) is None


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_case_document_shown_anyway_runs_no_script(page, sign_in, private_storage, attorney, beacons, kind):
    """As if a browser ignored the download header and believed the stored type: the sandbox and
    `default-src 'none'` still hold."""
    version = _evil_version(attorney=attorney, kind=kind)
    sign_in(attorney)
    url = _url(version)

    def shown(route):
        response = route.fetch()
        assert response.headers["content-security-policy"] == "sandbox; default-src 'none'"
        assert response.headers["x-content-type-options"] == "nosniff"
        headers = {
            k: v for k, v in response.headers.items() if k.lower() not in ("content-disposition", "content-type")
        }
        route.fulfill(response=response, headers={**headers, "content-type": KINDS[kind][1]})

    page.route(f"**{url}", shown)
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert page.evaluate("document.title") != "script ran", "the file is shown, with its script not run"
    assert not beacons, f"the document reached out: {beacons}"
    page.unroute(f"**{url}")
    assert _site_storage_flag(page) is None


def test_the_documents_pages_pass_axe(page, sign_in, private_storage, attorney, check_page):
    """The list, and the upload form showing its error summary after a refused file."""
    placement = PlacementFactory(attorney=attorney)
    case_document_make(case=placement.case, by=attorney, shared_with_mentor=True)
    sign_in(attorney)
    page.goto(f"/mentorship/cases/{placement.case_id}/documents/")
    assert "Download version 1" in page.locator("main").inner_text()
    check_page(page)
    page.goto(f"/mentorship/cases/{placement.case_id}/documents/new/")
    page.get_by_label("Title").fill("Statement")
    page.get_by_label("File").set_input_files({"name": "statement.pdf", "mimeType": "application/pdf", "buffer": HTML})
    page.get_by_role("button", name="Upload").click()
    page.wait_for_load_state("load")
    assert "This kind of file cannot be uploaded" in page.locator(".error-summary").inner_text()
    check_page(page)
