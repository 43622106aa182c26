import io

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from mentorship.fields import keyed_hash
from mentorship.models import Case, CheckIn, Conflict
from mentorship.services.conflicts import conflict_record
from tests.factories import CaseFactory, CheckInFactory

from .conftest import NOTES_SENTINEL, PARTY_SENTINEL

pytestmark = pytest.mark.django_db


def _raw(table, column, pk):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def _dump_all_text() -> str:
    """Every text value in every mentorship table, as the database holds it."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if not table.startswith("mentorship_"):
                continue
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608
            chunks.extend(str(value) for row in cursor.fetchall() for value in row)
    return "\n".join(chunks)


def test_notes_and_adverse_parties_are_not_stored_in_plaintext(staff_user):
    case = CaseFactory(confidential_notes=f"Notes {NOTES_SENTINEL}", adverse_parties=PARTY_SENTINEL)
    checkin = CheckInFactory(notes=f"Check-in {NOTES_SENTINEL}")
    conflict_record(by=staff_user, firm_name="Example LLP", adverse_party=PARTY_SENTINEL, reason=NOTES_SENTINEL)
    assert NOTES_SENTINEL not in _raw("mentorship_case", "confidential_notes", case.pk)
    assert PARTY_SENTINEL not in _raw("mentorship_case", "adverse_parties", case.pk)
    assert NOTES_SENTINEL not in _raw("mentorship_checkin", "notes", checkin.pk)
    dump = _dump_all_text()
    assert NOTES_SENTINEL not in dump
    assert PARTY_SENTINEL not in dump
    # The application still reads them back.
    assert Case.objects.get(pk=case.pk).confidential_notes == f"Notes {NOTES_SENTINEL}"
    assert CheckIn.objects.get(pk=checkin.pk).notes.endswith(NOTES_SENTINEL)


def test_adverse_party_lookup_uses_a_keyed_hash(staff_user, settings):
    conflict = conflict_record(by=staff_user, firm_name="Example LLP", adverse_party="  Juan   PÉREZ ")
    assert Conflict.objects.filter(adverse_party_hash=keyed_hash("juan pérez")).get() == conflict
    settings.FIELD_HASH_KEY = "another-key"
    assert keyed_hash("juan pérez") != conflict.adverse_party_hash


def test_key_rotation_reencrypts_with_the_new_key(settings):
    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    case = CaseFactory(confidential_notes=NOTES_SENTINEL)
    checkin = CheckInFactory(notes="pairing going well")
    before = _raw("mentorship_case", "confidential_notes", case.pk)

    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    # Old rows still decrypt while both keys are configured.
    assert Case.objects.get(pk=case.pk).confidential_notes == NOTES_SENTINEL
    call_command("rotate_encryption_keys", stdout=io.StringIO())
    after = _raw("mentorship_case", "confidential_notes", case.pk)
    assert after != before

    # With only the new key, everything still reads: nothing depends on the old key any more.
    settings.FIELD_ENCRYPTION_KEYS = [new_key]
    assert Case.objects.get(pk=case.pk).confidential_notes == NOTES_SENTINEL
    assert CheckIn.objects.get(pk=checkin.pk).notes == "pairing going well"
    assert Fernet(new_key.encode()).decrypt(after.encode()).decode() == NOTES_SENTINEL


def test_removing_a_key_before_rotation_fails_loudly(settings):
    case = CaseFactory(confidential_notes=NOTES_SENTINEL)
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        Case.objects.get(pk=case.pk)
