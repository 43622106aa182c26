"""Form fields shared by the project's apps."""

from django import forms
from django.core.exceptions import ValidationError

from lms.converters import MAX_ID


class IdChoiceField(forms.ModelChoiceField):
    """A model choice by id that refuses, as an invalid choice, an id no row can have.

    Wagtail pages are keyed by a one-to-one pointer, whose lookups skip Django's integer-range
    check: an id past 64 bits reached the database driver and failed there (a 500 on SQLite).
    """

    def to_python(self, value):
        if value not in self.empty_values and self.to_field_name is None:
            text = str(value).strip()
            if not text.isdigit() or not 1 <= int(text) <= MAX_ID:
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)
