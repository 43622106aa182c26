from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    """CLE certificates, their verification and the attorney's transcript (part of courses)."""

    name = "courses.certificates"
    label = "certificates"
    verbose_name = "CLE certificates"
