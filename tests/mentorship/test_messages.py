"""A placement's conversation: who may read and write it, encryption at rest, unread counts,
and notifications that never quote a message."""

import pytest
from django.db import connection
from django.urls import reverse

from accounts.models import AuditEvent
from mentorship.models import Message
from mentorship.selectors.messages import unread_conversations_for
from mentorship.services.documents import document_delete
from mentorship.services.messages import MessageError, message_send
from mentorship.services.offers import placement_close
from tests.factories import StaffFactory, case_document_make, totp_enrol
from tests.mentorship.test_authorization import expect

pytestmark = pytest.mark.django_db

SENTINEL = "Her new address is 12 Sentinel Lane"


def _placement(key):
    return lambda w: {"pk": w[key].pk}


AUTHZ_MATRIX = {
    "mentorship:conversation": [
        ("get", _placement("placement"), expect(("placed_attorney", "mentor", "staff"), 200)),
        ("post", _placement("placement"), expect(("placed_attorney", "mentor", "staff"), 200)),  # empty: errors
        ("get", _placement("other_placement"), expect(("other_attorney", "other_mentor", "staff"), 200)),
    ],
}


def test_participants_write_and_read_and_the_text_is_ciphertext_at_rest(
    world, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    attorney, mentor, staff = world["placed_attorney"], world["mentor"], world["staff"]
    url = reverse("mentorship:conversation", args=[world["placement"].pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(attorney).post(url, {"body": SENTINEL})
    assert response.status_code == 302
    for person in (mentor, staff):
        assert SENTINEL in client_for(person).get(url).content.decode()
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM mentorship_message")
        (stored,) = cursor.fetchone()
    assert "Sentinel" not in stored and Message.objects.get().body == SENTINEL
    # The mentor is told there is a message, and nothing of it; no one is told of their own.
    assert [m.to for m in mailoutbox] == [[mentor.email]]
    assert "Sentinel" not in mailoutbox[0].subject + mailoutbox[0].body
    assert mailoutbox[0].subject == "You have a new message"
    reads = AuditEvent.objects.filter(object_type="mentorship.placement", detail="conversation")
    assert set(reads.values_list("actor_id", flat=True)) == {attorney.pk, mentor.pk, staff.pk}
    assert AuditEvent.objects.filter(object_type="mentorship.message", actor=attorney).count() == 1


def test_unread_counts_reach_the_dashboard_and_clear_on_reading(world, client_for):
    attorney, mentor = world["placed_attorney"], world["mentor"]
    placement = world["placement"]
    message_send(placement=placement, author=mentor, body="Can we talk about the declaration?")
    message_send(placement=placement, author=mentor, body="Tomorrow works.")
    (unread,) = unread_conversations_for(user=attorney)
    assert (unread.pk, unread.unread) == (placement.pk, 2)
    assert unread_conversations_for(user=mentor) == []  # their own messages are not news to them
    client = client_for(attorney)
    assert "2 new messages" in client.get(reverse("dashboard")).content.decode()
    client.get(reverse("mentorship:conversation", args=[placement.pk]))
    assert unread_conversations_for(user=attorney) == []
    assert "new message" not in client.get(reverse("dashboard")).content.decode()
    message_send(placement=placement, author=mentor, body="One more thing.")
    assert [p.unread for p in unread_conversations_for(user=attorney)] == [1]


def test_program_staff_share_one_inbox_a_question_no_staff_member_has_read_shows_for_each(world, client_for):
    """Staff are not emailed for each message; a question to staff on a conversation no staff
    member has written in must still reach them, and one staff member reading it answers for all."""
    placement, attorney, mentor = world["placement"], world["placed_attorney"], world["mentor"]
    other_staff = StaffFactory()
    totp_enrol(other_staff)
    message_send(placement=placement, author=attorney, body="Who files the change of address?")
    for person in (world["staff"], other_staff):
        assert [(p.pk, p.unread) for p in unread_conversations_for(user=person)] == [(placement.pk, 1)]
    for page in ("dashboard", "staff:home"):
        assert "1 new message" in client_for(other_staff).get(reverse(page)).content.decode()

    client_for(world["staff"]).get(reverse("mentorship:conversation", args=[placement.pk]))
    assert unread_conversations_for(user=other_staff) == []
    message_send(placement=placement, author=other_staff, body="Program staff will.")
    assert unread_conversations_for(user=world["staff"]) == []  # staff's own messages are not news to staff
    message_send(placement=placement, author=mentor, body="Thanks.")
    assert [p.unread for p in unread_conversations_for(user=world["staff"])] == [1]


def test_an_ended_placement_closes_the_conversation_to_its_attorney_and_mentor(world, client_for):
    placement = world["placement"]
    message_send(placement=placement, author=world["placed_attorney"], body="Filed today.")
    placement_close(placement=placement, by=world["staff"], reason="Granted")
    url = reverse("mentorship:conversation", args=[placement.pk])
    assert client_for(world["placed_attorney"]).get(url).status_code == 404
    assert client_for(world["mentor"]).get(url).status_code == 404
    staff = client_for(world["staff"])
    assert "Filed today." in staff.get(url).content.decode()
    response = staff.post(url, {"body": "Anything else?"})
    assert "This placement has ended" in response.content.decode()
    assert Message.objects.count() == 1


@pytest.mark.parametrize(("body", "error"), [("   ", "This field is required"), ("x" * 5001, "at most 5000")])
def test_an_empty_or_overlong_message_is_refused_and_nothing_is_written(world, client_for, body, error):
    url = reverse("mentorship:conversation", args=[world["placement"].pk])
    response = client_for(world["placed_attorney"]).post(url, {"body": body})
    assert response.status_code == 200 and error in response.content.decode()
    assert not Message.objects.exists()
    with pytest.raises(MessageError):
        message_send(placement=world["placement"], author=world["placed_attorney"], body=" ")


# ---------------------------------------------------------------------------
# Attachments: a message points to one of the case's documents, never a copy of it


def test_a_message_points_to_a_shared_case_document_that_every_participant_opens(world, client_for, private_storage):
    attorney, mentor = world["placed_attorney"], world["mentor"]
    document = case_document_make(
        case=world["placement"].case, by=attorney, title="Declaration draft", shared_with_mentor=True
    )
    url = reverse("mentorship:conversation", args=[world["placement"].pk])
    assert "Declaration draft" in client_for(attorney).get(url).content.decode()  # offered to attach
    response = client_for(attorney).post(url, {"body": "The draft is attached.", "document": document.pk})
    assert response.status_code == 302
    message = Message.objects.get()
    assert message.document == document
    assert AuditEvent.objects.get(object_type="mentorship.message").detail == f"document={document.pk}"

    download = reverse("mentorship:document_download", args=[document.versions.get().pk])
    page = client_for(mentor).get(url).content.decode()
    assert download in page and "Declaration draft" in page
    assert client_for(mentor).get(download).status_code == 200

    # Unshared later: the mentor is told a document is there, and neither its title nor its link.
    document.shared_with_mentor = False
    document.save()
    page = client_for(mentor).get(url).content.decode()
    assert download not in page and "Declaration draft" not in page
    assert "A case document is attached that you cannot open" in page


def test_only_a_shared_document_of_the_same_case_can_be_attached(world, client_for, private_storage):
    attorney = world["placed_attorney"]
    placement = world["placement"]
    unshared = case_document_make(case=placement.case, by=attorney, shared_with_mentor=False)
    other_case = case_document_make(
        case=world["other_placement"].case, by=world["other_attorney"], shared_with_mentor=True
    )
    for document in (unshared, other_case):
        with pytest.raises(MessageError):
            message_send(placement=placement, author=attorney, body="See this", document=document)
    # Through the page, neither is offered, and posting its id is refused with the text kept.
    url = reverse("mentorship:conversation", args=[placement.pk])
    case_document_make(case=placement.case, by=attorney, title="Shared one", shared_with_mentor=True)
    for document in (unshared, other_case):
        response = client_for(attorney).post(url, {"body": "See this", "document": document.pk})
        assert response.status_code == 200
        assert "See this" in response.content.decode()
    assert not Message.objects.exists()


def test_deleting_a_document_leaves_its_messages_without_the_link(world, private_storage):
    attorney, placement = world["placed_attorney"], world["placement"]
    document = case_document_make(case=placement.case, by=attorney, shared_with_mentor=True)
    message = message_send(placement=placement, author=attorney, body="Attached", document=document)
    document_delete(document=document, by=attorney)
    message.refresh_from_db()
    assert message.document is None and message.body == "Attached"
