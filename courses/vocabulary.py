"""Shared vocabulary: the forms of relief and practice skills that courses teach and cases seek."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReliefType(models.TextChoices):
    ASYLUM = "asylum", _("Asylum")
    WITHHOLDING_CAT = "withholding_cat", _("Withholding of removal / CAT")
    U_VISA = "u_visa", _("U visa")
    T_VISA = "t_visa", _("T visa")
    VAWA = "vawa", _("VAWA self-petition")
    SIJS = "sijs", _("Special Immigrant Juvenile Status")
    CANCELLATION = "cancellation", _("Cancellation of removal")
    ADJUSTMENT = "adjustment", _("Adjustment of status")
    PRACTICE_SKILLS = "practice_skills", _("Practice skills")


# Languages a course (and a video's captions) can be in.
INSTRUCTION_LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("ht", _("Haitian Creole")),
    ("pt", _("Portuguese")),
]
