"""Admin wiring for courses: CLE rules (jurisdictions, categories) and bar admissions as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import BarAdmission, CreditCategory, Jurisdiction


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
    panels = [FieldPanel("jurisdiction"), FieldPanel("code"), FieldPanel("name")]


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
    ]


class CleRulesGroup(SnippetViewSetGroup):
    items = (JurisdictionViewSet, CreditCategoryViewSet, BarAdmissionViewSet)
    menu_icon = "doc-full"
    menu_label = _("CLE rules")
    menu_name = "cle_rules"


register_snippet(CleRulesGroup)
