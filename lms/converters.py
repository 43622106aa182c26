"""URL parameters that no row can match do not resolve (404) instead of failing in the database.

Django's `int` converter takes any run of digits, so an id past the 64-bit range reached
the views and failed in the database driver (a 500 on SQLite). Every id in a URL of the
project is `<id:...>`; the URLconfs of Wagtail and allauth keep `<int:...>` in their own
code and are given this converter by `refuse_impossible_ids` in lms/urls.py, which also
makes every `str` and `path` parameter refuse control characters (PostgreSQL refuses a
NUL byte in any text, a 500 in the Wagtail admin).
"""

from collections.abc import Iterable

from django.urls import URLResolver, register_converter
from django.urls.converters import IntConverter, PathConverter, StringConverter
from django.urls.resolvers import RoutePattern

# BigAutoField's range (a signed 64-bit integer), the widest key of the project's models;
# ids start at 1.
MAX_ID = 2**63 - 1


class IdConverter:
    """Digits naming an id from 1 to 2**63 - 1; anything else does not match the route (404)."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 1 <= number <= MAX_ID:
            raise ValueError("not an id a row can have")
        return number

    def to_url(self, value: int | str) -> str:
        return str(value)


register_converter(IdConverter, "id")

_CONTROL = {chr(code) for code in range(32)} | {"\x7f"}


class _NoControlCharacters:
    """Mixed into Django's `str` and `path` converters: text with control characters does not match."""

    def to_python(self, value: str) -> str:
        if _CONTROL.intersection(value):
            raise ValueError("control characters in a URL parameter")
        return super().to_python(value)


class TextConverter(_NoControlCharacters, StringConverter):
    pass


class TextPathConverter(_NoControlCharacters, PathConverter):
    pass


def refuse_impossible_ids(patterns: Iterable, *, string_keys: bool = False) -> None:
    """Give the id converter to every `<int:...>` parameter of these patterns, included ones too,
    and converters refusing control characters to `<str:...>` and `<path:...>` ones.

    With `string_keys`, `<str:pk>` parameters get it as well: in the Wagtail admin a `pk` is
    always the key of one of the project's models, all of them integers, and some of its
    views (the choosers' "chosen" step) fail on a key that is not a number.
    """
    for entry in patterns:
        if isinstance(entry, URLResolver):
            _convert(entry.pattern, string_keys=string_keys)
            refuse_impossible_ids(entry.url_patterns, string_keys=string_keys)
        else:
            _convert(entry.pattern, string_keys=string_keys)


def _convert(pattern, *, string_keys: bool) -> None:
    if not isinstance(pattern, RoutePattern) or not pattern.converters:
        return
    converters = dict(pattern.converters)
    for name, converter in converters.items():
        if type(converter) is IntConverter or (string_keys and name == "pk" and type(converter) is StringConverter):
            converters[name] = IdConverter()
        elif type(converter) is StringConverter:
            converters[name] = TextConverter()
        elif type(converter) is PathConverter:
            converters[name] = TextPathConverter()
    # A new dict: the route compiler caches and shares one per route string.
    pattern.converters = converters
