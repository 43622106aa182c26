import io
import runpy

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

import lms.settings
from mentorship.fields import keyed_hash
from mentorship.models import Case, CaseStatus, CheckIn, Conflict
from mentorship.services.conflicts import conflict_record
from mentorship.services.offers import OfferError, offer_send
from tests.factories import CaseFactory, CheckInFactory, attorney_with_profile

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


def _deploy(monkeypatch, settings, *, field_encryption_keys: str) -> None:
    """What an operator's deploy does: change the environment and start a new process.

    The settings module is read afresh from the new environment, as a restarted worker
    reads it, and the secrets it derives are applied to this process.
    """
    monkeypatch.setenv("FIELD_ENCRYPTION_KEYS", field_encryption_keys)
    fresh = runpy.run_path(lms.settings.__file__)
    settings.FIELD_ENCRYPTION_KEYS = fresh["FIELD_ENCRYPTION_KEYS"]
    settings.FIELD_HASH_KEY = fresh["FIELD_HASH_KEY"]


def _conflicts_of_every_kind(*, staff, label: str) -> tuple[list[tuple], dict[str, str]]:
    """Conflicts by attorney and case, by firm and adverse party, by attorney and adverse party.

    Returns the (attorney, case) pairs they forbid among the cases that exist now, and the
    conflicted attorneys and parties so that later intakes can be checked against them.
    """
    direct = attorney_with_profile()
    direct_case = CaseFactory(status=CaseStatus.SEEKING, created_by=staff)
    conflict_record(by=staff, attorney=direct, case=direct_case, reason=f"former counsel ({label})")
    firm_member = attorney_with_profile(firm_name=f"Smith & Jones LLP {label}")
    conflict_record(by=staff, firm_name=f"smith &  jones llp {label}", adverse_party=f"John Roe {label}")
    party_attorney = attorney_with_profile()
    conflict_record(by=staff, attorney=party_attorney, adverse_party=f"Maria Doe {label}")
    parties = {"firm": f"JOHN ROE {label}", "attorney": f"maria  doe {label}"}
    return [(direct, direct_case)], {"firm_member": firm_member, "party_attorney": party_attorney, **parties}


def _cases_against(*, staff, conflicted: dict) -> list[tuple]:
    """New intakes naming the conflicted parties, paired with the attorneys conflicted out of them."""
    firm_case = CaseFactory(status=CaseStatus.SEEKING, created_by=staff, adverse_parties=f"Other\n{conflicted['firm']}")
    party_case = CaseFactory(status=CaseStatus.SEEKING, created_by=staff, adverse_parties=conflicted["attorney"])
    return [(conflicted["firm_member"], firm_case), (conflicted["party_attorney"], party_case)]


def test_readme_key_rotation_keeps_every_conflict_blocking_offers_and_the_file(
    staff_user, settings, monkeypatch, client_for
):
    old_key = Fernet.generate_key().decode()
    _deploy(monkeypatch, settings, field_encryption_keys=old_key)
    before_pairs, before = _conflicts_of_every_kind(staff=staff_user, label="before")
    forbidden = before_pairs + _cases_against(staff=staff_user, conflicted=before)

    # The README's rotation: prepend a new key, deploy, run the command, drop the old key, deploy.
    new_key = Fernet.generate_key().decode()
    _deploy(monkeypatch, settings, field_encryption_keys=f"{new_key},{old_key}")
    call_command("rotate_encryption_keys", stdout=io.StringIO())
    _deploy(monkeypatch, settings, field_encryption_keys=new_key)
    assert "former counsel (before)" in [c.reason for c in Conflict.objects.all()]  # readable with the new key alone

    # Cases taken in after the rotation meet the conflicts recorded before it, and the other way round.
    forbidden += _cases_against(staff=staff_user, conflicted=before)
    after_pairs, after = _conflicts_of_every_kind(staff=staff_user, label="after")
    forbidden += after_pairs + _cases_against(staff=staff_user, conflicted=after)

    offered, reached = [], []
    for attorney, case in forbidden:
        try:
            offer_send(case=case, attorney=attorney, by=staff_user, cascade=False)
        except OfferError:
            pass
        else:
            offered.append(case.adverse_parties)
        if client_for(attorney).get(reverse("mentorship:case_detail", args=[case.pk])).status_code != 404:
            reached.append(case.adverse_parties)
    assert not offered, f"conflicted attorneys were offered the cases against: {offered}"
    assert not reached, f"conflicted attorneys reached the files of the cases against: {reached}"
    # A clean attorney can still be offered any of these cases: only the conflicts block.
    offer_send(case=forbidden[-1][1], attorney=attorney_with_profile(), by=staff_user, cascade=False)
