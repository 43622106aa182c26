"""Training content (catalog, courses, lessons), CLE rules as data, and learners' records."""

from __future__ import annotations

import datetime
import uuid
import zoneinfo
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.page_cache import PubliclyCachedPage

from .blocks import AssessmentBlock, CreditHoursBlock, LessonBodyBlock
from .credit import ROUND_DOWN_RULE, ROUND_NEAREST_RULE, round_to_increment
from .vocabulary import INSTRUCTION_LANGUAGES, ReliefType

DEFAULT_AFFIRMATION = _(
    "I affirm that I personally completed this course, watched and read its lessons in full, "
    "and entered each attendance code myself as it appeared."
)


# --- CLE rules as data -------------------------------------------------------------------


class AccreditationFormat(models.TextChoices):
    """How a course is delivered, as its accreditation states (CourseAccreditation.Format)."""

    LIVE = "live", _("Live")
    WEBCAST = "webcast", _("Live webcast")
    ON_DEMAND = "on_demand", _("On demand")
    SELF_STUDY = "self_study", _("Self-study (attendance not verified by the provider)")


class Jurisdiction(ClusterableModel):
    """A licensing jurisdiction's CLE rules, editable by staff (never hard-coded)."""

    code = models.CharField(max_length=8, unique=True, help_text=_("Short code, e.g. NY."))
    name = models.CharField(max_length=100)
    credit_hour_minutes = models.PositiveSmallIntegerField(
        default=60, validators=[MinValueValidator(1)], help_text=_("Minutes in one credit hour (NY 50, CA 60).")
    )
    credit_increment = models.DecimalField(
        max_digits=4,
        decimal_places=2,
        default=Decimal("0.25"),
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("Smallest reportable unit of credit (NY 0.5, CA 0.25)."),
    )
    minimum_minutes_for_credit = models.PositiveSmallIntegerField(
        default=0, help_text=_("Below this many minutes no credit is earned (NY 25).")
    )

    class Rounding(models.TextChoices):
        DOWN = ROUND_DOWN_RULE, _("Down to the increment")
        NEAREST = ROUND_NEAREST_RULE, _("To the nearest increment")

    rounding = models.CharField(
        max_length=8,
        choices=Rounding.choices,
        default=Rounding.DOWN,
        help_text=_("How earned time becomes credit (California: nearest quarter hour, Rule 2.51(D); most: down)."),
    )
    rounding_source = models.CharField(
        max_length=200, blank=True, help_text=_("The rule that sets the rounding, e.g. State Bar of Cal. Rule 2.51(D).")
    )
    on_demand_counts_for_newly_admitted = models.BooleanField(
        default=True, help_text=_("Whether on-demand courses count for newly admitted attorneys.")
    )
    attendance_code_interval_minutes = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text=_("On-demand courses need at least one attendance code per this many minutes (NY 50)."),
    )
    requires_affirmation = models.BooleanField(
        default=False, help_text=_("On-demand attendees sign an affirmation of attendance.")
    )
    retention_years = models.PositiveSmallIntegerField(
        default=4, validators=[MinValueValidator(4)], help_text=_("Years to keep attendance records (at least 4).")
    )

    class PeriodRule(models.TextChoices):
        ADMISSION = "admission", _("Cycles counted from the admission date")
        SURNAME = "surname", _("Fixed end date, group set by the first letter of the last name")
        BIRTHDAY = "birthday", _("Biennial, ending on the attorney's birthday")

    reporting_cycle_months = models.PositiveSmallIntegerField(default=24)
    period_rule = models.CharField(
        max_length=10,
        choices=PeriodRule.choices,
        default=PeriodRule.ADMISSION,
        help_text=_("How this jurisdiction sets an attorney's reporting periods."),
    )
    period_end_month = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1)], help_text=_("Last-name rule: month a period ends.")
    )
    period_end_day = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1)], help_text=_("Last-name rule: day a period ends.")
    )
    period_surname_groups = models.TextField(
        blank=True,
        help_text=_(
            "Last-name rule: one group per line, the letters and one year in which that group's period ends, "
            'e.g. "A-M 2026" and "N-Z 2027" (Illinois).'
        ),
    )
    newly_admitted_period_months = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text=_("Newly admitted attorneys' first period runs this many months from admission (NY 24)."),
    )
    period_rule_source = models.CharField(
        max_length=200, blank=True, help_text=_("The rule that sets the periods, e.g. Ill. S. Ct. R. 794(a).")
    )
    cycle_requirements = models.TextField(
        blank=True,
        help_text=_(
            "Shown only where no structured CLE requirement (CLE rules → Requirements) exists for this "
            "jurisdiction, e.g. 24 credits incl. 4 ethics."
        ),
    )
    pro_bono_minutes_per_credit = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Pro bono minutes that earn one credit, where allowed.")
    )
    pro_bono_max_credits_per_cycle = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    pro_bono_category = models.ForeignKey(
        "courses.CreditCategory",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Category in which pro bono credit is granted."),
    )
    pro_bono_qualifying_programs = models.TextField(
        blank=True,
        help_text=_(
            "One program per line. Leave blank when approved service through this program earns credit; "
            "otherwise only service through the programs named here qualifies (Illinois: Illinois Free Legal Answers)."
        ),
    )
    pro_bono_newly_admitted = models.BooleanField(
        default=True, help_text=_("Whether newly admitted attorneys may count pro bono credit in this jurisdiction.")
    )
    pro_bono_rule_source = models.CharField(
        max_length=200, blank=True, help_text=_("The rule that grants pro bono credit, e.g. Ill. S. Ct. R. 795(d).")
    )

    class CertificateLanguage(models.TextChoices):
        ENGLISH = "english", _("English only")
        COURSE_WITH_ENGLISH = "course_with_english", _("The course's language, with an English statement of the credit")
        COURSE = "course", _("The course's language")

    certificate_language = models.CharField(
        _("certificate language"),
        max_length=20,
        choices=CertificateLanguage.choices,
        default=CertificateLanguage.ENGLISH,
        help_text=_(
            "For a course taught in another language: the language its certificate is issued in. Keep English "
            "unless the board has confirmed that it accepts certificates in other languages."
        ),
    )
    certificate_language_source = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Where the board says so: the rule, or the date and name of its answer."),
    )

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("name")]),
        MultiFieldPanel(
            [
                FieldPanel("credit_hour_minutes"),
                FieldPanel("credit_increment"),
                FieldPanel("minimum_minutes_for_credit"),
                FieldRowPanel([FieldPanel("rounding"), FieldPanel("rounding_source")]),
            ],
            heading=_("Credit hours"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("on_demand_counts_for_newly_admitted"),
                FieldPanel("attendance_code_interval_minutes"),
                FieldPanel("requires_affirmation"),
            ],
            heading=_("On-demand attendance"),
        ),
        MultiFieldPanel(
            [FieldPanel("retention_years"), FieldPanel("reporting_cycle_months"), FieldPanel("cycle_requirements")],
            heading=_("Reporting"),
        ),
        MultiFieldPanel(
            [FieldPanel("certificate_language"), FieldPanel("certificate_language_source")],
            heading=_("Certificates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("period_rule"),
                FieldRowPanel([FieldPanel("period_end_month"), FieldPanel("period_end_day")]),
                FieldPanel("period_surname_groups"),
                FieldPanel("newly_admitted_period_months"),
                FieldPanel("period_rule_source"),
            ],
            heading=_("Reporting periods"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("pro_bono_minutes_per_credit"),
                FieldPanel("pro_bono_max_credits_per_cycle"),
                FieldPanel("pro_bono_category"),
                FieldPanel("pro_bono_qualifying_programs"),
                FieldPanel("pro_bono_newly_admitted"),
                FieldPanel("pro_bono_rule_source"),
            ],
            heading=_("Pro bono credit"),
        ),
        InlinePanel("categories", label=_("Credit categories")),
    ]

    class Meta:
        ordering = ["code"]
        verbose_name = _("jurisdiction")
        verbose_name_plural = _("jurisdictions")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def clean(self) -> None:
        super().clean()
        from courses.periods import PeriodRuleError, surname_groups

        if self.period_rule == self.PeriodRule.SURNAME:
            errors = {}
            try:
                datetime.date(2000, self.period_end_month or 0, self.period_end_day or 0)
            except (TypeError, ValueError):
                errors["period_end_day"] = _("Give a real month and day on which a period ends.")
            try:
                if not surname_groups(self.period_surname_groups):
                    errors["period_surname_groups"] = _('Give at least one group, e.g. "A-M 2026".')
            except PeriodRuleError as error:
                errors["period_surname_groups"] = str(error)
            if self.reporting_cycle_months % 12:
                errors["reporting_cycle_months"] = _("A last-name rule needs a cycle of whole years.")
            if errors:
                raise forms.ValidationError(errors)

    @property
    def pro_bono_programs(self) -> list[str]:
        """The only programs whose service earns pro bono credit here; empty means this program's own service."""
        return [line.strip() for line in self.pro_bono_qualifying_programs.splitlines() if line.strip()]

    def credits_for_minutes(self, minutes: int | Decimal) -> Decimal:
        """Credit earned for `minutes` of instruction, rounded to this jurisdiction's increment by its rule."""
        minutes = Decimal(minutes)
        if minutes <= 0 or minutes < self.minimum_minutes_for_credit:
            return Decimal("0")
        raw = minutes / Decimal(self.credit_hour_minutes)
        return round_to_increment(raw, self.credit_increment, self.rounding).quantize(Decimal("0.01"))

    def minutes_for_credits(self, hours: Decimal) -> Decimal:
        """The fewest minutes that earn `hours` of credit here (to the nearest increment, half a step less)."""
        hours = Decimal(hours)
        if self.rounding == self.Rounding.NEAREST:
            hours -= self.credit_increment / 2
        return max(hours * self.credit_hour_minutes, Decimal(self.minimum_minutes_for_credit))


class CreditCategory(Orderable):
    """A CLE credit category within a jurisdiction (e.g. NY Ethics & Professionalism)."""

    jurisdiction = ParentalKey(Jurisdiction, on_delete=models.CASCADE, related_name="categories")
    code = models.SlugField(max_length=40)
    name = models.CharField(max_length=120)

    class NewlyAdmittedFormats(models.TextChoices):
        ACCREDITATION = "", _("Not set: the accreditation's 'counts for newly admitted' decides")
        ANY = "any", _("Any approved format, on demand included")
        SYNCHRONOUS = "synchronous", _("In person or live webcast with questions (not on demand)")
        LIVE = "live", _("In person or fully interactive videoconference only")

    newly_admitted_formats = models.CharField(
        max_length=12,
        choices=NewlyAdmittedFormats.choices,
        blank=True,
        default=NewlyAdmittedFormats.ACCREDITATION,
        help_text=_(
            "Formats in which newly admitted attorneys may earn this category (NY: Skills live only; "
            "Law Practice Management and Areas of Professional Practice any format)."
        ),
    )

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("newly_admitted_formats")]

    class Meta(Orderable.Meta):
        ordering = ["jurisdiction__code", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "code"], name="courses_category_unique_code"),
        ]
        verbose_name = _("credit category")
        verbose_name_plural = _("credit categories")

    def __str__(self) -> str:
        return f"{self.jurisdiction.code} — {self.name}"

    def counts_for_newly_admitted(self, *, format: str, accreditation_approved: bool, on_demand_allowed: bool) -> bool:
        """Whether this category's credit in `format` counts for a newly admitted attorney.

        Without per-category data the old all-or-nothing rule stands: the accreditation's flag,
        and on demand only where the jurisdiction allows it.
        """
        if not accreditation_approved:
            return False
        allowed = NEWLY_ADMITTED_FORMATS.get(self.newly_admitted_formats)
        if allowed is None:
            return format != "on_demand" or on_demand_allowed
        return format in allowed


NEWLY_ADMITTED_FORMATS: dict[str, frozenset[str]] = {
    CreditCategory.NewlyAdmittedFormats.ANY: frozenset({"live", "webcast", "on_demand", "self_study"}),
    CreditCategory.NewlyAdmittedFormats.SYNCHRONOUS: frozenset({"live", "webcast"}),
    CreditCategory.NewlyAdmittedFormats.LIVE: frozenset({"live"}),
}


class CleRequirementForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        jurisdiction = cleaned.get("jurisdiction")
        lines = self.formsets.get("lines") if hasattr(self, "formsets") else None
        if jurisdiction is None or lines is None:
            return cleaned
        for form in lines.forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            for name in ("category", "parent_category"):
                category = form.cleaned_data.get(name)
                if category is not None and category.jurisdiction_id != jurisdiction.pk:
                    self.add_error(
                        None,
                        _("%(category)s is not a category of this requirement's jurisdiction.")
                        % {"category": category},
                    )
        return cleaned


class CleRequirement(ClusterableModel):
    """What a jurisdiction requires in one reporting period, for experienced or newly admitted attorneys.

    Editors keep these from the board's own rules: the total, the minimum per category (a line
    may sit inside another, e.g. Illinois diversity within professional responsibility), caps
    per format, the rule's citation and the day someone last checked it against the source.
    """

    class AppliesTo(models.TextChoices):
        EXPERIENCED = "experienced", _("Experienced attorneys")
        NEWLY_ADMITTED = "newly_admitted", _("Newly admitted attorneys")

    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.CASCADE, related_name="requirements")
    applies_to = models.CharField(max_length=16, choices=AppliesTo.choices, default=AppliesTo.EXPERIENCED)
    total_hours = models.DecimalField(
        max_digits=5, decimal_places=2, validators=[MinValueValidator(Decimal("0"))], help_text=_("Per period.")
    )
    summary = models.TextField(blank=True, help_text=_("What the attorney reads, e.g. what the lines leave out."))
    source_citation = models.CharField(max_length=200, help_text=_("e.g. Ill. S. Ct. R. 794(a), (d)."))
    source_url = models.URLField(blank=True)
    checked_on = models.DateField(
        null=True,
        blank=True,
        help_text=_("Day every number here was last checked against the source. Leave empty if not confirmed."),
    )

    base_form_class = CleRequirementForm

    panels = [
        FieldRowPanel([FieldPanel("jurisdiction"), FieldPanel("applies_to")]),
        FieldPanel("total_hours"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("source_citation"), FieldPanel("source_url"), FieldPanel("checked_on")], heading=_("Source")
        ),
        InlinePanel("lines", label=_("Minimum per category")),
        InlinePanel("caps", label=_("Caps per format")),
    ]

    class Meta:
        ordering = ["jurisdiction__code", "applies_to"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "applies_to"], name="courses_requirement_unique"),
        ]
        verbose_name = _("CLE requirement")
        verbose_name_plural = _("CLE requirements")

    def __str__(self) -> str:
        return f"{self.jurisdiction.code} — {self.get_applies_to_display()}"


class RequirementLine(Orderable):
    """At least so many hours in a category; with a parent, they also count toward the parent's line."""

    requirement = ParentalKey(CleRequirement, on_delete=models.CASCADE, related_name="lines")
    category = models.ForeignKey(CreditCategory, on_delete=models.CASCADE, related_name="requirement_lines")
    minimum_hours = models.DecimalField(max_digits=5, decimal_places=2, validators=[MinValueValidator(Decimal("0"))])
    parent_category = models.ForeignKey(
        CreditCategory,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Part of the line for this category (e.g. Diversity within Professional Responsibility)."),
    )
    label = models.CharField(max_length=120, blank=True, help_text=_("Optional; the category name otherwise."))

    panels = [
        FieldRowPanel([FieldPanel("category"), FieldPanel("minimum_hours")]),
        FieldRowPanel([FieldPanel("parent_category"), FieldPanel("label")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("requirement line")

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.parent_category_id and self.parent_category_id == self.category_id:
            errors["parent_category"] = _("A line cannot be part of itself.")
        if errors:
            raise forms.ValidationError(errors)


class RequirementCap(Orderable):
    """At most N hours, or a fraction of the total, may be earned in one format (California self-study)."""

    requirement = ParentalKey(CleRequirement, on_delete=models.CASCADE, related_name="caps")
    format = models.CharField(max_length=10, choices=AccreditationFormat.choices)
    max_hours = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    max_fraction = models.DecimalField(
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
        help_text=_("Fraction of the total, e.g. 0.5 for half."),
    )

    panels = [FieldRowPanel([FieldPanel("format"), FieldPanel("max_hours"), FieldPanel("max_fraction")])]

    class Meta(Orderable.Meta):
        verbose_name = _("cap per format")

    def limit(self, total: Decimal) -> Decimal | None:
        """The most hours in this format that count toward a requirement of `total` hours."""
        limits = [
            value
            for value in (self.max_hours, self.max_fraction * total if self.max_fraction else None)
            if value is not None
        ]
        return min(limits) if limits else None


class BarAdmission(models.Model):
    """An attorney's admission to a bar: used for CLE certificates and case matching."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        INACTIVE = "inactive", _("Inactive")
        RETIRED = "retired", _("Retired")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bar_admissions")
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="bar_admissions")
    bar_number = models.CharField(_("bar or registration number"), max_length=40)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    admitted_on = models.DateField(_("date admitted"))
    birth_date = models.DateField(
        _("date of birth"),
        null=True,
        blank=True,
        help_text=_("Optional. Only jurisdictions whose periods follow the birthday (New York) use it."),
    )
    roll_surname = models.CharField(
        _("last name on the roll"),
        max_length=100,
        blank=True,
        help_text=_("Optional. The last name the bar lists you under, when it is not the last word of your name."),
    )

    class Meta:
        ordering = ["jurisdiction__code"]
        constraints = [
            models.UniqueConstraint(fields=["user", "jurisdiction"], name="courses_bar_admission_unique"),
        ]
        verbose_name = _("bar admission")
        verbose_name_plural = _("bar admissions")

    def __str__(self) -> str:
        return f"{self.jurisdiction.code} {self.bar_number}"

    @property
    def is_newly_admitted(self) -> bool:
        """Admitted less than two years ago (the usual 'newly admitted' window)."""
        today = timezone.localdate()
        try:
            two_years_ago = today.replace(year=today.year - 2)
        except ValueError:  # 29 February
            two_years_ago = today.replace(year=today.year - 2, day=28)
        return self.admitted_on > two_years_ago


def law_change_cutoff(changed_on: datetime.date | None) -> datetime.datetime | None:
    """The first moment of the day the law changed, in the site's time zone: anything completed
    before it was learned under the old law."""
    if changed_on is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(changed_on, datetime.time.min))


# --- Pages ---------------------------------------------------------------------------------


class CourseIndexPage(PubliclyCachedPage, Page):
    """The course catalog: lists published courses with filters for relief, jurisdiction, language and credit."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("course catalog")

    def get_context(self, request, *args, **kwargs):
        from .selectors import catalog_for

        context = super().get_context(request, *args, **kwargs)
        context.update(catalog_for(index=self, params=request.GET, user=request.user))
        return context


class CoursePageForm(WagtailAdminPageForm):
    relief_types = forms.MultipleChoiceField(
        choices=ReliefType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Relief types taught"),
    )

    def is_valid(self) -> bool:
        valid = super().is_valid()
        sessions = self.formsets.get("sessions")
        if sessions is None or not valid:
            return valid
        # A session with registrations holds attendance records kept for audits: it cannot go.
        deleted = [form.instance.pk for form in sessions.deleted_forms if form.instance.pk]
        if deleted and SessionRegistration.objects.filter(session_id__in=deleted).exists():
            self.add_error(
                None,
                _("A live session that attorneys registered for cannot be deleted; their attendance records stay."),
            )
            return False
        return valid

    def clean_law_changed_on(self):
        # A future date would mark every completion outdated at once, with no update able to
        # count until that day: the date is set when the change takes effect.
        changed_on = self.cleaned_data.get("law_changed_on")
        if changed_on and changed_on > timezone.localdate():
            raise forms.ValidationError(_("Set this on or after the day the change takes effect, not in advance."))
        return changed_on


class CoursePage(PubliclyCachedPage, Page):
    """A course: ordered lessons, CLE accreditation per jurisdiction, completion rules and a final assessment."""

    summary = models.TextField(help_text=_("Two or three sentences shown in the catalog."))
    learning_objectives = RichTextField(features=["ul", "ol", "bold", "italic"], blank=True)
    relief_types = models.JSONField(default=list, blank=True, help_text=_("ReliefType values taught."))
    language = models.CharField(_("language of instruction"), max_length=5, choices=INSTRUCTION_LANGUAGES, default="en")
    estimated_minutes = models.PositiveIntegerField(default=60, help_text=_("Instruction time, in minutes."))
    translation_of = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("translation of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
        help_text=_("The course this one translates. Each version's page links to the others."),
    )
    prerequisites = ParentalManyToManyField(
        "courses.CoursePage", blank=True, related_name="required_by", help_text=_("Courses to finish first.")
    )

    # Completion rules.
    require_all_lessons = models.BooleanField(default=True, help_text=_("Every published lesson must be completed."))
    minimum_engaged_minutes = models.PositiveIntegerField(
        default=0,
        help_text=_("Server-counted engaged time required (0 for none); set it where on-demand CLE requires."),
    )
    require_attendance_codes = models.BooleanField(
        default=False, help_text=_("Every attendance code in the lessons must be entered correctly.")
    )
    require_affirmation = models.BooleanField(
        default=False, help_text=_("The attorney signs an affirmation of attendance to complete.")
    )
    affirmation_text = models.TextField(blank=True, default=DEFAULT_AFFIRMATION)
    final_assessment = StreamField(AssessmentBlock(), blank=True, help_text=_("Leave empty for no final assessment."))
    pass_mark_percent = models.PositiveSmallIntegerField(
        default=80, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        default=3, validators=[MinValueValidator(1)], help_text=_("Attempts allowed at the final assessment.")
    )

    # Currency: when the law this course teaches changes, completions before the date stop
    # counting as a relief type's required training until the attorney takes the update.
    law_changed_on = models.DateField(
        _("law changed on"),
        null=True,
        blank=True,
        help_text=_(
            "Set when the law this course teaches changed. Completions before this date no longer "
            "count as required training for new placements until the attorney reads what changed."
        ),
    )
    law_change_summary = RichTextField(
        _("what changed"),
        features=["bold", "italic", "link", "ul", "ol"],
        blank=True,
        help_text=_("A short lesson for attorneys who completed the course before the change: what changed and why."),
    )

    base_form_class = CoursePageForm

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("learning_objectives"),
        FieldPanel("relief_types"),
        FieldRowPanel([FieldPanel("language"), FieldPanel("estimated_minutes")]),
        FieldPanel("translation_of"),
        FieldPanel("prerequisites", widget=forms.CheckboxSelectMultiple),
        InlinePanel("faculty", label=_("Faculty")),
        MultiFieldPanel(
            [FieldPanel("law_changed_on"), FieldPanel("law_change_summary")], heading=_("Change in the law")
        ),
    ]
    accreditation_panels = [InlinePanel("accreditations", label=_("CLE accreditation"))]
    session_panels = [
        InlinePanel(
            "sessions",
            label=_("Live session"),
            help_text=_(
                "Publish the course to open registration. Credit follows the CLE accreditation of the "
                "session's format: Live for in person, Live webcast for a webinar."
            ),
        )
    ]
    completion_panels = [
        FieldPanel("require_all_lessons"),
        FieldPanel("minimum_engaged_minutes"),
        FieldPanel("require_attendance_codes"),
        MultiFieldPanel([FieldPanel("require_affirmation"), FieldPanel("affirmation_text")], heading=_("Affirmation")),
        MultiFieldPanel(
            [
                FieldPanel("final_assessment"),
                FieldRowPanel([FieldPanel("pass_mark_percent"), FieldPanel("max_attempts")]),
            ],
            heading=_("Final assessment"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(accreditation_panels, heading=_("CLE accreditation")),
            ObjectList(session_panels, heading=_("Live sessions")),
            ObjectList(completion_panels, heading=_("Completion")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("learning_objectives"),
        index.FilterField("language"),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("course")

    def relief_type_values(self) -> list[str]:
        valid = set(ReliefType.values)
        return [value for value in (self.relief_types or []) if value in valid]

    def relief_type_labels(self) -> list[str]:
        labels = dict(ReliefType.choices)
        return [labels[value] for value in self.relief_type_values()]

    def has_final_assessment(self) -> bool:
        return len(self.final_assessment) > 0

    def law_changed_since(self, completed_at: datetime.datetime | None) -> bool:
        """Whether the law changed after this completion (or update), so it no longer counts."""
        cutoff = law_change_cutoff(self.law_changed_on)
        return cutoff is not None and completed_at is not None and completed_at < cutoff

    def other_versions(self) -> list[CoursePage]:
        """The live versions of this course in other languages: its original and that original's translations."""
        original_id = self.translation_of_id or self.pk
        versions = (
            CoursePage.objects.live()
            .filter(models.Q(pk=original_id) | models.Q(translation_of_id=original_id))
            .exclude(pk=self.pk)
        )
        return list(versions.order_by("language", "title"))

    def lessons(self):
        return LessonPage.objects.child_of(self).live().order_by("path")

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(
            course_page_context(course=self, user=request.user, preview=getattr(request, "is_preview", False))
        )
        return context


class CourseFaculty(Orderable):
    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="faculty")
    name = models.CharField(max_length=120)
    title = models.CharField(max_length=200, blank=True)
    bio = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("title"), FieldPanel("bio")]

    def __str__(self) -> str:
        return self.name


class CourseAccreditation(Orderable):
    """One jurisdiction's CLE approval of a course: provider, numbers, dates, format and hours per category."""

    Format = AccreditationFormat

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="accreditations")
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="accreditations")
    provider_name = models.CharField(max_length=200)
    provider_number = models.CharField(max_length=60, blank=True)
    provider_contact = models.CharField(max_length=200, blank=True, help_text=_("Email or phone auditors can use."))
    course_number = models.CharField(_("course or activity number"), max_length=60, blank=True)
    approved_from = models.DateField(null=True, blank=True)
    approved_to = models.DateField(null=True, blank=True)
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.ON_DEMAND)
    counts_for_newly_admitted = models.BooleanField(default=True)
    verification_method = models.TextField(
        blank=True, help_text=_("How attendance is verified, e.g. attendance codes and a signed affirmation.")
    )
    credit_hours = StreamField([("credit", CreditHoursBlock())], blank=True, help_text=_("Hours per category."))

    panels = [
        FieldPanel("jurisdiction"),
        FieldRowPanel([FieldPanel("provider_name"), FieldPanel("provider_number")]),
        FieldPanel("provider_contact"),
        FieldRowPanel([FieldPanel("course_number"), FieldPanel("format")]),
        FieldRowPanel([FieldPanel("approved_from"), FieldPanel("approved_to")]),
        FieldPanel("counts_for_newly_admitted"),
        FieldPanel("verification_method"),
        FieldPanel("credit_hours"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("CLE accreditation")

    def __str__(self) -> str:
        return f"{self.jurisdiction.code} {self.course_number}".strip()

    def credit_lines(self, categories: dict[int, CreditCategory] | None = None) -> list[tuple[CreditCategory, Decimal]]:
        """(category, hours) pairs, in the jurisdiction's category order; unknown categories are skipped.

        Pass `categories` (pk -> CreditCategory) to avoid a query per accreditation in listings.
        """
        wanted: list[tuple[int, Decimal]] = []
        for block in self.credit_hours:
            try:
                wanted.append((int(block.value["category"]), Decimal(block.value["hours"])))
            except (TypeError, ValueError, KeyError):
                continue
        if categories is None:
            categories = CreditCategory.objects.in_bulk([pk for pk, _hours in wanted])
        lines = [(categories[pk], hours) for pk, hours in wanted if pk in categories]
        lines.sort(key=lambda line: (line[0].sort_order, line[0].name))
        return lines

    def total_hours(self, categories: dict[int, CreditCategory] | None = None) -> Decimal:
        return sum((hours for _category, hours in self.credit_lines(categories)), Decimal("0"))

    def is_current(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return (self.approved_from is None or self.approved_from <= on) and (
            self.approved_to is None or on <= self.approved_to
        )


class LessonPage(Page):
    """A lesson in a course: text, video with transcript, documents, callouts and knowledge checks."""

    estimated_minutes = models.PositiveIntegerField(default=15)
    law_as_of = models.DateField(
        _("law as of"),
        null=True,
        blank=True,
        help_text=_("The date on which the law this lesson states was last checked against its sources."),
    )
    law_reviewed_by = models.CharField(
        _("reviewed by"),
        max_length=200,
        blank=True,
        help_text=_('Name and role of the person who checked it, e.g. "Marisol Ruiz, supervising attorney".'),
    )
    body = StreamField(LessonBodyBlock(), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("estimated_minutes"),
        FieldRowPanel([FieldPanel("law_as_of"), FieldPanel("law_reviewed_by")], heading=_("Currency of the law")),
        FieldPanel("body"),
        InlinePanel(
            "attendance_codes",
            label=_("Attendance codes"),
            help_text=_("Shown to the learner after the given engaged minutes (random when empty)."),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")

    @property
    def course(self) -> CoursePage:
        return CoursePage.objects.get(pk=self.get_parent().pk)

    def serve(self, request, *args, **kwargs):
        from .views import lesson_serve

        return lesson_serve(request, lesson=self, parent_serve=super().serve, args=args, kwargs=kwargs)


class AttendanceCheckpoint(Orderable):
    """A code the learner must enter; revealed once server-counted time in the lesson reaches its offset."""

    lesson = ParentalKey(LessonPage, on_delete=models.CASCADE, related_name="attendance_codes")
    code = models.CharField(max_length=20, help_text=_("Kept secret from the page until it is due."))
    offset_minutes = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Engaged minutes into the lesson; empty for a random point.")
    )

    panels = [FieldRowPanel([FieldPanel("code"), FieldPanel("offset_minutes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("attendance code")

    def __str__(self) -> str:
        return str(_("Attendance code %(number)s") % {"number": (self.sort_order or 0) + 1})


# --- Learners' records ---------------------------------------------------------------------


class Enrollment(models.Model):
    """An attorney taking a course. Completion is set once, at the event that completes it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments")
    course = models.ForeignKey(CoursePage, on_delete=models.PROTECT, related_name="enrollments")
    enrolled_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    affirmation_signed_at = models.DateTimeField(null=True, blank=True)
    affirmation_text = models.TextField(blank=True, help_text=_("The exact text the attorney affirmed."))
    last_lesson = models.ForeignKey(LessonPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    last_heartbeat_at = models.DateTimeField(null=True, blank=True)
    law_update_taken_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("When the attorney last read what changed in the law; counts as completion after that date."),
    )

    class Meta:
        ordering = ["-enrolled_at"]
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="courses_enrollment_unique")]
        verbose_name = _("enrollment")
        verbose_name_plural = _("enrollments")

    def __str__(self) -> str:
        return f"{self.user} — {self.course}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None

    @property
    def update_required(self) -> bool:
        """Completed, but before the course's law changed, and the update not taken since."""
        if self.completed_at is None or not self.course.law_changed_since(self.completed_at):
            return False
        return self.law_update_taken_at is None or self.course.law_changed_since(self.law_update_taken_at)


class LessonProgress(models.Model):
    """Server-recorded time in a lesson: first visit, completion and engaged seconds from heartbeats."""

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="lesson_progress")
    lesson = models.ForeignKey(LessonPage, on_delete=models.PROTECT, related_name="progress")
    started_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    engaged_seconds = models.PositiveIntegerField(default=0)
    heartbeats = models.PositiveIntegerField(default=0)
    last_heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "lesson"], name="courses_lesson_progress_unique"),
        ]
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")


class AttendanceCodeEntry(models.Model):
    """One attendance code shown to a learner and what they entered."""

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="attendance_entries")
    lesson = models.ForeignKey(LessonPage, on_delete=models.PROTECT, related_name="+")
    checkpoint = models.ForeignKey(AttendanceCheckpoint, null=True, on_delete=models.SET_NULL, related_name="entries")
    prompt = models.CharField(max_length=200, help_text=_("Which code was asked for, as shown to the learner."))
    expected_code = models.CharField(max_length=20)
    reveal_after_seconds = models.PositiveIntegerField()
    revealed_at = models.DateTimeField(null=True, blank=True)
    entered_value = models.CharField(max_length=40, blank=True)
    correct = models.BooleanField(default=False)
    entered_at = models.DateTimeField(null=True, blank=True)
    tries = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["lesson__path", "reveal_after_seconds"]
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "checkpoint"], name="courses_code_entry_unique"),
        ]
        verbose_name = _("attendance code entry")
        verbose_name_plural = _("attendance code entries")


class QuizAttempt(models.Model):
    """One submitted attempt at a knowledge check or the final assessment, graded on the server."""

    class Kind(models.TextChoices):
        KNOWLEDGE_CHECK = "check", _("Knowledge check")
        FINAL = "final", _("Final assessment")

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="quiz_attempts")
    kind = models.CharField(max_length=5, choices=Kind.choices)
    lesson = models.ForeignKey(LessonPage, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    block_id = models.CharField(max_length=64, blank=True)
    token = models.UUIDField(
        default=uuid.uuid4, unique=True, help_text=_("One per attempt form: a resubmission is the same attempt.")
    )
    number = models.PositiveSmallIntegerField()
    started_at = models.DateTimeField()
    submitted_at = models.DateTimeField(default=timezone.now)
    score_percent = models.DecimalField(max_digits=5, decimal_places=2)
    passed = models.BooleanField()
    answers = models.JSONField(default=dict, help_text=_("Questions, chosen and correct choices, as graded."))

    class Meta:
        ordering = ["enrollment", "kind", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "kind", "lesson", "block_id", "number"], name="courses_quiz_attempt_number"
            ),
            # NULL lessons are distinct in a unique index, so the final assessment needs its own.
            models.UniqueConstraint(
                fields=["enrollment", "kind", "number"],
                condition=models.Q(lesson__isnull=True),
                name="courses_final_attempt_number",
            ),
        ]
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")


# --- Course evaluations ---------------------------------------------------------------------

EVALUATION_SCALE = [
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Neither agree nor disagree")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
]
EVALUATION_COMMENT_MAX_LENGTH = 1000
# The usual CLE evaluation statements, answered on the scale above (one field each below).
EVALUATION_QUESTIONS = [
    ("objectives", _("The course met its stated learning objectives.")),
    ("faculty", _("The faculty were knowledgeable and effective.")),
    ("materials", _("The written materials were useful and of high quality.")),
    ("relevance", _("The course is relevant to my pro bono practice.")),
    ("recommend", _("I would recommend this course to a colleague.")),
]


class CourseEvaluation(models.Model):
    """One attendee's answers to a course's evaluation form, kept without the attendee.

    There is deliberately no user, enrolment or timestamp here: the key is random (no
    sequence to line up with EvaluationSubmitted) and only the month is kept, for
    retention. Who answered is recorded apart, in EvaluationSubmitted.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    course = models.ForeignKey(CoursePage, on_delete=models.PROTECT, related_name="evaluations")
    month = models.DateField(help_text=_("First day of the month the form was answered in."))
    objectives = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    faculty = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    materials = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    relevance = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    recommend = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.TextField(blank=True, max_length=EVALUATION_COMMENT_MAX_LENGTH)

    class Meta:
        constraints = [  # noqa: RUF012
            models.CheckConstraint(
                condition=models.Q(**{f"{name}__gte": 1, f"{name}__lte": 5}), name=f"courses_evaluation_{name}_range"
            )
            for name, _label in EVALUATION_QUESTIONS
        ]
        verbose_name = _("course evaluation")
        verbose_name_plural = _("course evaluations")

    def __str__(self) -> str:
        return f"{self.course} — {self.month:%Y-%m}"


class EvaluationSubmitted(models.Model):
    """That an attorney answered (or declined) a course's evaluation, so they are asked once.

    It says nothing about the answers and carries no time, so it cannot be matched to a
    CourseEvaluation.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="+")
    declined = models.BooleanField(
        default=False, help_text=_("The attorney chose not to answer; they may still answer later.")
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="courses_evaluation_submitted_unique")]
        verbose_name = _("evaluation asked")
        verbose_name_plural = _("evaluations asked")

    def __str__(self) -> str:
        return f"{self.user_id} — {self.course_id}"


# --- Live and webinar sessions ---------------------------------------------------------------


def validate_time_zone(value: str) -> None:
    """An IANA time zone name this server knows (e.g. America/Chicago)."""
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise forms.ValidationError(
            _("“%(value)s” is not a time zone name. Use an IANA name such as America/New_York."),
            params={"value": value},
        ) from error


class CourseSession(Orderable):
    """A live presentation of the course, in a room or by webinar, that attorneys register for.

    Times are the wall-clock times in the session's own time zone, as the faculty will see
    them; the attendance code is read out during the session and never shown on the site.
    """

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        WEBINAR = "webinar", _("Webinar")

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="sessions")
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.WEBINAR)
    date = models.DateField(help_text=_("The day of the session, in its time zone."))
    start_time = models.TimeField(help_text=_("Start, local time in the session's time zone."))
    end_time = models.TimeField(help_text=_("End, the same day, local time in the session's time zone."))
    time_zone = models.CharField(
        max_length=64,
        default="America/New_York",
        validators=[validate_time_zone],
        help_text=_("IANA time zone name, e.g. America/New_York, America/Chicago, America/Los_Angeles."),
    )
    location = models.TextField(blank=True, help_text=_("Room and address (in person)."))
    join_url = models.URLField(blank=True, help_text=_("Link attendees use to join (webinar)."))
    capacity = models.PositiveIntegerField(default=50, validators=[MinValueValidator(1)])
    attendance_code = models.CharField(
        max_length=20,
        help_text=_("Read out by the faculty during the session; attorneys type it in. Never shown on the site."),
    )

    panels = [
        FieldRowPanel([FieldPanel("format"), FieldPanel("capacity")]),
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("time_zone"),
        FieldPanel("location"),
        FieldPanel("join_url"),
        FieldPanel("attendance_code"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("live session")
        verbose_name_plural = _("live sessions")

    def __str__(self) -> str:
        return f"{self.get_format_display()} {self.date:%Y-%m-%d} {self.start_time:%H:%M} {self.time_zone}"

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("The session must end after it starts (on the same day).")
        if self.format == self.Format.IN_PERSON and not self.location.strip():
            errors["location"] = _("Give the room and address of an in-person session.")
        if self.format == self.Format.WEBINAR and not self.join_url:
            errors["join_url"] = _("Give the link attendees use to join the webinar.")
        if errors:
            raise forms.ValidationError(errors)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def starts_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.start_time, tzinfo=self.zone)

    @property
    def ends_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.end_time, tzinfo=self.zone)

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def accreditation_format(self) -> str:
        """The CourseAccreditation format whose approvals this session earns credit under."""
        if self.format == self.Format.IN_PERSON:
            return CourseAccreditation.Format.LIVE
        return CourseAccreditation.Format.WEBCAST


class SessionRegistration(models.Model):
    """An attorney's seat at a live session, and what the server recorded of their attendance."""

    session = models.ForeignKey(CourseSession, on_delete=models.PROTECT, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_registrations")
    enrollment = models.ForeignKey(Enrollment, on_delete=models.PROTECT, related_name="session_registrations")
    registered_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    signed_in_at = models.DateTimeField(null=True, blank=True)
    signed_out_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the attorney signed out, or the session's end if they did not.")
    )
    code_entered_at = models.DateTimeField(null=True, blank=True, help_text=_("When the session code was entered."))
    code_tries = models.PositiveSmallIntegerField(default=0)
    attended_minutes = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("Overlap of sign-in to sign-out with the session, once it is recorded.")
    )
    completed_course = models.BooleanField(
        default=False, help_text=_("This attendance completed the attorney's enrolment in the course.")
    )

    class Meta:
        ordering = ["session", "registered_at"]
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="courses_session_registration_unique"),
        ]
        verbose_name = _("session registration")
        verbose_name_plural = _("session registrations")

    def __str__(self) -> str:
        return f"{self.user} — {self.session}"

    @property
    def is_active(self) -> bool:
        return self.cancelled_at is None


# --- Questions to the faculty ------------------------------------------------------------------

FACULTY_QUESTION_MAX_LENGTH = 2000


class FacultyQuestion(models.Model):
    """A question an attorney asks the course faculty from a lesson, and the faculty's answer."""

    lesson = models.ForeignKey(LessonPage, on_delete=models.PROTECT, related_name="faculty_questions")
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="faculty_questions")
    question = models.TextField(max_length=FACULTY_QUESTION_MAX_LENGTH)
    asked_at = models.DateTimeField(default=timezone.now)
    answer = models.TextField(blank=True, help_text=_("The faculty's answer; the attorney sees it on the lesson."))
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("lesson", read_only=True),
        FieldPanel("question", read_only=True),
        FieldPanel("answer"),
    ]

    class Meta:
        ordering = ["-asked_at"]
        verbose_name = _("question to the faculty")
        verbose_name_plural = _("questions to the faculty")

    def __str__(self) -> str:
        return f"{self.lesson.title}: {self.question[:60]}"

    @property
    def is_answered(self) -> bool:
        return bool(self.answer.strip())
