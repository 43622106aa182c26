from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from .page_cache import PubliclyCachedPage


class HomePage(PubliclyCachedPage, Page):
    """The landing page: what the program offers a volunteer attorney and how to start."""

    hero_heading = models.CharField(
        max_length=160,
        default="Stand beside survivors in immigration court",
        help_text=_("The first line a visiting attorney reads."),
    )
    hero_text = models.TextField(
        blank=True,
        help_text=_("One or two sentences under the heading."),
    )
    hero_cta_label = models.CharField(max_length=60, default="Join as a volunteer attorney")
    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ul", "ol"])
    how_it_works_heading = models.CharField(max_length=120, default="How it works")

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_cta_label")],
            heading=_("Hero"),
        ),
        FieldPanel("intro"),
        FieldPanel("how_it_works_heading"),
        InlinePanel("steps", label=_("How it works: steps"), max_num=6),
        InlinePanel("featured_courses", label=_("Featured courses"), max_num=6),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    def get_context(self, request, *args, **kwargs):
        from .selectors import featured_courses_for_home

        context = super().get_context(request, *args, **kwargs)
        context["featured_courses"] = featured_courses_for_home(home=self)
        return context


class HomePageStep(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(max_length=80)
    text = models.TextField(max_length=400)

    panels = [FieldPanel("title"), FieldPanel("text")]


class HomePageFeaturedCourse(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_courses")
    course = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("course", page_type="courses.CoursePage")]


@register_setting(icon="mail")
class ProgramContactSettings(BaseGenericSetting):
    """How attorneys and mentors reach program staff, shown wherever a page says "ask program staff".

    Write only the program's own details here: never a client's."""

    email = models.EmailField(_("program email"), blank=True)
    phone = models.CharField(_("program phone"), max_length=40, blank=True)
    hours = models.CharField(
        _("when staff answer"), max_length=120, blank=True, help_text=_("For example “Monday to Friday, 9:00–17:00”.")
    )

    panels = [FieldPanel("email"), FieldPanel("phone"), FieldPanel("hours")]

    class Meta:
        verbose_name = _("program contact")
