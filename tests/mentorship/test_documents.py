"""Case documents (S6): who sees which, what is accepted, how a file is stored and served,
the audit trail, deletion, the retention purge and key rotation."""

import io
import zipfile

import pillow_heif
import pytest
from cryptography.fernet import Fernet
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import ExifTags, Image
from pillow_heif.as_plugin import HeifImageFile

from accounts.models import AuditEvent
from mentorship.fields import field_cipher
from mentorship.models import CaseDocument, CaseStatus, DocumentVersion
from mentorship.policy import documents_visible_to
from mentorship.selectors.documents import document_version_content
from mentorship.services import documents as document_services
from mentorship.services.documents import (
    DocumentError,
    document_delete,
    document_new_version,
    document_share,
    document_unshare,
    document_upload,
)
from mentorship.services.offers import placement_close
from mentorship.services.retention import case_purge
from tests.factories import case_document_make
from tests.mentorship.test_authorization import expect

pytestmark = pytest.mark.django_db

SENTINEL = b"SENTINEL-DOCUMENT-5c1e"
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def _pdf(marker: bytes = SENTINEL) -> bytes:
    """A small PDF that carries a marker in its bytes (a comment), to look for in storage."""
    return (
        b"%PDF-1.4\n%" + marker + b"\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def _exif_with_gps(orientation: int) -> Image.Exif:
    """A phone's EXIF block: orientation, maker and the GPS position where the photo was taken."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "SentinelPhoneMaker"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (40.0, 42.0, 46.0),
        ExifTags.GPS.GPSLongitudeRef: "W",
        ExifTags.GPS.GPSLongitude: (74.0, 0.0, 21.0),
    }
    return exif


def _jpeg_with_gps(*, orientation: int = 6) -> bytes:
    image = Image.new("RGB", (40, 20), "red")
    exif = _exif_with_gps(orientation)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, comment=b"SentinelComment")
    return out.getvalue()


def _heic_with_gps(*, orientation: int = 6) -> bytes:
    """An iPhone-like photo: 40×20, blue in its top-left corner, EXIF with GPS, and XMP."""
    image = Image.new("RGB", (40, 20), (255, 0, 0))
    image.paste((0, 0, 255), (0, 0, 10, 10))
    exif = _exif_with_gps(orientation)
    heif = pillow_heif.from_pillow(image)
    heif.info["exif"] = exif.tobytes()
    heif.info["xmp"] = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">SentinelXmp</x:xmpmeta>'
    out = io.BytesIO()
    heif.save(out, quality=90)
    content = out.getvalue()
    assert b"SentinelPhoneMaker" in content and b"SentinelXmp" in content
    return content


def _heic_without_picture_data() -> bytes:
    """A well-formed HEIC container whose coded picture is all zeros: it fails only when decoded."""
    content = _heic_with_gps()
    start = content.rindex(b"mdat") + 4
    return content[:start] + b"\x00" * (len(content) - start)


def _png_with_text() -> bytes:
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", "SentinelPngText")
    out = io.BytesIO()
    Image.new("RGBA", (8, 8), (0, 128, 0, 128)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def _docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


@pytest.fixture(autouse=True)
def _own_private_storage(private_storage):
    """Each test's documents in a folder of its own (tests/mentorship/conftest.py), so what is
    left behind can be counted."""
    return private_storage


def _stored_files(root) -> list:
    return [path for path in root.rglob("*") if path.is_file()]


def _upload(world, content: bytes, *, name: str = "file.pdf", by: str = "placed_attorney", **kwargs):
    return document_upload(
        case=world["placed_case"],
        by=world[by],
        file=io.BytesIO(content),
        name=name,
        title=kwargs.pop("title", "Declaration"),
        kind=kwargs.pop("kind", "declaration"),
        sensitivity=kwargs.pop("sensitivity", "client_statement"),
        **kwargs,
    )


# ---------------------------------------------------------------------------
# Authorization matrix rows (collected by test_authorization.py)


def _placed_case(w):
    return {"pk": w["placed_case"].pk}


def _document(*, shared: bool, by: str = "placed_attorney"):
    def build(w):
        return {"pk": case_document_make(case=w["placed_case"], by=w[by], shared_with_mentor=shared).pk}

    return build


def _version(*, shared: bool):
    def build(w):
        document = case_document_make(case=w["placed_case"], by=w["placed_attorney"], shared_with_mentor=shared)
        return {"pk": document.versions.get().pk}

    return build


CASE_PEOPLE = ("placed_attorney", "mentor", "staff")
DECIDERS = ("placed_attorney", "staff")

AUTHZ_MATRIX = {
    "mentorship:case_documents": [
        ("get", _placed_case, expect(CASE_PEOPLE, 200)),
        ("get", lambda w: {"pk": w["other_case"].pk}, expect(("other_attorney", "other_mentor", "staff"), 200)),
        ("get", lambda w: {"pk": w["offered_case"].pk}, expect(("staff",), 200)),
    ],
    "mentorship:document_upload": [
        ("get", _placed_case, expect(CASE_PEOPLE, 200)),
        ("post", _placed_case, expect(CASE_PEOPLE, 200)),  # no file: the form comes back with its errors
    ],
    "mentorship:document_version_new": [
        ("get", _document(shared=True), expect(DECIDERS, 200)),  # the mentor sees it but may not change it
        ("get", _document(shared=False, by="mentor"), expect(CASE_PEOPLE, 200)),
        ("post", _document(shared=False), expect(DECIDERS, 200)),
    ],
    "mentorship:document_share": [("post", _document(shared=False), expect(DECIDERS, 302))],
    "mentorship:document_unshare": [("post", _document(shared=True), expect(DECIDERS, 302))],
    "mentorship:document_delete": [
        ("get", _document(shared=True), expect(DECIDERS, 200)),
        ("post", _document(shared=True), expect(DECIDERS, 302)),  # not confirmed: back to the question
        ("get", _document(shared=False, by="mentor"), expect(CASE_PEOPLE, 200)),
    ],
    "mentorship:document_download": [
        ("get", _version(shared=True), expect(CASE_PEOPLE, 200)),
        ("get", _version(shared=False), expect(DECIDERS, 200)),
    ],
}


# ---------------------------------------------------------------------------
# Storage


def test_stored_bytes_are_ciphertext_under_a_random_name_and_decrypt_with_the_field_cipher(world, private_storage):
    document = _upload(world, _pdf(), name="Declaration of María.pdf")
    version = document.versions.get()
    (stored,) = _stored_files(private_storage)
    raw = stored.read_bytes()
    assert SENTINEL not in raw and b"%PDF" not in raw
    assert field_cipher().decrypt(raw) == _pdf()
    assert "María" not in version.storage_key and "Declaration" not in str(stored)
    assert version.storage_key.startswith("case-documents/") and len(stored.name) == 32
    assert (version.size, version.content_type, version.number) == (len(_pdf()), "application/pdf", 1)
    assert version.original_name == "Declaration of María.pdf"
    # The title and the file name are encrypted in the database as well.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT original_name FROM mentorship_documentversion")
        (name,) = cursor.fetchone()
        cursor.execute("SELECT title FROM mentorship_casedocument")
        (title,) = cursor.fetchone()
    assert "María" not in name and "Declaration" not in title


def test_a_photo_loses_its_location_and_metadata_but_keeps_its_orientation(world):
    original = _jpeg_with_gps(orientation=6)
    document = _upload(world, original, name="IMG_0042.jpg")
    content = document_version_content(version=document.versions.get())
    assert b"SentinelPhoneMaker" not in content and b"SentinelComment" not in content and b"Exif" not in content
    image = Image.open(io.BytesIO(content))
    assert image.format == "JPEG"
    exif = image.getexif()
    assert not exif.get_ifd(ExifTags.IFD.GPSInfo) and not dict(exif)
    assert image.size == (20, 40), "orientation 6 (turn 90°) applied to the pixels before the EXIF went"


def test_a_heic_photo_is_kept_as_a_jpeg_without_location_or_metadata_and_turned_upright(world, client_for):
    document = _upload(world, _heic_with_gps(orientation=6), name="IMG_0042.HEIC")
    version = document.versions.get()
    assert version.content_type == "image/jpeg"
    content = document_version_content(version=version)
    assert version.size == len(content)
    for marker in (b"SentinelPhoneMaker", b"SentinelXmp", b"Exif", b"xmpmeta", b"ICC_PROFILE"):
        assert marker not in content
    image = Image.open(io.BytesIO(content))
    assert image.format == "JPEG" and image.mode == "RGB"
    exif = image.getexif()
    assert not exif.get_ifd(ExifTags.IFD.GPSInfo) and not dict(exif)
    assert not {"exif", "xmp", "icc_profile"} & set(image.info)
    # Orientation 6 is a quarter turn clockwise: the blue top-left corner ends up top right.
    assert image.size == (20, 40)
    red, green, blue = image.getpixel((15, 4))
    assert blue > 200 and red < 60, (red, green, blue)
    red, green, blue = image.getpixel((4, 35))
    assert red > 200 and blue < 60, (red, green, blue)
    response = client_for(world["placed_attorney"]).get(reverse("mentorship:document_download", args=[version.pk]))
    assert response["Content-Type"] == "image/jpeg" and response.content == content
    assert response["Content-Disposition"] == 'attachment; filename="IMG_0042-v1.jpg"'


def test_a_png_loses_its_text_chunks_and_keeps_its_transparency(world):
    document = _upload(world, _png_with_text(), name="scan.png")
    content = document_version_content(version=document.versions.get())
    assert b"SentinelPngText" not in content
    image = Image.open(io.BytesIO(content))
    assert image.mode == "RGBA" and image.getpixel((0, 0)) == (0, 128, 0, 128)


# ---------------------------------------------------------------------------
# What is accepted


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (HTML, "notice.pdf"),
        (SVG, "photo.png"),
        (SVG, "drawing.svg"),
        (b"MZ\x90\x00" + b"\x00" * 60, "form.pdf"),
        (_docx(), "letter.docx"),  # Word files need CASE_DOCUMENT_ALLOW_OFFICE
        (b"GIF89a" + b"\x00" * 20, "animation.gif"),
    ],
)
def test_files_are_judged_by_their_content_not_their_name(world, private_storage, content, name):
    with pytest.raises(DocumentError, match="This kind of file cannot be uploaded. Accepted: PDF, JPEG, PNG,"):
        _upload(world, content, name=name)
    assert not CaseDocument.objects.exists() and not _stored_files(private_storage)


def test_word_files_are_accepted_when_the_setting_allows_them(world, settings):
    settings.CASE_DOCUMENT_ALLOW_OFFICE = True
    document = _upload(world, _docx(), name="letter.docx")
    version = document.versions.get()
    assert version.content_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    with pytest.raises(DocumentError, match=r"Accepted: PDF, JPEG, PNG, HEIC, Word \(\.docx\)"):
        _upload(world, HTML, name="letter.docx")


def test_a_file_over_the_size_limit_or_empty_is_refused_with_a_clear_message(world, settings, private_storage):
    settings.CASE_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
    with pytest.raises(DocumentError, match="The file is larger than 10 MB"):
        _upload(world, _pdf() + b"%" * (10 * 1024 * 1024))
    with pytest.raises(DocumentError, match="The file is empty"):
        _upload(world, b"")
    assert not CaseDocument.objects.exists() and not _stored_files(private_storage)


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 50, id="jpeg"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, id="png"),
        pytest.param(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 60, id="heic-header-only"),
        pytest.param(_heic_without_picture_data(), id="heic-without-picture-data"),
    ],
)
def test_a_damaged_image_gets_a_clear_message(world, private_storage, content):
    with pytest.raises(DocumentError, match="This image could not be read"):
        _upload(world, content, name="photo.jpg")
    assert not _stored_files(private_storage)


def test_a_heic_photo_over_the_pixel_limit_is_refused_before_it_is_decoded(world, private_storage, monkeypatch):
    def decode(image):
        raise AssertionError("decoded")

    monkeypatch.setattr(document_services, "MAX_IMAGE_PIXELS", 40 * 20 - 1)
    monkeypatch.setattr(HeifImageFile, "load", decode)
    with pytest.raises(DocumentError, match="This image is too large"):
        _upload(world, _heic_with_gps(), name="IMG_0042.HEIC")
    assert not _stored_files(private_storage)


def test_an_upload_through_the_page_is_judged_by_its_bytes_not_the_browser_s_content_type(world, client_for):
    client = client_for(world["placed_attorney"])
    url = reverse("mentorship:document_upload", args=[world["placed_case"].pk])
    form = {"title": "Notice", "kind": "notice", "sensitivity": "court_filing"}
    lying = SimpleUploadedFile("notice.pdf", HTML, content_type="application/pdf")
    response = client.post(url, {**form, "file": lying})
    html = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in html
    assert "This kind of file cannot be uploaded" in html and not CaseDocument.objects.exists()
    # Showing the case again, with why the file was refused, is one audited read.
    assert AuditEvent.objects.filter(action="read", object_type="mentorship.case", detail="documents").count() == 1
    honest = SimpleUploadedFile("notice.pdf", _pdf(), content_type="text/html")
    response = client.post(url, {**form, "file": honest, "shared_with_mentor": "on"})
    assert response.status_code == 302
    document = CaseDocument.objects.get()
    assert document.shared_with_mentor and document.versions.get().content_type == "application/pdf"
    listing = client.get(reverse("mentorship:case_documents", args=[world["placed_case"].pk])).content.decode()
    assert "Notice" in listing and "Download version 1" in listing


def test_the_upload_page_names_heic_among_the_accepted_kinds(world, client_for, settings):
    settings.CASE_DOCUMENT_ALLOW_OFFICE = False
    url = reverse("mentorship:document_upload", args=[world["placed_case"].pk])
    html = client_for(world["placed_attorney"]).get(url).content.decode()
    assert "Accepted: PDF, JPEG, PNG, HEIC, up to" in html and "HEIC photos are kept as JPEG." in html
    assert 'accept=".pdf,.jpg,.jpeg,.png,.heic,.heif"' in html


def test_a_mentor_s_upload_is_shared_with_them_and_offers_no_sharing_choice(world, client_for):
    client = client_for(world["mentor"])
    url = reverse("mentorship:document_upload", args=[world["placed_case"].pk])
    assert "shared_with_mentor" not in client.get(url).content.decode()
    upload = SimpleUploadedFile("outline.pdf", _pdf(), content_type="application/pdf")
    form = {"title": "Outline", "kind": "other", "sensitivity": "other", "file": upload}
    assert client.post(url, form).status_code == 302
    document = CaseDocument.objects.get()
    assert document.shared_with_mentor and document.created_by == world["mentor"]


# ---------------------------------------------------------------------------
# Versions, sharing, downloads


def test_new_versions_are_numbered_and_each_stays_downloadable(world, client_for):
    document = _upload(world, _pdf(b"first"))
    second = document_new_version(document=document, by=world["staff"], file=io.BytesIO(_pdf(b"second")), name="b.pdf")
    assert second.number == 2
    assert [v.number for v in document.versions.order_by("-number")] == [2, 1]
    client = client_for(world["placed_attorney"])
    for version, marker in ((second, b"second"), (document.versions.get(number=1), b"first")):
        response = client.get(reverse("mentorship:document_download", args=[version.pk]))
        assert response.status_code == 200 and marker in response.content


def test_the_mentor_sees_only_what_is_shared_and_what_they_uploaded(world, client_for):
    mentor = world["mentor"]
    hidden = _upload(world, _pdf(), title="Not for the mentor")
    shared = _upload(world, _pdf(), title="For the mentor", shared_with_mentor=True)
    own = _upload(world, _pdf(), title="The mentor's own", by="mentor")
    assert set(documents_visible_to(mentor, world["placed_case"])) == {shared, own}
    assert set(documents_visible_to(world["placed_attorney"], world["placed_case"])) == {hidden, shared, own}
    client = client_for(mentor)
    listing = client.get(reverse("mentorship:case_documents", args=[world["placed_case"].pk])).content.decode()
    assert "For the mentor" in listing and "The mentor&#x27;s own" in listing and "Not for the mentor" not in listing
    hidden_version = hidden.versions.get()
    assert client.get(reverse("mentorship:document_download", args=[hidden_version.pk])).status_code == 404
    # Only the attorney or staff decide: the mentor cannot share it with themselves.
    assert client.post(reverse("mentorship:document_share", args=[hidden.pk])).status_code == 404
    document_share(document=hidden, by=world["placed_attorney"])
    assert client.get(reverse("mentorship:document_download", args=[hidden_version.pk])).status_code == 200
    document_unshare(document=hidden, by=world["staff"])
    assert client.get(reverse("mentorship:document_download", args=[hidden_version.pk])).status_code == 404
    assert AuditEvent.objects.filter(action="denied", object_type="mentorship.documentversion").count() == 2


def test_the_placed_attorney_loses_the_documents_when_the_placement_ends(world, client_for):
    document = _upload(world, _pdf(), shared_with_mentor=True)
    version = document.versions.get()
    placement_close(placement=world["placement"], by=world["staff"], reason="Granted")
    for person in ("placed_attorney", "mentor"):
        client = client_for(world[person])
        assert client.get(reverse("mentorship:case_documents", args=[world["placed_case"].pk])).status_code == 404
        assert client.get(reverse("mentorship:document_download", args=[version.pk])).status_code == 404
    staff = client_for(world["staff"])
    assert staff.get(reverse("mentorship:document_download", args=[version.pk])).status_code == 200


def test_a_download_is_a_sandboxed_attachment_that_is_never_cached(world, client_for):
    document = _upload(world, _pdf(), name='../../etc/"Declaración"\r\n.html')
    version = document.versions.get()
    response = client_for(world["placed_attorney"]).get(reverse("mentorship:document_download", args=[version.pk]))
    assert response.status_code == 200 and response.content == _pdf()
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''Declaraci%C3%B3n-v1.pdf" in disposition
    assert "/" not in disposition.split("=", 1)[1] and "\r" not in disposition and "\n" not in disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert "no-store" in response["Cache-Control"]


def test_bytes_stored_as_anything_else_are_served_as_bytes(world, client_for):
    """A version whose bytes never passed the upload check (put straight into storage) is served
    as application/octet-stream under a .bin name, never as what its row says."""
    document = _upload(world, _pdf())
    version = document.versions.get()
    storages["private"].delete(version.storage_key)
    storages["private"].save(version.storage_key, io.BytesIO(field_cipher().encrypt(HTML)))
    DocumentVersion.objects.filter(pk=version.pk).update(content_type="text/html", original_name="evil.html")
    response = client_for(world["placed_attorney"]).get(reverse("mentorship:document_download", args=[version.pk]))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == 'attachment; filename="evil-v1.bin"'


def test_missing_bytes_answer_404_not_500(world, client_for):
    version = _upload(world, _pdf()).versions.get()
    storages["private"].delete(version.storage_key)
    response = client_for(world["staff"]).get(reverse("mentorship:document_download", args=[version.pk]))
    assert response.status_code == 404


# ---------------------------------------------------------------------------
# Audit, deletion, failures, purge, rotation


def test_upload_download_share_and_delete_each_write_an_audit_row(
    world, client_for, django_capture_on_commit_callbacks
):
    attorney = world["placed_attorney"]
    client = client_for(attorney)
    url = reverse("mentorship:document_upload", args=[world["placed_case"].pk])
    upload = SimpleUploadedFile("notice.pdf", _pdf(), content_type="application/pdf")
    client.post(url, {"title": "Notice", "kind": "notice", "sensitivity": "court_filing", "file": upload})
    document = CaseDocument.objects.get()
    version = document.versions.get()
    client.get(reverse("mentorship:document_download", args=[version.pk]))
    client.post(reverse("mentorship:document_share", args=[document.pk]))
    client.post(reverse("mentorship:document_unshare", args=[document.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("mentorship:document_delete", args=[document.pk]), {"confirm": "1"})
    rows = AuditEvent.objects.filter(
        actor=attorney, object_type__in=["mentorship.casedocument", "mentorship.documentversion"]
    )
    assert list(rows.order_by("pk").values_list("action", "object_type", "object_id", "detail")) == [
        ("create", "mentorship.documentversion", str(version.pk), "upload version=1"),
        ("export", "mentorship.documentversion", str(version.pk), "download"),
        ("change", "mentorship.casedocument", str(document.pk), "share"),
        ("change", "mentorship.casedocument", str(document.pk), "unshare"),
        ("delete", "mentorship.casedocument", str(document.pk), "versions=1"),
    ]
    # Nothing of the document in the trail: ids and actions only.
    assert not AuditEvent.objects.filter(detail__icontains="notice").exists()


def test_deleting_a_document_removes_every_version_and_their_bytes(
    world, client_for, private_storage, django_capture_on_commit_callbacks
):
    document = _upload(world, _pdf())
    document_new_version(document=document, by=world["placed_attorney"], file=io.BytesIO(_pdf(b"v2")), name="b.pdf")
    keys = list(document.versions.values_list("storage_key", flat=True))
    url = reverse("mentorship:document_delete", args=[document.pk])
    client = client_for(world["placed_attorney"])
    assert "all 2 of its versions" in client.get(url).content.decode()
    assert client.post(url).status_code == 302 and CaseDocument.objects.exists()  # not confirmed
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"confirm": "1"}).status_code == 302
    assert not CaseDocument.objects.exists() and not DocumentVersion.objects.exists()
    assert not any(storages["private"].exists(key) for key in keys)
    assert not _stored_files(private_storage)


def test_bytes_are_kept_until_the_deletion_is_committed(world):
    document = _upload(world, _pdf())
    key = document.versions.get().storage_key
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        document_delete(document=document, by=world["placed_attorney"])
        raise RuntimeError("the deletion is rolled back")
    assert CaseDocument.objects.filter(pk=document.pk).exists() and storages["private"].exists(key)


@pytest.mark.parametrize("step", ["upload", "new_version"])
def test_a_failed_database_write_leaves_no_bytes_behind(world, private_storage, monkeypatch, step):
    document = _upload(world, _pdf()) if step == "new_version" else None
    before = _stored_files(private_storage)

    def broken(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(document_services, "audit_record", broken)
    with pytest.raises(RuntimeError):
        if step == "upload":
            _upload(world, _pdf())
        else:
            document_new_version(document=document, by=world["staff"], file=io.BytesIO(_pdf()), name="b.pdf")
    assert _stored_files(private_storage) == before
    assert CaseDocument.objects.count() == (0 if step == "upload" else 1)
    assert DocumentVersion.objects.count() == (0 if step == "upload" else 1)


def test_the_retention_purge_deletes_every_document_and_its_bytes(
    world, private_storage, django_capture_on_commit_callbacks
):
    case = world["placed_case"]
    first = _upload(world, _pdf())
    document_new_version(document=first, by=world["staff"], file=io.BytesIO(_pdf(b"v2")), name="b.pdf")
    _upload(world, _jpeg_with_gps(), name="photo.jpg")
    other = case_document_make(case=world["other_case"], by=world["other_attorney"])
    keys = list(DocumentVersion.objects.filter(document__case=case).values_list("storage_key", flat=True))
    assert len(keys) == 3 and all(storages["private"].exists(key) for key in keys)
    placement_close(placement=world["placement"], by=world["staff"], reason="Granted")
    type(case).objects.filter(pk=case.pk).update(status=CaseStatus.CLOSED)
    with django_capture_on_commit_callbacks(execute=True):
        assert case_purge(case=case, by=world["staff"]) is True
    assert not any(storages["private"].exists(key) for key in keys)
    assert not CaseDocument.objects.filter(case=case).exists()
    assert list(CaseDocument.objects.all()) == [other]
    assert storages["private"].exists(other.versions.get().storage_key)
    row = AuditEvent.objects.get(action="delete", object_type="mentorship.case", object_id=str(case.pk))
    assert row.detail == "purge=staff documents=2"
    # A purged case takes no new documents.
    with pytest.raises(DocumentError, match="purged"):
        _upload(world, _pdf(), by="staff")
    assert len(_stored_files(private_storage)) == 1


def test_key_rotation_re_encrypts_document_bytes(world, settings, django_capture_on_commit_callbacks):
    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    document = _upload(world, _pdf())
    old_storage_key = document.versions.get().storage_key
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    with django_capture_on_commit_callbacks(execute=True):
        call_command("rotate_encryption_keys", stdout=io.StringIO())
    version = DocumentVersion.objects.get()
    assert version.storage_key != old_storage_key and not storages["private"].exists(old_storage_key)
    settings.FIELD_ENCRYPTION_KEYS = [new_key]
    with storages["private"].open(version.storage_key, "rb") as handle:
        assert Fernet(new_key.encode()).decrypt(handle.read()) == _pdf()
    assert document_version_content(version=version) == _pdf()
    # A second run finds nothing left to do.
    out = io.StringIO()
    call_command("rotate_encryption_keys", stdout=out)
    assert "0 files re-encrypted" in out.getvalue()
    assert DocumentVersion.objects.get().storage_key == version.storage_key


def test_documents_are_linked_from_the_attorney_s_mentor_s_and_staff_s_case_pages(world, client_for):
    documents_url = reverse("mentorship:case_documents", args=[world["placed_case"].pk])
    case_url = reverse("mentorship:case_detail", args=[world["placed_case"].pk])
    for person in ("placed_attorney", "mentor"):
        assert documents_url in client_for(world[person]).get(case_url).content.decode()
    checkins = reverse("mentorship:mentorship_checkins", args=[world["mentorship"].pk])
    assert documents_url in client_for(world["mentor"]).get(checkins).content.decode()
    staff_case = reverse("staff:case_detail", args=[world["placed_case"].pk])
    assert documents_url in client_for(world["staff"]).get(staff_case).content.decode()
    # The offered attorney, who may read the case, is not shown a link they could not follow.
    offered = reverse("mentorship:case_detail", args=[world["offered_case"].pk])
    offered_documents = reverse("mentorship:case_documents", args=[world["offered_case"].pk])
    assert offered_documents not in client_for(world["offered_attorney"]).get(offered).content.decode()
