"""Where uploaded and generated files are kept: the "default" and "private" STORAGES, from the environment.

"default" holds media (Wagtail images and course documents); "private" holds certificate PDFs
and the signature and logo images they print, read only by views that check who is asking.
Both are the local file system unless STORAGE_BACKEND=s3, which puts them in S3-compatible
object storage (AWS S3, MinIO, Ceph) so that no web or worker process keeps a file of its own.

Kept apart from settings.py so that tests build STORAGES with the code production runs. Light
on purpose: settings.py imports it on every start, so it imports nothing from boto3.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import environ

FILESYSTEM = "filesystem"
S3 = "s3"
S3_BACKEND = "storages.backends.s3.S3Storage"
PRIVATE_S3_BACKEND = "lms.private_storage.PrivateS3Storage"
# The values S3's ServerSideEncryption header accepts (SSE-S3, SSE-KMS); a typo stops start-up
# rather than the first upload.
SSE_ALGORITHMS = ("AES256", "aws:kms")


class StorageSettingError(ValueError):
    """A storage variable set to a value that cannot work, in a sentence for the operator."""


def storages_from_env(
    env: environ.Env, *, required: Callable[..., str], private_root: Path
) -> dict[str, dict[str, Any]]:
    """The "default" and "private" entries of STORAGES.

    `required` is settings.py's helper: with DEBUG off a missing bucket stops the process with
    a sentence naming the variable; with DEBUG on it falls back to a development bucket name.
    """
    backend = env.str("STORAGE_BACKEND", default=FILESYSTEM).strip().lower()
    if backend == FILESYSTEM:
        return {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "private": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": private_root, "base_url": None},
            },
        }
    if backend != S3:
        raise StorageSettingError(
            f"the environment variable STORAGE_BACKEND is {backend!r}; it must be {FILESYSTEM!r} or {S3!r}."
        )
    media_bucket = required(
        "STORAGE_S3_BUCKET",
        dev_default="pba-media",
        purpose="the bucket for media, Wagtail images and course documents, when STORAGE_BACKEND=s3",
    )
    private_bucket = required(
        "STORAGE_S3_PRIVATE_BUCKET",
        dev_default="pba-private",
        purpose="the bucket, with all public access blocked, for certificates when STORAGE_BACKEND=s3",
    )
    if private_bucket == media_bucket:
        # One bucket would put certificates under the same bucket policy, IAM grants and
        # lifecycle rules as media: a change meant for media would reach them too.
        raise StorageSettingError(
            "the environment variables STORAGE_S3_BUCKET and STORAGE_S3_PRIVATE_BUCKET name the same bucket "
            f"({media_bucket!r}); certificates need a bucket of their own, with all public access blocked."
        )
    sse = env.str("STORAGE_S3_SSE", default="").strip()
    if sse and sse not in SSE_ALGORITHMS:
        raise StorageSettingError(
            f"the environment variable STORAGE_S3_SSE is {sse!r}; it must be empty or one of {', '.join(SSE_ALGORITHMS)}."
        )

    def options(bucket: str) -> dict[str, Any]:
        return {
            "bucket_name": bucket,
            # Empty means boto3's own default (AWS's endpoint for the region, AWS_DEFAULT_REGION).
            "endpoint_url": env.str("STORAGE_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("STORAGE_S3_REGION", default="") or None,
            # "path" for services that have no per-bucket host names (most MinIO set-ups).
            "addressing_style": env.str("STORAGE_S3_ADDRESSING_STYLE", default="") or None,
            # Credentials are never options: boto3 reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY
            # (or an instance role) itself. No ACL is sent: objects get the bucket's, which is private.
            "default_acl": None,
            # Media URLs are signed and expire; the bucket need not be readable by anyone.
            "querystring_auth": True,
            # Two uploads with the same name keep two files, as on the file system.
            "file_overwrite": False,
            "object_parameters": {"ServerSideEncryption": sse} if sse else {},
        }

    return {
        "default": {"BACKEND": S3_BACKEND, "OPTIONS": options(media_bucket)},
        "private": {"BACKEND": PRIVATE_S3_BACKEND, "OPTIONS": options(private_bucket)},
    }
