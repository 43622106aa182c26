from django import forms
from django.utils.translation import gettext_lazy as _

from .codes import code_normalise


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        help_text=_("The code printed on the certificate, for example K7PX-M3QD-9RTA."),
    )

    def clean_code(self) -> str:
        code = code_normalise(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(_("That is not a certificate code. Check it against the certificate."))
        return code


class TranscriptForm(forms.Form):
    """Which jurisdiction and reporting period to show; choices come from the attorney's own record."""

    period = forms.ChoiceField(label=_("Jurisdiction and reporting period"))

    def __init__(self, *args, periods: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = periods


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Reason for revocation"), max_length=300, widget=forms.Textarea(attrs={"rows": 3}))


class ReissueForm(forms.Form):
    reason = forms.CharField(label=_("Reason for the correction"), max_length=300)
    attorney_name = forms.CharField(
        label=_("Attorney's name as it should now read"),
        max_length=200,
        required=False,
        help_text=_("Leave blank to use the name on the attorney's account now."),
    )
    bar_number = forms.CharField(
        label=_("Bar / registration number"),
        max_length=60,
        required=False,
        help_text=_("Leave blank to use the number on the attorney's bar admission now."),
    )
