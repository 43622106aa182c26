from django import forms
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import (
    EVALUATION_COMMENT_MAX_LENGTH,
    EVALUATION_QUESTIONS,
    EVALUATION_SCALE,
    FACULTY_QUESTION_MAX_LENGTH,
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

    birth_date = forms.DateField(
        required=False,
        label=_("Date of birth (optional)"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "New York's reporting cycles end on your birthday every two years, so we need it to show your New York "
            "cycle. Only used for CLE periods; leave it blank elsewhere."
        ),
    )
    roll_surname = forms.CharField(
        required=False,
        max_length=100,
        label=_("Last name on the bar's roll (optional)"),
        help_text=_(
            "Illinois and California set your reporting group by the first letter of your last name. Fill this in "
            "when that is not the last word of your name (e.g. García López)."
        ),
    )

    def clean_birth_date(self):
        birth_date = self.cleaned_data.get("birth_date")
        if birth_date and birth_date > timezone.localdate():
            raise forms.ValidationError(_("The date of birth cannot be in the future."))
        return birth_date

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


class SessionCodeForm(forms.Form):
    code = forms.CharField(
        max_length=40,
        label=_("Session code"),
        help_text=_("The code the faculty read out during the session."),
    )


class FacultyQuestionForm(forms.Form):
    question = forms.CharField(
        max_length=FACULTY_QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Ask the faculty a question about this lesson"),
        help_text=_(
            "Ask about the law or practice, not about a particular case: do not include client names, "
            "dates of birth, A-numbers or any detail that could identify a client."
        ),
    )
