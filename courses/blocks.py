"""StreamField blocks for lessons and final assessments.

Question blocks hold the correct answers; their templates never print them. Learners
see prompts and choices only, and grading happens on the server (`courses.grading`).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from .vocabulary import INSTRUCTION_LANGUAGES


class AnswerChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=400, label=_("Choice"))
    correct = blocks.BooleanBlock(required=False, label=_("Correct"))

    class Meta:
        icon = "tick"
        label = _("Choice")


class QuestionBlock(blocks.StructBlock):
    """A multiple-choice question. Mark every correct choice; learners never see the marks."""

    prompt = blocks.TextBlock(label=_("Question"))
    allow_multiple = blocks.BooleanBlock(
        required=False,
        label=_("Several choices may be correct"),
        help_text=_("Learners then tick every correct choice; otherwise they pick one."),
    )
    choices = blocks.ListBlock(AnswerChoiceBlock(), min_num=2, label=_("Choices"))
    explanation = blocks.TextBlock(
        required=False,
        label=_("Explanation"),
        help_text=_("Shown after the learner submits, with the result."),
    )

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value):
        value = super().clean(value)
        correct = [choice for choice in value["choices"] if choice["correct"]]
        if not correct:
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Mark at least one choice as correct."))}
            )
        if len(correct) > 1 and not value["allow_multiple"]:
            raise StructBlockValidationError(
                block_errors={
                    "choices": ValidationError(
                        _("Only one choice may be correct unless 'several choices may be correct' is ticked.")
                    )
                }
            )
        return value


class KnowledgeCheckBlock(blocks.StructBlock):
    """A short ungraded-for-credit check inside a lesson, graded on the server."""

    heading = blocks.CharBlock(max_length=120, default=_("Check your understanding"))
    questions = blocks.ListBlock(QuestionBlock(), min_num=1, label=_("Questions"))

    class Meta:
        icon = "help"
        label = _("Knowledge check")
        template = "courses/blocks/knowledge_check.html"


class VideoBlock(blocks.StructBlock):
    """A video, self-hosted (uploaded as a document) or at an external address, always with a transcript."""

    title = blocks.CharBlock(max_length=200)
    video_file = DocumentChooserBlock(
        required=False,
        label=_("Self-hosted video file"),
        help_text=_("An MP4 or WebM uploaded to Documents."),
    )
    external_url = blocks.URLBlock(
        required=False,
        label=_("External video address"),
        help_text=_("Used when the video is hosted elsewhere; learners open it in a new tab."),
    )
    captions = DocumentChooserBlock(
        required=False,
        label=_("Captions (WebVTT)"),
        help_text=_("A .vtt captions file uploaded to Documents. Required for a self-hosted video."),
    )
    captions_language = blocks.ChoiceBlock(
        choices=INSTRUCTION_LANGUAGES, default="en", label=_("Language of the captions")
    )
    duration_minutes = blocks.IntegerBlock(required=False, min_value=1, label=_("Duration (minutes)"))
    transcript = blocks.RichTextBlock(
        features=["bold", "italic", "ul", "ol", "h3"],
        label=_("Transcript"),
        help_text=_("Required: every video has a full transcript for accessibility."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("video_file") and not value.get("external_url"):
            raise StructBlockValidationError(
                block_errors={"video_file": ValidationError(_("Choose a video file or give an external address."))}
            )
        captions = value.get("captions")
        if value.get("video_file") and not captions:
            raise StructBlockValidationError(
                block_errors={"captions": ValidationError(_("Upload the video's captions (a .vtt file) with it."))}
            )
        if captions and not captions.filename.lower().endswith(".vtt"):
            raise StructBlockValidationError(
                block_errors={"captions": ValidationError(_("Captions must be a WebVTT (.vtt) file."))}
            )
        return value


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    description = blocks.CharBlock(required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Downloadable document")
        template = "courses/blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("note", _("Note")), ("practice", _("Practice tip")), ("warning", _("Warning"))],
        default="note",
    )
    heading = blocks.CharBlock(max_length=160, required=False)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "courses/blocks/callout.html"


class LessonBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "link", "ul", "ol", "blockquote"],
        label=_("Rich text"),
    )
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    knowledge_check = KnowledgeCheckBlock()


class AssessmentBlock(blocks.StreamBlock):
    question = QuestionBlock()


def credit_category_choices() -> list[tuple[str, str]]:
    """Credit categories as "jurisdiction — category", for the accreditation hours editor."""
    from .models import CreditCategory

    return [
        (str(category.pk), f"{category.jurisdiction.code} — {category.name}")
        for category in CreditCategory.objects.select_related("jurisdiction").order_by(
            "jurisdiction__code", "sort_order", "name"
        )
    ]


class CreditCategoryChoiceBlock(blocks.ChoiceBlock):
    """A credit category by id (kept as text). Reading stored values needs no lookup of the choices,
    which would otherwise query the categories once per accreditation when a page renders."""

    def to_python(self, value):
        return None if value is None else str(value)

    def normalize(self, value):
        return None if value is None else str(value)


class CreditHoursBlock(blocks.StructBlock):
    category = CreditCategoryChoiceBlock(choices=credit_category_choices, label=_("Category"))
    hours = blocks.DecimalBlock(min_value=0, max_digits=5, decimal_places=2, label=_("Credit hours"))

    class Meta:
        icon = "time"
        label = _("Credit hours")
