import pytest
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse
from django.urls import reverse

from accounts.audit import audit_record
from accounts.middleware import AuditRequestMiddleware
from accounts.models import AuditEvent
from tests.factories import CaseFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_audit_rows_cannot_be_changed_or_deleted_through_the_orm():
    event = audit_record(actor=StaffFactory(), action=AuditEvent.Action.READ, object_type="x", object_id=1)
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(detail="changed")
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).delete()


def test_the_database_refuses_an_update_of_an_audit_row():
    event = audit_record(actor=None, action=AuditEvent.Action.DENIED, object_type="x", object_id=1)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_auditevent SET detail = 'forged' WHERE id = %s", [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).detail == ""


@pytest.mark.postgres
def test_postgres_refuses_a_delete_of_an_audit_row():
    event = audit_record(actor=None, action=AuditEvent.Action.DENIED, object_type="x", object_id=1)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM accounts_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_line_breaks_cannot_forge_audit_lines():
    event = audit_record(actor=None, action=AuditEvent.Action.READ, object_type="case\nforged", detail="a\r\nb")
    assert "\n" not in event.object_type and "\n" not in event.detail and "\r" not in event.detail


def test_a_change_written_by_a_service_records_the_clients_address_and_view(staff, client_for):
    case = CaseFactory(status="seeking", created_by=staff)
    response = client_for(staff).post(
        reverse("staff:case_status", args=[case.pk]),
        {"to_status": "closed", "reason": "Client moved away"},
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get(action=AuditEvent.Action.CHANGE, detail="status=closed")
    assert (event.actor, event.ip_address, event.view_name) == (staff, "203.0.113.7", "staff:case_status")

    after = audit_record(actor=None, action=AuditEvent.Action.READ, object_type="x", object_id=1)
    assert (after.ip_address, after.view_name) == (None, "")


def test_the_request_is_forgotten_even_when_the_view_raises(rf):
    def failing_view(request):
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        AuditRequestMiddleware(failing_view)(rf.get("/", REMOTE_ADDR="203.0.113.7"))
    event = audit_record(actor=None, action=AuditEvent.Action.READ, object_type="x", object_id=1)
    assert event.ip_address is None


def test_an_explicit_request_wins_over_the_request_being_served(rf):
    explicit = rf.get("/", REMOTE_ADDR="192.0.2.9")

    def view(request):
        audit_record(actor=None, action=AuditEvent.Action.READ, object_type="x", object_id=1, request=explicit)
        return HttpResponse()

    AuditRequestMiddleware(view)(rf.get("/", REMOTE_ADDR="203.0.113.7"))
    assert AuditEvent.objects.get(object_type="x").ip_address == "192.0.2.9"
