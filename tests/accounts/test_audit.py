import pytest
from django.db import DatabaseError, connection, transaction

from accounts.audit import audit_record
from accounts.models import AuditEvent
from tests.factories import StaffFactory

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
