"""Hand-made certificate inputs for tests that need no database."""

from datetime import UTC, date, datetime
from decimal import Decimal

from courses.certificates.snapshot import (
    AccreditationFacts,
    AdmissionFacts,
    CodeEntry,
    CreditLine,
    EnrollmentFacts,
    SignatureFacts,
    snapshot_build,
)

__all__ = ["sample_snapshot_inputs", "snapshot_build", "REQUIRED_TEXT"]

# Every field a New York certificate of attendance must show, as it must appear in the PDF.
REQUIRED_TEXT = [
    "Lucía García",  # attorney name
    "5512345",  # bar number
    "New York",  # jurisdiction
    "Pro Bono Academy",  # provider name
    "NY-PB-0421",  # provider number
    "cle@probono.example",  # provider contact
    "U Visas for Survivors",  # course title
    "PBA-2026-U01",  # course number
    "2026-11-20",  # completion date
    "2026-11-23",  # issue date
    "On-demand video",  # format
    "Online, on demand",  # location
    "Skills",
    "2.0",
    "Ethics and Professionalism",
    "1.0",
    "3.0",  # total
    "4 of 4 attendance codes entered",  # verification method
    "Renata Okafor",  # CLE administrator
    "CLE Administrator",
    "Transitional credit",
    "2026.1",  # template version
]


def sample_snapshot_inputs(*, newly_admitted: bool = True, code: str = "K7PXM3QD9RTA") -> dict:
    facts = EnrollmentFacts(
        enrollment_id=1,
        user_id=1,
        course_id=1,
        attorney_name="Lucía García",
        course_title="U Visas for Survivors: Certification, Waivers and Filing",
        started_on=date(2026, 11, 2),
        completed_at=datetime(2026, 11, 20, 19, 12, tzinfo=UTC),
        engaged_minutes=160,
        affirmation_signed_at=datetime(2026, 11, 20, 19, 12, tzinfo=UTC),
        affirmation_text="I affirm that I personally attended the entire program.",
        codes_required=4,
        codes_entered=tuple(
            CodeEntry(label=f"Code {n}", entered_at=datetime(2026, 11, 20, 18, n * 10, tzinfo=UTC)) for n in range(1, 5)
        ),
    )
    accreditation = AccreditationFacts(
        jurisdiction_id=1,
        jurisdiction_code="NY",
        jurisdiction_name="New York",
        credit_hour_minutes=50,
        credit_increment=Decimal("0.5"),
        provider_name="Pro Bono Academy",
        provider_number="NY-PB-0421",
        provider_contact="cle@probono.example, (212) 555-0142",
        course_number="PBA-2026-U01",
        format="on_demand",
        format_label="On-demand video (self-study)",
        location="Online, on demand",
        counts_for_newly_admitted=True,
        verification_method="",
        lines=(CreditLine("Skills", Decimal("2.0")), CreditLine("Ethics and Professionalism", Decimal("1.0"))),
    )
    return {
        "facts": facts,
        "accreditation": accreditation,
        "admission": AdmissionFacts(bar_number="5512345", is_newly_admitted=newly_admitted),
        "signature": SignatureFacts(administrator_name="Renata Okafor", administrator_title="CLE Administrator"),
        "code": code,
        "version": 1,
        "issued_on": date(2026, 11, 23),
        "verify_url": f"https://academy.example/certificates/verify/{code}/",
        "template_version": "2026.1",
    }
