"""Backups (S28): encrypted at rest, and a restore into an empty database gives back the same rows."""

import sqlite3
import stat
import uuid

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from home.backups import BackupError, backup_create, backup_read
from mentorship.models import Case
from tests.factories import CaseFactory, UserFactory

KEY = Fernet.generate_key().decode()


def table_counts(cursor, tables) -> dict[str, int]:
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - names from introspection
        counts[table] = cursor.fetchone()[0]
    return counts


def restored_counts(backup_path, tables, tmp_path) -> tuple[dict[str, int], str]:
    """Restore into an empty database through the command; its row counts and the case's stored notes."""
    if connection.vendor == "sqlite":
        target = tmp_path / "restored.sqlite3"
        call_command("restore_database", str(backup_path), "--sqlite-file", str(target))
        with sqlite3.connect(target) as restored:
            cursor = restored.cursor()
            counts = table_counts(cursor, tables)
            cursor.execute("SELECT confidential_notes FROM mentorship_case")
            notes = cursor.fetchone()[0]
        restored.close()
        return counts, notes
    import psycopg

    config = connection.settings_dict
    name = f"restore_check_{uuid.uuid4().hex[:10]}"
    params = {"host": config["HOST"], "port": config["PORT"] or 5432, "user": config["USER"]}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        call_command("restore_database", str(backup_path), "--postgres-database", name)
        with psycopg.connect(dbname=name, **params) as restored:
            counts = table_counts(restored.cursor(), tables)
            notes = restored.execute("SELECT confidential_notes FROM mentorship_case").fetchone()[0]
        return counts, notes
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.mark.django_db(transaction=True)
def test_backup_is_encrypted_and_restores_into_an_empty_database_with_the_same_rows(settings, tmp_path):
    settings.BACKUP_ENCRYPTION_KEY = KEY
    UserFactory(email="restore-check@example.org")
    case = CaseFactory(confidential_notes="RESTORE-SENTINEL notes")
    backup_path = tmp_path / "backup.pba"
    call_command("backup_database", str(backup_path))

    raw = backup_path.read_bytes()
    assert b"restore-check@example.org" not in raw and case.reference.encode() not in raw
    assert stat.S_IMODE(backup_path.stat().st_mode) == 0o600

    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        live = table_counts(cursor, tables)
        cursor.execute("SELECT confidential_notes FROM mentorship_case WHERE id = %s", [case.pk])
        live_notes = cursor.fetchone()[0]
    counts, notes = restored_counts(backup_path, tables, tmp_path)
    assert counts == live and live["mentorship_case"] == Case.objects.count() == 1
    # The notes come back as the same ciphertext: readable with the field keys, as before.
    assert notes == live_notes and "RESTORE-SENTINEL" not in notes


@pytest.mark.django_db(transaction=True)
def test_a_backup_needs_the_key_and_refuses_a_wrong_or_altered_file(settings, tmp_path):
    settings.BACKUP_ENCRYPTION_KEY = ""
    with pytest.raises(CommandError, match="BACKUP_ENCRYPTION_KEY"):
        call_command("backup_database", str(tmp_path / "none.pba"))
    assert not (tmp_path / "none.pba").exists()

    settings.BACKUP_ENCRYPTION_KEY = KEY
    path = backup_create(tmp_path / "b.pba")
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup_database", str(path.path))
    assert backup_read(path.path)[0] == connection.vendor
    with pytest.raises(BackupError, match="cannot be decrypted"):
        backup_read(path.path, key=Fernet.generate_key().decode())
    altered = tmp_path / "altered.pba"
    data = bytearray(path.path.read_bytes())
    data[-10] ^= 1
    altered.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="cannot be decrypted"):
        call_command("restore_database", str(altered), "--check")
