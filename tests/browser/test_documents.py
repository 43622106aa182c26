"""A document whose bytes are HTML with script runs nothing in the site's origin.

The document is put straight into storage, past the upload check, so that the serving side
alone is shown to be safe: the browser downloads it instead of showing it, and even a browser
that showed it would run none of its script (the sandboxing CSP).
"""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db(transaction=True)

BEACON = "/beacon-from-document/"
EVIL = f"""<!DOCTYPE html><html><head><title>document</title></head><body>
<script>
  document.title = "script ran";
  try {{ localStorage.setItem("document_ran", document.cookie || "yes"); }} catch (e) {{}}
  fetch("{BEACON}script");
</script>
<img src="{BEACON}image">
</body></html>""".encode()


@pytest.fixture
def evil_document():
    # Transactional tests empty the tables between tests, the root collection too.
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    document = get_document_model()(title="Evil", collection=root)
    document.file.save("evil.html", ContentFile(EVIL), save=False)
    document.save()
    return document


def _site_storage_flag(page) -> str | None:
    page.goto("/safety/")
    return page.evaluate("localStorage.getItem('document_ran')")


def test_opening_a_document_downloads_it_instead_of_showing_it(page, evil_document, beacons):
    page.goto("/safety/")
    with page.expect_download() as download_info:
        page.evaluate("url => { window.location.href = url; }", evil_document.url)
    download = download_info.value
    assert download.suggested_filename == evil_document.filename
    page.wait_for_timeout(500)
    assert page.url.endswith("/safety/"), "the site's page stays; the document is not shown"
    assert page.title() != "script ran"
    assert not beacons
    assert _site_storage_flag(page) is None


def test_a_document_shown_anyway_runs_no_script(page, evil_document, beacons):
    """As if a browser ignored the download header: the sandbox and `default-src 'none'` still hold."""

    def without_attachment(route):
        response = route.fetch()
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-disposition"}
        assert headers["content-security-policy"] == "sandbox; default-src 'none'"
        route.fulfill(response=response, headers=headers)

    page.route(f"**{evil_document.url}", without_attachment)
    page.goto(evil_document.url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert page.title() == "document", "the HTML is shown, with its script not run"
    assert page.evaluate("document.title") == "document"
    assert not beacons, f"the document reached out: {beacons}"
    page.unroute(f"**{evil_document.url}")
    assert _site_storage_flag(page) is None
