"""Course documents: only allowed kinds, recognised by their bytes, and always served as sandboxed downloads."""

import importlib
import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import clear_url_caches, reverse
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.conftest import login_client
from tests.factories import DEFAULT_PASSWORD, EditorFactory, StaffFactory, UserFactory, totp_enrol

HTML = b"<!DOCTYPE html><html><body><script>document.title='ran'</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7V\xbd\xfa\x00\x00\x00\x00IEND\xaeB`\x82"
)


def pdf_bytes(*, script: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if script:
        writer.root_object[NameObject("/OpenAction")] = DictionaryObject(
            {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject(script)}
        )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><w:document/>')
    return out.getvalue()


@pytest.fixture
def editor_client(db):
    # A superuser, who may upload into any collection (editors upload into Course materials).
    user = UserFactory(is_superuser=True, is_staff=True)
    totp_enrol(user)
    return login_client(user)


def upload(client, name: str, content: bytes):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": Collection.get_first_root_node().pk},
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("syllabus.pdf", HTML),
        ("syllabus.pdf", SVG),
        ("diagram.svg", SVG),
        ("page.html", HTML),
        ("notes.txt", HTML),
        ("notes.txt", SVG),
        ("tool.js", b"alert(document.cookie)"),
        ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"),
        ("photo.jpg", PNG),
        ("form.docx", pdf_bytes()),
        ("scripted.pdf", pdf_bytes(script="app.alert(1)")),
        # The same with its names written in hex escapes, which a search of the raw bytes misses.
        (
            "hidden.pdf",
            pdf_bytes(script="app.alert(1)").replace(b"/JS", b"/J#53").replace(b"/JavaScript", b"/J#61vaScript"),
        ),
    ],
)
def test_upload_of_a_file_whose_bytes_are_not_an_allowed_kind_is_refused_with_a_message(editor_client, name, content):
    response = upload(editor_client, name, content)
    assert response.status_code == 200, "the form is shown again"
    errors = response.context["form"].errors
    assert "file" in errors and errors["file"][0]
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("syllabus.pdf", pdf_bytes()),
        ("diagram.png", PNG),
        ("notes.txt", "Plain notes: a < b, and café.\n".encode()),
        ("handout.docx", docx_bytes()),
    ],
)
def test_upload_of_an_allowed_kind_is_accepted(editor_client, name, content):
    response = upload(editor_client, name, content)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert get_document_model().objects.get().title == name


def test_multiple_upload_refuses_html_renamed_to_pdf_and_accepts_a_real_pdf(editor_client):
    url = reverse("wagtaildocs:add_multiple")
    # The upload page posts the collection chosen on it (there is more than one collection).
    collection = Collection.objects.get(name="Course materials").pk
    refused = editor_client.post(url, {"files[]": SimpleUploadedFile("evil.pdf", HTML), "collection": collection})
    assert refused.json()["success"] is False and refused.json()["error_message"]
    accepted = editor_client.post(
        url, {"files[]": SimpleUploadedFile("real.pdf", pdf_bytes()), "collection": collection}
    ).json()
    assert accepted["success"] is True
    assert list(get_document_model().objects.values_list("title", flat=True)) == ["real.pdf"]


def stored_document(name: str, content: bytes, *, collection=None):
    """A document put straight into storage, past the upload check (as if it had got through)."""
    document = get_document_model()(title=name, collection=collection or Collection.get_first_root_node())
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


@pytest.mark.parametrize(
    ("name", "content"), [("evil.html", HTML), ("evil.svg", SVG), ("syllabus.pdf", pdf_bytes()), ("d.png", PNG)]
)
def test_every_document_is_served_as_a_sandboxed_download(db, client, name, content):
    document = stored_document(name, content)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert document.filename in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert "Content-Encoding" not in response
    assert b"".join(response.streaming_content) == content


def test_a_document_answering_not_modified_keeps_the_sandbox(db, client):
    document = stored_document("syllabus.pdf", pdf_bytes())
    response = client.get(document.url, headers={"if-none-match": f'"{document.get_file_hash()}"'})
    assert response.status_code == 304
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"


def test_a_document_in_a_private_collection_stays_private(db, client):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Private")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    document = stored_document("syllabus.pdf", pdf_bytes(), collection=private)
    refused = client.get(document.url)
    assert refused.status_code == 302 and refused["Location"].startswith(reverse("account_login"))
    served = login_client(EditorFactory()).get(document.url)
    assert served.status_code == 200 and served["Content-Disposition"].startswith("attachment;")


def test_wagtails_own_sign_in_page_is_not_a_way_around_allauth(db, client):
    staff = StaffFactory()
    response = client.post("/_util/login/?next=/staff/", {"username": staff.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_a_wrong_filename_or_unknown_document_is_404(db, client):
    document = stored_document("syllabus.pdf", pdf_bytes())
    assert client.get(f"/documents/{document.pk}/other.pdf").status_code == 404
    assert client.get(f"/documents/{document.pk + 1000}/syllabus.pdf").status_code == 404


@pytest.fixture
def development_urls(settings):
    """The URLconf as the development server has it (DEBUG on serves MEDIA_ROOT)."""
    import lms.urls

    settings.DEBUG = True
    importlib.reload(lms.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(lms.urls)
    clear_url_caches()


def test_documents_are_not_reachable_as_media_files(db, client, settings, development_urls):
    document = stored_document("evil.html", HTML)
    other = settings.MEDIA_ROOT / "images" / "probe.png"
    other.parent.mkdir(parents=True, exist_ok=True)
    other.write_bytes(PNG)
    assert client.get("/media/images/probe.png").status_code == 200, "other media are served in development"
    name = document.file.name  # documents/evil.html
    for path in (name, "./" + name, "images/../" + name, name.replace("documents", "Documents"), "documents/"):
        assert client.get(f"/media/{path}").status_code == 404, path
    assert client.get(document.url)["Content-Disposition"].startswith("attachment;")
