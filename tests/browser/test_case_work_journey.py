"""Working a case together in a real browser: the attorney uploads a declaration and shares it
with the mentor, the mentor reads it and answers in the case's conversation, and program staff
end the placement with a structured outcome that then appears in the outcome report."""

import datetime
import re

import pytest
from django.utils import timezone

from mentorship.models import CaseDocument, CaseStatus, Message, PlacementOutcome, ReliefResult
from tests.factories import (
    CaseFactory,
    MentorProfileFactory,
    MentorshipFactory,
    PlacementFactory,
    StaffFactory,
    attorney_with_profile,
    totp_enrol,
)

pytestmark = pytest.mark.django_db(transaction=True)

COURT = "San Antonio Immigration Court"
DECLARATION = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def field(page, label: str):
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}:?\s*$"))


@pytest.fixture(autouse=True)
def _short_timeouts(page):
    page.set_default_timeout(10_000)


def _earlier_asylum_grants(count: int) -> None:
    """Placements of other cases before this court, ended with asylum granted this year."""
    decided = timezone.localdate() - datetime.timedelta(days=3)
    for _ in range(count):
        placement = PlacementFactory(case__court=COURT, case__status=CaseStatus.CLOSED, closed_at=timezone.now())
        PlacementOutcome.objects.create(
            placement=placement, relief_type="asylum", result=ReliefResult.GRANTED, decided_on=decided
        )


def _outcome_row(page) -> list[str]:
    row = page.get_by_role("row").filter(has_text=COURT).filter(has_text="Asylum")
    return [cell.strip() for cell in row.locator("td").all_inner_texts()]


def test_attorney_shares_a_declaration_the_mentor_answers_staff_end_the_placement_with_an_outcome(
    page, sign_in, check_page, private_storage
):
    staff = StaffFactory(full_name="Sam Staff")
    totp_enrol(staff)
    mentor = MentorProfileFactory(user__full_name="Maria Mentor").user
    totp_enrol(mentor)
    attorney = attorney_with_profile(languages=(("spa", 4),), relief=(("asylum", 2),), bar="NY")
    case = CaseFactory(court=COURT, status=CaseStatus.PLACED, relief_types=["asylum"])
    placement = PlacementFactory(case=case, attorney=attorney)
    mentorship = MentorshipFactory(placement=placement, mentor=mentor)
    _earlier_asylum_grants(4)

    # Before: four earlier grants at this court, a group under 5, so staff see only "<5".
    sign_in(staff)
    page.goto("/staff/reports/outcomes/")
    assert _outcome_row(page)[3] == "<5"

    # The attorney uploads the declaration, not shared at first, then shares it with the mentor.
    sign_in(attorney)
    page.goto(f"/mentorship/cases/{case.pk}/")
    page.get_by_role("link", name="Case documents").click()
    page.get_by_role("link", name="Upload a document").click()
    check_page(page, "case-work", "upload")
    field(page, "Title").fill("Declaration, first draft")
    field(page, "Kind of document").select_option(label="Declaration")
    field(page, "Sensitivity").select_option(label="Client statement")
    field(page, "File").set_input_files(
        {"name": "declaration-draft.pdf", "mimeType": "application/pdf", "buffer": DECLARATION}
    )
    page.get_by_role("button", name="Upload").click()
    page.get_by_text("Document uploaded.").wait_for()
    document = CaseDocument.objects.get(case=case)
    assert not document.shared_with_mentor
    page.get_by_role("button", name="Share with the mentor").click()
    page.get_by_text("The mentor can now see this document.").wait_for()
    check_page(page, "case-work", "documents")
    document.refresh_from_db()
    assert document.shared_with_mentor

    # ... and writes to the mentor about it.
    page.goto(f"/mentorship/cases/{case.pk}/")
    page.get_by_role("link", name="Conversation with your mentor and program staff").click()
    page.wait_for_url(f"**/mentorship/placements/{placement.pk}/messages/")
    check_page(page, "case-work", "conversation-empty")
    field(page, "Your message").fill("Here is the draft declaration. Could you read the timeline part?")
    field(page, "Attach a case document").select_option(label="Declaration, first draft")
    page.get_by_role("button", name="Send").click()
    page.get_by_text("Message sent.").wait_for()

    # The mentor sees a new message on the dashboard, opens the attached declaration and answers.
    sign_in(mentor)
    page.goto("/")
    page.get_by_role("link", name="Dashboard").first.click()
    page.get_by_text("1 new message").wait_for()
    check_page(page, "case-work", "mentor-dashboard")
    page.goto(f"/mentorship/mentorships/{mentorship.pk}/")
    page.get_by_role("link", name="Conversation on the case").click()
    page.get_by_text("Could you read the timeline part?").wait_for()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Declaration, first draft").click()
    assert download_info.value.suggested_filename.endswith(".pdf")
    assert open(download_info.value.path(), "rb").read() == DECLARATION
    field(page, "Your message").fill("Read it: put the 2023 incident before the move to the shelter.")
    page.get_by_role("button", name="Send").click()
    page.get_by_text("Message sent.").wait_for()
    check_page(page, "case-work", "conversation")
    assert Message.objects.filter(placement=placement).count() == 2

    # Staff end the placement with the outcome: asylum granted, still represented.
    sign_in(staff)
    page.goto(f"/staff/cases/{case.pk}/")
    page.get_by_role("link", name="End placement").click()
    check_page(page, "case-work", "end-placement")
    field(page, "Reason").fill("Asylum granted at the merits hearing")
    field(page, "Asylum: result").select_option(label="Granted")
    field(page, "Asylum: decision date").fill((timezone.localdate() - datetime.timedelta(days=1)).isoformat())
    page.get_by_label("Yes, still represented").check()
    page.get_by_role("button", name="End placement and record the outcome").click()
    page.get_by_text("Placement ended and its outcome recorded.").wait_for()
    placement.refresh_from_db()
    assert placement.closed_at is not None
    assert placement.outcomes.get().result == ReliefResult.GRANTED

    # The report now counts five grants at this court this year, so the figures show.
    page.goto("/staff/reports/outcomes/")
    check_page(page, "case-work", "outcome-report")
    row = _outcome_row(page)
    assert row[0] == str(timezone.localdate().year)
    assert row[3] == "5", row

    # The conversation is closed to the attorney once the placement has ended.
    sign_in(attorney)
    response = page.goto(f"/mentorship/placements/{placement.pk}/messages/")
    assert response.status == 404
