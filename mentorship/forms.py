"""Forms for the staff area and the attorney and mentor pages. Validation only; writes live in services."""

from __future__ import annotations

import re
from functools import lru_cache

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.roles import ROLE_GROUP_NAMES, Role
from courses.vocabulary import ReliefType
from lms.forms import IdChoiceField

from .languages import ILR_LEVELS, country_choices, language_choices, language_name, language_names
from .models import (
    TEAM_ROLES,
    Case,
    CaseDateKind,
    CaseStatus,
    ExperienceLevel,
    MatchingSettings,
    MentorProfile,
    ReliefResult,
    Representation,
)
from .services.outcomes import ReliefOutcome


def language_code_for(text: str) -> str | None:
    """The ISO 639-3 code for what a person typed or picked: a name ("Spanish"), a name with its
    code ("Spanish (spa)") or a bare code ("spa"); None when it names no language in the list."""
    text = " ".join(text.split())
    if not text:
        return None
    match = re.fullmatch(r"(.+?)\s*\(([A-Za-z]{3})\)", text)
    if match and match.group(2).lower() in language_names():
        return match.group(2).lower()
    if text.lower() in language_names():
        return text.lower()
    return _codes_by_name().get(text.casefold())


@lru_cache(maxsize=1)
def _codes_by_name() -> dict[str, str]:
    return {name.casefold(): code for code, name in language_names().items()}


@lru_cache(maxsize=1)
def _language_datalist_options() -> str:
    return format_html_join("", '<option value="{}"></option>', ((name,) for _code, name in language_choices()))


class LanguageRowsWidget(forms.Widget):
    """Rows of a language picked by name (a text box with the project's language list as
    suggestions) and, with ``with_level``, its ILR speaking level as a separate choice.

    The value is a list of rows ``(text, level)`` as typed; the field turns them into codes. A
    single ``<name>`` value in the old typed format ("spa 4, mam 3") is read too."""

    def __init__(self, *, rows: int = 3, with_level: bool = True, attrs=None):
        super().__init__(attrs)
        self.rows = rows
        self.with_level = with_level

    def value_from_datadict(self, data, files, name):
        if f"{name}_0" not in data and name in data:
            rows = []
            for part in data.get(name, "").replace(";", ",").replace("\n", ",").split(","):
                bits = part.replace(":", " ").split()
                if self.with_level and len(bits) >= 2:
                    rows.append((" ".join(bits[:-1]), bits[-1]))
                elif bits:
                    rows.append((" ".join(bits), ""))
            return rows
        rows = []
        for i in range(50):
            if f"{name}_{i}" not in data:
                break
            rows.append((str(data.get(f"{name}_{i}", "")).strip(), str(data.get(f"{name}_{i}_level", "")).strip()))
        return rows

    def value_omitted_from_data(self, data, files, name):
        return f"{name}_0" not in data and name not in data

    def id_for_label(self, id_):
        return f"{id_}_0" if id_ else id_

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        base_id = attrs.get("id") or f"id_{name}"
        rows = list(value or [])
        rows += [("", "")] * max(self.rows - len(rows), 1)
        list_id = f"{base_id}_list"
        parts = []
        for i, (text, level) in enumerate(rows):
            row = [
                format_html(
                    '<label for="{id}" class="visually-hidden">{label}</label>'
                    '<input type="text" name="{name}" id="{id}" value="{value}" list="{list_id}" autocomplete="off">',
                    id=f"{base_id}_{i}",
                    label=_("Language %(number)s") % {"number": i + 1},
                    name=f"{name}_{i}",
                    value=text,
                    list_id=list_id,
                )
            ]
            if self.with_level:
                options = format_html_join(
                    "",
                    '<option value="{}"{}>{}</option>',
                    (
                        (str(v), mark_safe(" selected") if str(v) == str(level) else "", label)  # noqa: S308
                        for v, label in [("", _("ILR speaking level…")), *ILR_LEVELS]
                    ),
                )
                row.append(
                    format_html(
                        '<label for="{id}" class="visually-hidden">{label}</label>'
                        '<select name="{name}" id="{id}">{options}</select>',
                        id=f"{base_id}_{i}_level",
                        label=_("ILR speaking level for language %(number)s") % {"number": i + 1},
                        name=f"{name}_{i}_level",
                        options=options,
                    )
                )
            parts.append(format_html('<div class="language-row">{}</div>', mark_safe("".join(row))))  # noqa: S308
        return format_html(
            '<div class="language-rows">{rows}<datalist id="{list_id}">{options}</datalist></div>',
            rows=mark_safe("".join(parts)),  # noqa: S308
            list_id=list_id,
            options=_language_datalist_options(),
        )


def _rows_for_display(value, *, with_level: bool) -> list[tuple[str, str]]:
    """Stored values (codes, or (code, level) pairs) or typed rows, as rows to show."""
    rows = []
    for item in value or []:
        text, level = (item, "") if isinstance(item, str) else (item[0], item[1] if len(item) > 1 else "")
        text = str(text)
        if text.lower() in language_names():
            text = language_name(text.lower())
        rows.append((text, "" if level is None else str(level)))
    return rows


class LanguageListField(forms.Field):
    """Languages picked by name, stored as a list of ISO 639-3 codes."""

    def __init__(self, *, rows: int = 3, **kwargs):
        kwargs.setdefault("widget", LanguageRowsWidget(rows=rows, with_level=False))
        kwargs.setdefault("help_text", _("Start typing a language's name and pick it from the list."))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return _rows_for_display(value, with_level=False)

    def to_python(self, value) -> list[str]:
        codes, unknown = [], []
        for text, _level in value or []:
            if not text:
                continue
            code = language_code_for(text)
            if code is None:
                unknown.append(text[:60])
            elif code not in codes:
                codes.append(code)
        if unknown:
            raise ValidationError(
                _("Not in the language list: %(names)s. Pick each language from the suggestions."),
                params={"names": ", ".join(unknown)},
            )
        return codes

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(_("Choose at least one language."), code="required")


class LanguageLevelsField(LanguageListField):
    """Languages picked by name, each with an ILR speaking level: a list of (code, level)."""

    def __init__(self, *, rows: int = 4, **kwargs):
        kwargs.setdefault("widget", LanguageRowsWidget(rows=rows, with_level=True))
        kwargs.setdefault(
            "help_text",
            _("Start typing a language's name, pick it from the list, then choose your ILR speaking level."),
        )
        super().__init__(rows=rows, **kwargs)

    def prepare_value(self, value):
        return _rows_for_display(value, with_level=True)

    def to_python(self, value) -> list[tuple[str, int]]:
        pairs, seen, errors = [], set(), []
        for text, level in value or []:
            if not text and not level:
                continue
            if not text:
                errors.append(_("Choose the language for the level you picked."))
                continue
            code = language_code_for(text)
            if code is None:
                errors.append(
                    _("“%(name)s” is not in the language list: pick it from the suggestions.") % {"name": text[:60]}
                )
                continue
            if not (level.isdigit() and 0 <= int(level) <= 5):
                errors.append(_("Choose an ILR speaking level for %(name)s.") % {"name": language_name(code)})
                continue
            if code not in seen:
                seen.add(code)
                pairs.append((code, int(level)))
        if errors:
            raise ValidationError(errors)
        return pairs


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
    languages = LanguageListField(label=_("Client languages"))
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


class LongSelect(forms.Select):
    """A select of every attorney, rendered in Python: Django renders each option through a
    template, which at 10,000 attorneys took seconds for each staff case page. The HTML is
    the same, one option per line."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(item) for item in self.format_value(value)}
        options = format_html_join(
            "\n",
            '<option value="{}"{}>{}</option>',
            (
                (option_value, mark_safe(" selected") if str(option_value) in chosen else "", label)
                for option_value, label in ((("" if v is None else v), label) for v, label in self.choices)
            ),
        )
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        return format_html("<select{}>\n{}\n</select>", flatatt(final_attrs), options)


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

    attorney = forms.ModelChoiceField(label=_("Attorney"), queryset=User.objects.none(), widget=LongSelect)
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
    confirm = forms.BooleanField(
        label=_("I have checked the attorney and the expiry: send this offer now"),
        error_messages={"required": _("Tick the box to confirm the offer.")},
    )

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


class OfferConfirmForm(forms.Form):
    """The second step of sending an offer from the matching suggestions: expiry and cascade."""

    person = forms.IntegerField(min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)
    expires_in_days = forms.IntegerField(label=_("Expires in (days)"), min_value=1, max_value=30)
    cascade = forms.BooleanField(label=_("On decline or expiry, offer to the next ranked attorney"), required=False)

    @staticmethod
    def initial_for(person: int) -> dict:
        knobs = MatchingSettings.load()
        return {"person": person, "expires_in_days": knobs.offer_expiry_days, "cascade": knobs.cascade_default}


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you declining?"), max_length=300, widget=forms.Textarea(attrs={"rows": 3})
    )


class ConflictForm(forms.Form):
    attorney = forms.ModelChoiceField(
        label=_("Attorney"), queryset=User.objects.none(), required=False, widget=LongSelect
    )
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


class PlacementOutcomeForm(forms.Form):
    """A result for each relief the case seeks, and whether the survivor stayed represented."""

    remained_represented = forms.ChoiceField(
        label=_("Did the survivor remain represented?"),
        choices=Representation.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, relief_types: list[str], initial_outcomes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.relief_types = [rt for rt in relief_types if rt in ReliefType.values]
        known = {o.relief_type: o for o in initial_outcomes}
        for relief_type in self.relief_types:
            label = ReliefType(relief_type).label
            existing = known.get(relief_type)
            self.fields[f"result_{relief_type}"] = forms.ChoiceField(
                label=_("%(relief)s: result") % {"relief": label},
                choices=[("", _("Choose…")), *ReliefResult.choices],
                initial=existing.result if existing else "",
            )
            self.fields[f"decided_on_{relief_type}"] = forms.DateField(
                label=_("%(relief)s: decision date") % {"relief": label},
                required=False,
                widget=forms.DateInput(attrs={"type": "date"}),
                initial=existing.decided_on if existing else None,
            )
            self.fields[f"appeal_{relief_type}"] = forms.BooleanField(
                label=_("%(relief)s: appeal filed") % {"relief": label},
                required=False,
                initial=existing.appeal_filed if existing else False,
            )
        self.order_fields([*(name for name in self.fields if name != "remained_represented"), "remained_represented"])

    def outcomes(self) -> list[ReliefOutcome]:
        data = self.cleaned_data
        return [
            ReliefOutcome(
                relief_type=rt,
                result=data[f"result_{rt}"],
                decided_on=data.get(f"decided_on_{rt}"),
                appeal_filed=bool(data.get(f"appeal_{rt}")),
            )
            for rt in self.relief_types
        ]


class PlacementCloseForm(PlacementOutcomeForm):
    reason = forms.CharField(label=_("Reason"), max_length=200)
    reopen = forms.BooleanField(label=_("Return the case to the pool instead of closing it"), required=False)

    field_order = ["reason", "reopen"]


class TeamMemberRemoveForm(forms.Form):
    """Ending a co-counsel's or supervising attorney's placement: the case stays as it is."""

    reason = forms.CharField(label=_("Reason"), max_length=200)


class TeamOfferForm(forms.Form):
    attorney = forms.ModelChoiceField(label=_("Attorney"), queryset=User.objects.none(), widget=LongSelect)
    role = forms.ChoiceField(label=_("Role on the case team"), choices=[(r.value, r.label) for r in TEAM_ROLES])
    expires_in_days = forms.IntegerField(label=_("Expires in (days)"), min_value=1, max_value=30)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attorney"].queryset = volunteer_queryset()


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
    languages = LanguageLevelsField(label=_("Languages with ILR speaking level"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for value, label in ReliefType.choices:
            self.fields[f"relief_{value}"] = forms.TypedChoiceField(
                label=label, choices=ExperienceLevel.choices, coerce=int, initial=0, required=False
            )

    def relief_fields(self):
        return [self[f"relief_{value}"] for value in ReliefType.values]

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
            "languages": [(lang.code, lang.ilr_level) for lang in profile.languages.all()],
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
    languages = LanguageListField(label=_("Languages"), required=False)

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
