"""The private store on S3-compatible object storage: certificate PDFs and the images they print.

Its own module, not in `lms.storage_settings`, because it imports boto3 (half a second): only a
process configured with STORAGE_BACKEND=s3 loads it.
"""

from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    """Objects that are never given a URL: the application reads them and sends them through views
    that check who is asking (and record the download).

    A presigned URL would work for whoever holds it until it expires, past every permission check
    and audit record, so none is ever made. The class attributes keep the safe choices even if
    the OPTIONS leave them out.
    """

    default_acl = None
    file_overwrite = False
    querystring_auth = True

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise NotImplementedError(
            "Private files have no URL: send them through a view that checks permission (see certificate_download)."
        )
