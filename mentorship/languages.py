"""Languages as data: every ISO 639-3 living individual language from pycountry.

Mam (``mam``) and K'iche' (``quc``) are as first-class as Spanish. Codes are validated
against this list rather than a hand-typed choice tuple.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Interagency Language Roundtable speaking levels.
ILR_LEVELS = [
    (0, _("0 — No proficiency")),
    (1, _("1 — Elementary")),
    (2, _("2 — Limited working")),
    (3, _("3 — Professional working")),
    (4, _("4 — Full professional")),
    (5, _("5 — Native or bilingual")),
]

# Shown first in pickers: the languages the program's clients most often speak.
COMMON_CODES = (
    "spa", "eng", "hat", "fra", "por", "arb", "ara", "prs", "pbt", "rus", "ukr", "cmn",
    "yue", "vie", "mam", "quc", "kek", "cak", "tzj", "amh", "tir", "som", "swh", "ben",
    "urd", "hin", "pan", "tur", "fas", "kin", "lin",
)  # fmt: skip


@lru_cache(maxsize=1)
def language_names() -> dict[str, str]:
    """ISO 639-3 code → English name, living individual languages and macrolanguages."""
    names = {}
    for lang in pycountry.languages:
        if getattr(lang, "type", "") == "L" and getattr(lang, "scope", "") in {"I", "M"}:
            names[lang.alpha_3] = lang.name
    return names


def language_name(code: str) -> str:
    return language_names().get(code, code)


@lru_cache(maxsize=1)
def language_choices() -> list[tuple[str, str]]:
    names = language_names()
    common = [(c, names[c]) for c in COMMON_CODES if c in names]
    rest = sorted(((c, n) for c, n in names.items() if c not in COMMON_CODES), key=lambda p: p[1])
    return common + rest


def validate_language_code(value: str) -> None:
    if value not in language_names():
        raise ValidationError(_("%(code)s is not an ISO 639-3 language code."), params={"code": value})


def validate_language_codes(values) -> None:
    if not isinstance(values, list):
        raise ValidationError(_("Expected a list of language codes."))
    for value in values:
        validate_language_code(value)


@lru_cache(maxsize=1)
def country_choices() -> list[tuple[str, str]]:
    return sorted(((c.alpha_2, c.name) for c in pycountry.countries), key=lambda p: p[1])


def validate_country_code(value: str) -> None:
    if pycountry.countries.get(alpha_2=value) is None:
        raise ValidationError(_("%(code)s is not an ISO 3166 country code."), params={"code": value})


def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code) if code else None
    return country.name if country else code
