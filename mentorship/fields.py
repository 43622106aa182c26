"""Encryption at rest for confidential text, and keyed hashes for exact-match lookups.

Values are encrypted with ``MultiFernet`` over ``settings.FIELD_ENCRYPTION_KEYS`` (newest
first). Rotating a key means prepending a new one and running ``rotate_encryption_keys``;
older keys keep decrypting until every row has been re-encrypted. The cipher is cached per
tuple of keys, so a change of the setting takes effect at once.

Keyed hashes use ``settings.FIELD_HASH_KEY``, a secret of its own that rotation never
touches: a conflict keeps only the hash of an adverse party, so there is nothing to re-hash
from, and a changed hash key would make every recorded conflict stop matching.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


@lru_cache(maxsize=8)
def _multifernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty.")
    return MultiFernet([Fernet(key.strip().encode()) for key in keys])


def _configured_keys() -> tuple[str, ...]:
    return tuple(k for k in settings.FIELD_ENCRYPTION_KEYS if k.strip())


def field_cipher() -> MultiFernet:
    """The cipher for the keys currently configured (the first key encrypts)."""
    return _multifernet(_configured_keys())


@lru_cache(maxsize=8)
def _fernet(key: str) -> Fernet:
    return Fernet(key.strip().encode())


def encrypted_with_newest_key(token: bytes) -> bool:
    """Whether the newest key decrypts the token (rotation then has nothing to do for it)."""
    keys = _configured_keys()
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty.")
    try:
        _fernet(keys[0]).decrypt(token)
    except InvalidToken:
        return False
    return True


def encrypt_text(value: str) -> str:
    return field_cipher().encrypt(value.encode()).decode()


def decrypt_text(token: str) -> str:
    return field_cipher().decrypt(token.encode()).decode()


def rotate_token(token: str) -> str:
    """Re-encrypt a stored token with the newest key."""
    return field_cipher().rotate(token.encode()).decode()


def normalise_name(value: str) -> str:
    return " ".join(value.casefold().split())


def keyed_hash(value: str) -> str:
    """HMAC-SHA256 of a normalised value: lets us match a name without storing it."""
    key = str(settings.FIELD_HASH_KEY).encode()
    return hmac.new(key, normalise_name(value).encode(), hashlib.sha256).hexdigest()


class EncryptedTextField(models.TextField):
    """Text encrypted in the application before it reaches the database.

    The empty string is stored as-is; anything else becomes a Fernet token. Encrypted
    values cannot be filtered on: use a keyed hash column for exact matches.
    """

    description = "Text encrypted at rest"

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        try:
            return decrypt_text(value)
        except InvalidToken as exc:
            raise ImproperlyConfigured(
                "An encrypted value could not be decrypted with FIELD_ENCRYPTION_KEYS "
                "(a key was removed before rotate_encryption_keys ran)."
            ) from exc

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt_text(str(value))

    def get_lookup(self, lookup_name):
        if lookup_name not in {"isnull", "exact"}:
            return None
        return super().get_lookup(lookup_name)
