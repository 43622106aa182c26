from django import forms
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import (
    EVALUATION_COMMENT_MAX_LENGTH,
    EVALUATION_QUESTIONS,
    EVALUATION_SCALE,
    BarAdmission,
    Jurisdiction,
)


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


class CourseEvaluationForm(forms.Form):
    """The evaluation form as shown; courses.evaluations validates what is sent."""

    comment = forms.CharField(
        required=False,
        max_length=EVALUATION_COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        label=_("Anything else you would like to tell us (optional)"),
        help_text=lazy(
            lambda: (
                gettext("Up to %(limit)s characters. Please do not name clients or colleagues.")
                % {"limit": EVALUATION_COMMENT_MAX_LENGTH}
            ),
            str,
        )(),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        questions = {
            name: forms.TypedChoiceField(
                choices=EVALUATION_SCALE, coerce=int, widget=forms.RadioSelect, label=label, required=True
            )
            for name, label in EVALUATION_QUESTIONS
        }
        self.fields = {**questions, **self.fields}
