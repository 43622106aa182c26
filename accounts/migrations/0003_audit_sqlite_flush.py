from django.db import migrations


def forwards(apps, schema_editor):
    # On SQLite, Django's test flush and `flush` command empty tables with DELETE, which
    # a delete trigger would block; deletes stay refused by AuditEvent's queryset and
    # model, and updates by the trigger. PostgreSQL keeps both triggers (TRUNCATE, used
    # by flush, does not fire row triggers).
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS accounts_auditevent_no_delete;")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            """CREATE TRIGGER accounts_auditevent_no_delete BEFORE DELETE ON accounts_auditevent
               BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;"""
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_audit_append_only")]
    operations = [migrations.RunPython(forwards, backwards)]
