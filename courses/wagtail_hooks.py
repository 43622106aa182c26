"""Admin wiring for courses: CLE rules (jurisdictions, categories) and bar admissions as snippets."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import BarAdmission, CleRequirement, CreditCategory, FacultyQuestion, Jurisdiction
from .questions import faculty_question_answered
from .selectors import page_has_learning_records


class JurisdictionViewSet(SnippetViewSet):
    model = Jurisdiction
    icon = "globe"
    menu_label = _("Jurisdictions")
    list_display = ["name", "code", "credit_hour_minutes", "credit_increment", "reporting_cycle_months"]
    search_fields = ["name", "code"]


class CreditCategoryViewSet(SnippetViewSet):
    model = CreditCategory
    icon = "tag"
    menu_label = _("Credit categories")
    list_display = ["name", "code", "jurisdiction"]
    list_filter = ["jurisdiction"]
    search_fields = ["name", "code"]
    panels = [FieldPanel("jurisdiction"), FieldPanel("code"), FieldPanel("name"), FieldPanel("newly_admitted_formats")]


class CleRequirementViewSet(SnippetViewSet):
    model = CleRequirement
    icon = "list-ol"
    menu_label = _("Requirements")
    list_display = ["jurisdiction", "applies_to", "total_hours", "source_citation", "checked_on"]
    list_filter = ["jurisdiction", "applies_to"]
    search_fields = ["source_citation", "summary"]


class BarAdmissionViewSet(SnippetViewSet):
    model = BarAdmission
    icon = "user"
    menu_label = _("Bar admissions")
    list_display = ["user", "jurisdiction", "bar_number", "status", "admitted_on"]
    list_filter = ["jurisdiction", "status"]
    search_fields = ["bar_number"]
    panels = [
        FieldPanel("user"),
        FieldPanel("jurisdiction"),
        FieldPanel("bar_number"),
        FieldPanel("status"),
        FieldPanel("admitted_on"),
        FieldPanel("birth_date"),
        FieldPanel("roll_surname"),
    ]


class FacultyQuestionViewSet(SnippetViewSet):
    """Attorneys' questions from the lessons; editors and faculty write the answer the attorney then sees."""

    model = FacultyQuestion
    icon = "help"
    menu_label = _("Questions to the faculty")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["question", "lesson", "asked_at", "answered_at"]
    list_filter = {"answered_at": ["isnull"]}
    search_fields = ["question", "answer"]


register_snippet(FacultyQuestionViewSet)


@hooks.register("before_create_snippet")
def questions_come_from_attorneys(request, model):
    if model is FacultyQuestion:
        messages.info(request, gettext("Questions are asked by attorneys from a lesson; answer them here."))
        return redirect("wagtailsnippets_courses_facultyquestion:list")
    return None


@hooks.register("after_edit_snippet")
def note_faculty_answer(request, instance):
    if isinstance(instance, FacultyQuestion):
        faculty_question_answered(question=instance, by=request.user)


class CleRulesGroup(SnippetViewSetGroup):
    items = (JurisdictionViewSet, CreditCategoryViewSet, CleRequirementViewSet, BarAdmissionViewSet)
    menu_icon = "doc-full"
    menu_label = _("CLE rules")
    menu_name = "cle_rules"


register_snippet(CleRulesGroup)


@hooks.register("before_delete_page")
def keep_pages_with_learning_records(request, page):
    """Attendance records must be kept for audits (at least four years): unpublish instead of deleting."""
    if page_has_learning_records(page=page):
        messages.error(
            request,
            gettext(
                "This page has learners' records (enrolments, progress, attendance codes or quiz attempts) that "
                "must be kept for CLE audits. Unpublish it instead of deleting it."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("register_admin_urls")
def register_evaluation_report_url():
    return [
        path("courses/evaluations/", admin_views.evaluation_report, name="courses_evaluation_report"),
        path("courses/sessions/", admin_views.session_attendance_report, name="courses_session_attendance"),
    ]


class EvaluationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.EVALUATION_REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_evaluation_report():
    return EvaluationReportMenuItem(
        _("Course evaluations"),
        reverse("courses_evaluation_report"),
        name="course-evaluations",
        icon_name="list-ul",
        order=970,
    )


@hooks.register("register_reports_menu_item")
def register_session_attendance_report():
    return EvaluationReportMenuItem(
        _("Live session attendance"),
        reverse("courses_session_attendance"),
        name="session-attendance",
        icon_name="date",
        order=960,
    )
