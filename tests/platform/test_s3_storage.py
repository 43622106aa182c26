"""Media and private files on S3-compatible object storage (STORAGE_BACKEND=s3).

The buckets are moto's S3 server, run in this process on 127.0.0.1; STORAGES is built by
`lms.storage_settings.storages_from_env`, the function settings.py calls, from the same
environment variables production sets.
"""

import io
import logging
import urllib.error
import urllib.request
from pathlib import Path

import boto3
import environ
import pytest
from django.conf import settings as django_settings
from django.core.files.images import ImageFile
from django.core.files.storage import storages
from django.test import override_settings
from django.urls import reverse
from PIL import Image as PILImage
from pypdf import PdfReader, PdfWriter
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

import lms.settings
from courses.certificates.models import Certificate, CertificateSettings
from courses.certificates.services import certificates_issue_for_enrollment
from lms.storage_settings import StorageSettingError, storages_from_env
from tests.conftest import login_client
from tests.factories import (
    UserFactory,
    VolunteerFactory,
    bar_admission_make,
    cle_world_make,
    completed_enrollment_make,
    totp_enrol,
)
from tests.platform.test_documents import pdf_bytes, upload
from tests.platform.test_settings import PRODUCTION_ENV, run_manage

MEDIA_BUCKET = "pba-test-media"
PRIVATE_BUCKET = "pba-test-private"
REGION = "us-east-1"
PUBLIC_GRANTEES = {
    "http://acs.amazonaws.com/groups/global/AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}


@pytest.fixture(scope="module")
def s3_endpoint():
    """moto's S3 server on a free port of 127.0.0.1, for this module's tests; stopped after them."""
    from moto.server import ThreadedMotoServer

    # moto's server logs every request through werkzeug even when not verbose.
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AWS_ACCESS_KEY_ID", "testing")
        patch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        patch.setenv("AWS_DEFAULT_REGION", REGION)
        patch.delenv("AWS_SESSION_TOKEN", raising=False)
        patch.delenv("AWS_PROFILE", raising=False)
        patch.setenv("NO_PROXY", "127.0.0.1,localhost")
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        server.start()
        host, port = server.get_host_and_port()
        try:
            yield f"http://{host}:{port}"
        finally:
            server.stop()


def s3_env(monkeypatch, endpoint: str, **overrides: str) -> None:
    values = {
        "STORAGE_BACKEND": "s3",
        "STORAGE_S3_BUCKET": MEDIA_BUCKET,
        "STORAGE_S3_PRIVATE_BUCKET": PRIVATE_BUCKET,
        "STORAGE_S3_ENDPOINT_URL": endpoint,
        "STORAGE_S3_REGION": REGION,
        "STORAGE_S3_ADDRESSING_STYLE": "path",
        "STORAGE_S3_SSE": "AES256",
        **overrides,
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)


def build(private_root: Path = Path("unused-private-root")) -> dict:
    """STORAGES as settings.py builds it, with settings.py's own `required` helper (DEBUG is off in tests)."""
    return storages_from_env(environ.Env(), required=lms.settings.required, private_root=private_root)


@pytest.fixture
def s3(s3_endpoint, monkeypatch):
    """Two empty buckets and STORAGES pointing at them; yields a boto3 client to look inside."""
    urllib.request.urlopen(urllib.request.Request(f"{s3_endpoint}/moto-api/reset", method="POST"))  # noqa: S310
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name=REGION)
    for bucket in (MEDIA_BUCKET, PRIVATE_BUCKET):
        client.create_bucket(Bucket=bucket)
    s3_env(monkeypatch, s3_endpoint)
    with override_settings(STORAGES={**django_settings.STORAGES, **build()}):
        yield client


def keys(client, bucket: str) -> set[str]:
    return {item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])}


def body(client, bucket: str, key: str) -> bytes:
    return client.get_object(Bucket=bucket, Key=key)["Body"].read()


def anonymous_get(endpoint: str, bucket: str, key: str) -> int:
    try:
        with urllib.request.urlopen(f"{endpoint}/{bucket}/{key}") as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def png_bytes() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (60, 20), (20, 50, 61)).save(out, format="PNG")
    return out.getvalue()


def pdf_of_width(width: int) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=width, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_xobjects(pdf: bytes) -> list:
    resources = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]
    xobjects = resources.get("/XObject", {})
    return [name for name, ref in xobjects.items() if ref.get_object().get("/Subtype") == "/Image"]


# Certificates: the private bucket


def certificate_issue_signed() -> Certificate:
    """A certificate issued by the service, signed with a signature image uploaded to media."""
    signature = get_image_model()(title="Signature")
    signature.file = ImageFile(io.BytesIO(png_bytes()), name="signature.png")
    signature.save()
    config = CertificateSettings.load()
    config.administrator_name = "Renata Okafor"
    config.signature_image = signature
    config.save()
    world = cle_world_make()
    attorney = VolunteerFactory(full_name="Lucía García")
    bar_admission_make(user=attorney, jurisdiction=world.ny, bar_number="5512345")
    enrollment = completed_enrollment_make(user=attorney, course=world.course)
    [certificate] = certificates_issue_for_enrollment(enrollment_id=enrollment.pk)
    return certificate


@pytest.fixture
def issued(s3, db):
    return certificate_issue_signed()


def test_an_issued_certificate_and_its_signature_are_kept_in_the_private_bucket_encrypted(s3, issued):
    private = keys(s3, PRIVATE_BUCKET)
    assert issued.file_key in private
    [signature_key] = private - {issued.file_key}
    assert signature_key.startswith("certificates/assets/signature-")
    assert not any(key.startswith("certificates/") for key in keys(s3, MEDIA_BUCKET))
    for key in private:
        assert s3.head_object(Bucket=PRIVATE_BUCKET, Key=key)["ServerSideEncryption"] == "AES256"
    pdf = body(s3, PRIVATE_BUCKET, issued.file_key)
    assert pdf.startswith(b"%PDF")
    # The signature was read back from the bucket while rendering, not from a file path.
    assert image_xobjects(pdf), "the signature image is missing from the certificate"


def test_on_the_file_system_the_signature_is_printed_from_private_storage_too(db, monkeypatch, tmp_path):
    monkeypatch.delenv("STORAGE_BACKEND", raising=False)
    with override_settings(MEDIA_ROOT=tmp_path / "media", STORAGES={**django_settings.STORAGES, **build(tmp_path)}):
        certificate = certificate_issue_signed()
        with storages["private"].open(certificate.file_key, "rb") as handle:
            assert image_xobjects(handle.read())
    assert len(list(tmp_path.glob("certificates/assets/signature-*.png"))) == 1


def test_the_owner_downloads_the_certificate_from_the_bucket_and_a_stranger_gets_404(s3, issued):
    url = reverse("certificates:download", args=[issued.pk])
    response = login_client(issued.user).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content == body(s3, PRIVATE_BUCKET, issued.file_key)
    assert login_client(VolunteerFactory()).get(url).status_code == 404


def test_a_certificate_whose_file_is_gone_from_the_bucket_is_rendered_again_on_download(s3, issued):
    s3.delete_object(Bucket=PRIVATE_BUCKET, Key=issued.file_key)
    response = login_client(issued.user).get(reverse("certificates:download", args=[issued.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert issued.file_key in keys(s3, PRIVATE_BUCKET)


def test_private_files_have_no_url_and_no_public_access(s3, s3_endpoint, issued):
    with pytest.raises(NotImplementedError):
        storages["private"].url(issued.file_key)
    for key in keys(s3, PRIVATE_BUCKET):
        grants = s3.get_object_acl(Bucket=PRIVATE_BUCKET, Key=key)["Grants"]
        assert not {grant["Grantee"].get("URI") for grant in grants} & PUBLIC_GRANTEES, grants
        assert anonymous_get(s3_endpoint, PRIVATE_BUCKET, key) == 403


# Course documents: the media bucket


@pytest.fixture
def editor_client(s3, db):
    user = UserFactory(is_superuser=True, is_staff=True)
    totp_enrol(user)
    return login_client(user)


def test_an_uploaded_document_lands_in_the_media_bucket_and_is_served_as_a_sandboxed_download(
    s3, editor_client, client
):
    content = pdf_bytes()
    assert upload(editor_client, "syllabus.pdf", content).status_code == 302
    document = get_document_model().objects.get()
    assert keys(s3, MEDIA_BUCKET) == {document.file.name}
    assert keys(s3, PRIVATE_BUCKET) == set()
    assert body(s3, MEDIA_BUCKET, document.file.name) == content
    assert s3.head_object(Bucket=MEDIA_BUCKET, Key=document.file.name)["ServerSideEncryption"] == "AES256"
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert b"".join(response.streaming_content) == content


def test_a_second_upload_with_the_same_name_keeps_the_first_file(s3, editor_client):
    first, second = pdf_of_width(200), pdf_of_width(300)
    assert upload(editor_client, "syllabus.pdf", first).status_code == 302
    assert upload(editor_client, "syllabus.pdf", second).status_code == 302
    older, newer = get_document_model().objects.order_by("pk")
    assert older.file.name != newer.file.name
    assert body(s3, MEDIA_BUCKET, older.file.name) == first
    assert body(s3, MEDIA_BUCKET, newer.file.name) == second


def test_a_document_in_a_private_collection_is_not_public_in_the_bucket_either(s3, s3_endpoint, editor_client, client):
    private = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    assert upload(editor_client, "syllabus.pdf", pdf_bytes()).status_code == 302
    document = get_document_model().objects.get()
    document.collection = private
    document.save()
    refused = client.get(document.url)
    assert refused.status_code == 302 and refused["Location"].startswith(reverse("account_login"))
    assert anonymous_get(s3_endpoint, MEDIA_BUCKET, document.file.name) == 403
    # Media URLs are signed and expire: the bucket needs no public read.
    assert "Signature=" in storages["default"].url(document.file.name)


# The settings builder


def test_the_file_system_is_the_default(monkeypatch, tmp_path):
    monkeypatch.delenv("STORAGE_BACKEND", raising=False)
    built = build(tmp_path)  # the directory settings.py passes is PRIVATE_STORAGE_ROOT
    assert built == {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path, "base_url": None},
        },
    }


def test_s3_options_come_from_the_environment(monkeypatch):
    s3_env(monkeypatch, "https://minio.internal:9000", STORAGE_S3_REGION="eu-central-1")
    built = build()
    assert built["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert built["private"]["BACKEND"] == "lms.private_storage.PrivateS3Storage"
    common = {
        "endpoint_url": "https://minio.internal:9000",
        "region_name": "eu-central-1",
        "addressing_style": "path",
        "default_acl": None,
        "querystring_auth": True,
        "file_overwrite": False,
        "object_parameters": {"ServerSideEncryption": "AES256"},
    }
    assert built["default"]["OPTIONS"] == {**common, "bucket_name": MEDIA_BUCKET}
    assert built["private"]["OPTIONS"] == {**common, "bucket_name": PRIVATE_BUCKET}
    for options in (built["default"]["OPTIONS"], built["private"]["OPTIONS"]):
        assert not {"access_key", "secret_key", "security_token"} & set(options), "credentials come from AWS_*"


def test_without_sse_no_encryption_header_is_sent_and_empty_values_mean_boto3s_defaults(monkeypatch):
    s3_env(monkeypatch, "", STORAGE_S3_SSE="", STORAGE_S3_REGION="", STORAGE_S3_ADDRESSING_STYLE="")
    options = build()["private"]["OPTIONS"]
    assert options["object_parameters"] == {}
    assert options["endpoint_url"] is options["region_name"] is options["addressing_style"] is None


@pytest.mark.parametrize("variable", ["STORAGE_S3_BUCKET", "STORAGE_S3_PRIVATE_BUCKET"])
def test_a_missing_bucket_with_debug_off_stops_with_a_sentence_naming_it(monkeypatch, capsys, variable):
    monkeypatch.setattr(lms.settings, "DEBUG", False)
    s3_env(monkeypatch, "")
    monkeypatch.delenv(variable)
    with pytest.raises(SystemExit) as stopped:
        build()
    assert stopped.value.code == 78
    assert f"the environment variable {variable} is not set" in capsys.readouterr().err


def test_with_debug_on_a_missing_bucket_names_a_development_bucket(monkeypatch):
    monkeypatch.setattr(lms.settings, "DEBUG", True)
    s3_env(monkeypatch, "http://127.0.0.1:9000")
    monkeypatch.delenv("STORAGE_S3_BUCKET")
    monkeypatch.delenv("STORAGE_S3_PRIVATE_BUCKET")
    built = build()
    assert (built["default"]["OPTIONS"]["bucket_name"], built["private"]["OPTIONS"]["bucket_name"]) == (
        "pba-media",
        "pba-private",
    )


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"STORAGE_S3_PRIVATE_BUCKET": MEDIA_BUCKET}, "name the same bucket"),
        ({"STORAGE_S3_SSE": "AES-256"}, "STORAGE_S3_SSE is 'AES-256'"),
        ({"STORAGE_BACKEND": "ftp"}, "STORAGE_BACKEND is 'ftp'"),
    ],
    ids=["one-bucket", "unknown-sse", "unknown-backend"],
)
def test_a_storage_setting_that_cannot_work_is_refused(monkeypatch, overrides, words):
    s3_env(monkeypatch, "", **overrides)
    with pytest.raises(StorageSettingError, match=words):
        build()


def test_production_start_up_without_the_bucket_names_the_variable_without_a_traceback():
    """settings.py itself: STORAGE_BACKEND=s3 and no bucket stops `manage.py check`."""
    result = run_manage("check", env={**PRODUCTION_ENV, "STORAGE_BACKEND": "s3"})
    assert result.returncode == 78
    assert "environment variable STORAGE_S3_BUCKET is not set" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
