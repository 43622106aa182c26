from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import BarAdmission, Jurisdiction


class BarAdmissionForm(forms.Form):
    jurisdiction = forms.ModelChoiceField(queryset=Jurisdiction.objects.all(), label=_("Jurisdiction"))
    bar_number = forms.CharField(max_length=40, label=_("Bar or registration number"))
    status = forms.ChoiceField(choices=BarAdmission.Status.choices, label=_("Status"))
    admitted_on = forms.DateField(
        label=_("Date admitted"), widget=forms.DateInput(attrs={"type": "date"}), help_text=_("YYYY-MM-DD")
    )

    def clean_admitted_on(self):
        admitted_on = self.cleaned_data["admitted_on"]
        if admitted_on > timezone.localdate():
            raise forms.ValidationError(_("The admission date cannot be in the future."))
        return admitted_on


class AttendanceCodeForm(forms.Form):
    entry = forms.IntegerField(widget=forms.HiddenInput)
    code = forms.CharField(max_length=40, label=_("Attendance code"))
