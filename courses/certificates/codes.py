"""Verification codes: unguessable, short enough to type, no look-alike characters."""

import secrets

# No 0/O, 1/I/L: a code read off paper is typed correctly.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 12  # 31**12 ≈ 7.9e17 codes (59 bits): enumeration is hopeless at any rate limit.


def code_generate() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def code_normalise(raw: str) -> str:
    """What a person typed (spaces, hyphens, lower case) as a stored code, or '' if it cannot be one."""
    cleaned = "".join(raw.split()).replace("-", "").upper()
    if len(cleaned) != LENGTH or any(char not in ALPHABET for char in cleaned):
        return ""
    return cleaned
