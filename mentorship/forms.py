"""Forms for the staff area and the attorney and mentor pages. Validation only; writes live in services."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.roles import ROLE_GROUP_NAMES, Role
from courses.vocabulary import ReliefType
from lms.forms import IdChoiceField

from .languages import ILR_LEVELS, country_choices, language_name, language_names
from .models import Case, CaseDateKind, CaseStatus, ExperienceLevel, MatchingSettings, MentorProfile


class LanguageCodesField(forms.CharField):
    """ISO 639-3 codes typed as a comma-separated list ("spa, mam, quc")."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("ISO 639-3 codes separated by commas, e.g. spa, mam, quc, hat."))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        codes = []
        for part in value.replace(";", ",").split(","):
            code = part.strip().lower()
            if code and code not in codes:
                codes.append(code)
        return codes

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        unknown = [code for code in value if code not in language_names()]
        if unknown:
            raise ValidationError(_("Not ISO 639-3 language codes: %(codes)s."), params={"codes": ", ".join(unknown)})


class LinesField(forms.CharField):
    """One item per line."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        return [" ".join(line.split()) for line in value.splitlines() if line.strip()]


_relief_choices = ReliefType.choices


MAX_RELATED_CASES = 20


class CaseForm(forms.Form):
    client_initials = forms.RegexField(
        label=_("Client initials"),
        regex=r"^[A-Za-z]{1,4}$",
        max_length=4,
        error_messages={"invalid": _("Initials only: one to four letters.")},
    )
    country_of_origin = forms.ChoiceField(label=_("Country of origin"), required=False)
    languages = LanguageCodesField(label=_("Client languages"))
    min_ilr_level = forms.TypedChoiceField(
        label=_("Minimum ILR speaking level for the attorney"), choices=ILR_LEVELS, coerce=int
    )
    interpreter_arranged = forms.BooleanField(label=_("A qualified interpreter is arranged"), required=False)
    relief_types = forms.MultipleChoiceField(
        label=_("Relief sought"), choices=_relief_choices, widget=forms.CheckboxSelectMultiple
    )
    detained = forms.BooleanField(label=_("Detained"), required=False)
    court = forms.CharField(label=_("Court or asylum office"), max_length=120, required=False)
    location = forms.CharField(label=_("Location"), max_length=120, required=False)
    requires_bar_jurisdiction = forms.CharField(
        label=_("Bar admission required in (leave empty if any)"), max_length=64, required=False
    )
    confidential_notes = forms.CharField(
        label=_("Confidential notes"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    adverse_parties = forms.CharField(
        label=_("Adverse parties (one per line)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    related_cases = forms.CharField(
        label=_("Related cases"),
        max_length=300,
        required=False,
        help_text=_(
            "References of the cases of the client's family members, separated by commas. "
            "Matching favours the attorney who has one of them."
        ),
    )

    def __init__(self, *args, case: Case | None = None, **kwargs):
        if case is not None:
            kwargs.setdefault("initial", self.initial_for(case))
        super().__init__(*args, **kwargs)
        self.fields["min_ilr_level"].initial = MatchingSettings.load().min_ilr_default
        self.case = case
        self.fields["country_of_origin"].choices = [("", "—"), *country_choices()]

    @classmethod
    def initial_for(cls, case: Case) -> dict:
        initial = {name: getattr(case, name) for name in cls.base_fields if name != "related_cases"}
        initial["related_cases"] = ", ".join(sorted(case.related_cases.values_list("reference", flat=True)))
        return initial

    def clean_requires_bar_jurisdiction(self):
        return self.cleaned_data["requires_bar_jurisdiction"].strip() or None

    def clean_related_cases(self) -> list[Case]:
        references = sorted({ref.upper() for ref in re.split(r"[\s,;]+", self.cleaned_data["related_cases"]) if ref})
        if len(references) > MAX_RELATED_CASES:
            raise ValidationError(_("Relate at most %(count)s cases.") % {"count": MAX_RELATED_CASES})
        found = {case.reference: case for case in Case.objects.filter(reference__in=references)}
        missing = [ref for ref in references if ref not in found]
        if missing:
            raise ValidationError(_("No case has the reference %(refs)s.") % {"refs": ", ".join(missing)})
        if self.case is not None and self.case.reference in found:
            raise ValidationError(_("A case cannot be related to itself."))
        return [found[ref] for ref in references]


class CaseStatusForm(forms.Form):
    to_status = forms.ChoiceField(label=_("New status"), choices=CaseStatus.choices)
    reason = forms.CharField(label=_("Reason"), max_length=200)


class CasePurgeForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that the client details of this case cannot be restored."), required=True
    )


class CaseDateForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=CaseDateKind.choices)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    source = forms.CharField(label=_("Source"), max_length=200, required=False)
    verified = forms.BooleanField(label=_("I have verified this date"), required=False)


def volunteer_queryset():
    return (
        User.objects.filter(
            groups__name=ROLE_GROUP_NAMES[Role.VOLUNTEER], is_active=True, attorney_profile__isnull=False
        )
        .order_by("full_name", "email")
        .distinct()
    )


def mentor_queryset():
    return (
        User.objects.filter(groups__name=ROLE_GROUP_NAMES[Role.MENTOR], is_active=True, mentor_profile__isnull=False)
        .order_by("full_name", "email")
        .distinct()
    )


class OfferSendForm(forms.Form):
    """Staff's hand-sent offer. The override fields appear once a send was refused for failed
    hard constraints (``failed_constraints``); the service decides what may be overridden."""

    attorney = forms.ModelChoiceField(label=_("Attorney"), queryset=User.objects.none())
    expires_in_days = forms.IntegerField(label=_("Expires in (days)"), min_value=1, max_value=30)
    cascade = forms.BooleanField(label=_("On decline or expiry, offer to the next ranked attorney"), required=False)
    rank = forms.IntegerField(label=_("Rank"), min_value=1, max_value=999, required=False)
    override_reason = forms.CharField(
        label=_("Reason for sending the offer anyway"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "At least 10 characters. Shown in the offers log, to the attorney once the file opens to them, "
            "and to their mentor: write no client details here."
        ),
    )
    # The constraints staff saw fail, sent back with the reason: an override covers only these.
    override_codes = forms.CharField(required=False, max_length=300, widget=forms.HiddenInput)

    def __init__(self, *args, failed_constraints=(), overridable: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attorney"].queryset = volunteer_queryset()
        self.failed_constraints = tuple(failed_constraints)
        self.overridable = overridable

    @classmethod
    def after_refusal(cls, data, *, reasons, overridable: bool) -> OfferSendForm:
        """The form again, with the failed constraints listed and their codes to confirm."""
        data = data.copy()
        data["override_codes"] = " ".join(reason.code for reason in reasons)
        return cls(data, failed_constraints=reasons, overridable=overridable)

    def clean_override_codes(self) -> list[str]:
        return [code for code in self.cleaned_data["override_codes"].split() if re.fullmatch(r"[a-z_]{1,40}", code)]


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you declining?"), max_length=300, widget=forms.Textarea(attrs={"rows": 3})
    )


class ConflictForm(forms.Form):
    attorney = forms.ModelChoiceField(label=_("Attorney"), queryset=User.objects.none(), required=False)
    firm_name = forms.CharField(label=_("or firm"), max_length=200, required=False)
    adverse_party = forms.CharField(
        label=_("Adverse party name"),
        max_length=200,
        required=False,
        help_text=_("Stored only as a keyed hash for matching."),
    )
    reason = forms.CharField(
        label=_("Reason"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, require_party: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attorney"].queryset = volunteer_queryset()
        self.require_party = require_party

    def clean(self):
        data = super().clean()
        if not data.get("attorney") and not data.get("firm_name", "").strip():
            raise ValidationError(_("Name an attorney or a firm."))
        if self.require_party and not data.get("adverse_party", "").strip():
            raise ValidationError(_("Name the adverse party."))
        return data


class MentorAssignForm(forms.Form):
    mentor = forms.ModelChoiceField(label=_("Mentor"), queryset=User.objects.none())
    cadence_days = forms.IntegerField(
        label=_("Check in every (days)"), min_value=1, max_value=90, required=False,
        help_text=_("Leave empty: weekly on the detained docket, otherwise monthly."),
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = mentor_queryset()


class PlacementCloseForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=200)
    reopen = forms.BooleanField(label=_("Return the case to the pool instead of closing it"), required=False)


class HoursForm(forms.Form):
    worked_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    hours = forms.DecimalField(label=_("Hours"), min_value=0.25, max_value=24, decimal_places=2)
    description = forms.CharField(label=_("What (no client details)"), max_length=200, required=False)


class CalendarFeedDetailForm(forms.Form):
    show_date_kinds = forms.BooleanField(
        label=_("Name the kind of each date (for example “Merits hearing”) instead of “Case date”"),
        help_text=_(
            "Anyone who can see your phone or calendar app sees these names too, and some kinds tell what "
            "relief your client seeks (an asylum filing deadline, a U visa certification)."
        ),
        required=False,
    )


class AttorneyProfileForm(forms.Form):
    firm_name = forms.CharField(label=_("Firm or organisation"), max_length=200, required=False)
    capacity = forms.IntegerField(label=_("Maximum active cases"), min_value=0, max_value=20)
    paused_until = forms.DateField(
        label=_("Not taking cases until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    detained_ok = forms.BooleanField(label=_("I can take detained-docket cases"), required=False)
    remote_ok = forms.BooleanField(label=_("I can work remotely"), required=False)
    locations = LinesField(label=_("Courts and locations I can reach (one per line)"), required=False)
    languages = forms.CharField(
        label=_("Languages with ILR speaking level"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_('One per line: ISO 639-3 code and level 0–5, e.g. "spa 4" or "mam 3".'),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for value, label in ReliefType.choices:
            self.fields[f"relief_{value}"] = forms.TypedChoiceField(
                label=label, choices=ExperienceLevel.choices, coerce=int, initial=0, required=False
            )

    def relief_fields(self):
        return [self[f"relief_{value}"] for value in ReliefType.values]

    def clean_languages(self):
        pairs = []
        seen = set()
        for line in self.cleaned_data["languages"].replace(",", "\n").splitlines():
            parts = line.replace(":", " ").split()
            if not parts:
                continue
            if len(parts) != 2 or not parts[1].isdigit() or not 0 <= int(parts[1]) <= 5:
                raise ValidationError(_('Write each language as a code and a level 0–5, e.g. "spa 4".'))
            code = parts[0].lower()
            if code not in language_names():
                raise ValidationError(_("%(code)s is not an ISO 639-3 language code."), params={"code": code})
            if code not in seen:
                seen.add(code)
                pairs.append((code, int(parts[1])))
        return pairs

    def relief_levels(self) -> list[tuple[str, int]]:
        return [
            (value, self.cleaned_data.get(f"relief_{value}") or 0)
            for value in ReliefType.values
            if self.cleaned_data.get(f"relief_{value}")
        ]

    @staticmethod
    def initial_for(profile) -> dict:
        initial = {
            "firm_name": profile.firm_name,
            "capacity": profile.capacity,
            "paused_until": profile.paused_until,
            "detained_ok": profile.detained_ok,
            "remote_ok": profile.remote_ok,
            "locations": profile.locations,
            "languages": "\n".join(f"{lang.code} {lang.ilr_level}" for lang in profile.languages.all()),
        }
        for item in profile.relief_experience.all():
            initial[f"relief_{item.relief_type}"] = item.level
        return initial


class MentorProfileForm(forms.ModelForm):
    expertise = forms.MultipleChoiceField(
        label=_("Relief-type expertise"),
        choices=ReliefType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    languages = LanguageCodesField(label=_("Languages"), required=False)

    class Meta:
        model = MentorProfile
        fields = ["max_mentees", "available", "availability_note", "expertise", "languages"]


class ReliefRequirementForm(forms.Form):
    relief_type = forms.ChoiceField(label=_("Relief type"), choices=ReliefType.choices)
    course = IdChoiceField(label=_("Required course"), queryset=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from courses.models import CoursePage

        self.fields["course"].queryset = CoursePage.objects.live().order_by("title")


class DayCountsField(forms.CharField):
    """Whole numbers of days typed as a comma-separated list ("30, 14, 7, 3, 1"), kept largest first."""

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(str(day) for day in value)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        parts = [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]
        wrong = [part for part in parts if not re.fullmatch(r"[0-9]+", part)]
        if wrong:
            shown = ", ".join(part[:12] if part.isprintable() else "?" for part in wrong[:5])
            raise ValidationError(_("Not whole numbers of days: %(values)s."), code="invalid", params={"values": shown})
        if any(len(part) > 5 for part in parts):
            raise ValidationError(_("Give numbers of days within the urgent window."), code="max_value")
        return sorted((int(part) for part in parts), reverse=True)

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(_("Give at least one number of days."), code="required")


class MatchingSettingsForm(forms.ModelForm):
    deadline_watch_days = DayCountsField(
        label=MatchingSettings._meta.get_field("deadline_watch_days").verbose_name,
        help_text=MatchingSettings._meta.get_field("deadline_watch_days").help_text,
    )

    class Meta:
        model = MatchingSettings
        exclude = ["updated_at"]


def language_labels(codes) -> list[str]:
    return [f"{language_name(code)} ({code})" for code in codes or []]
