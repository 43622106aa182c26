"""The four roles. A person may hold several; no role implies another."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    VOLUNTEER = "volunteer", _("Volunteer attorney")
    MENTOR = "mentor", _("Mentor")
    PROGRAM_STAFF = "program_staff", _("Program staff")
    CONTENT_EDITOR = "content_editor", _("Content editor")


# Each role is a Django group, so content editors get Wagtail's permissions through
# the ordinary group machinery. Group names are what staff see in the Wagtail admin.
ROLE_GROUP_NAMES: dict[str, str] = {
    Role.VOLUNTEER: "Volunteer attorneys",
    Role.MENTOR: "Mentors",
    Role.PROGRAM_STAFF: "Program staff",
    Role.CONTENT_EDITOR: "Content editors",
}
