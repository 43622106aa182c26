"""The site navigation, by role. Items whose route is not installed are left out."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .roles import Role


@dataclass(frozen=True)
class NavItem:
    label: str
    route: str
    role: str | None = None  # None: every signed-in user; "anonymous": signed-out only; "public": everyone


NAV_ITEMS = [
    NavItem(_("Courses"), "courses:catalog", "public"),
    NavItem(_("Verify a certificate"), "certificates:verify_form", "anonymous"),
    NavItem(_("Dashboard"), "dashboard"),
    NavItem(_("My CLE"), "certificates:transcript", Role.VOLUNTEER),
    NavItem(_("My cases"), "mentorship:my_cases", Role.VOLUNTEER),
    NavItem(_("My mentees"), "mentorship:mentor_home", Role.MENTOR),
    NavItem(_("Staff area"), "staff:home", Role.PROGRAM_STAFF),
    NavItem(_("Edit content"), "wagtailadmin_home", Role.CONTENT_EDITOR),
]


def navigation_for(user) -> list[dict]:
    items = []
    for item in NAV_ITEMS:
        if item.role == "anonymous" and user.is_authenticated:
            continue
        if item.role not in (None, "public", "anonymous") and not (user.is_authenticated and user.has_role(item.role)):
            continue
        if item.role is None and not user.is_authenticated:
            continue
        try:
            url = reverse(item.route)
        except NoReverseMatch:
            continue
        items.append({"label": item.label, "url": url, "route": item.route})
    return items
