"""Accounts: roles and sessions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .audit import audit_record
from .models import AuditEvent
from .roles import ROLE_GROUP_NAMES, Role

if TYPE_CHECKING:
    from django.http import HttpRequest

    from .models import User

SESSION_STARTED_KEY = "session_started_at"

# What the content editor group may do in the Wagtail admin. No user or group
# management: only superusers manage people (Wagtail lets user managers escalate).
# Authoring itself is granted per tree by courses/migrations/0007_content_editor_authoring.py:
# pages under the home page, and images and documents in the "Course materials" collection
# (Wagtail reads image and document permissions per collection, not from this list).
CONTENT_EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    # CLE administration (courses.certificates): list, correct, revoke, report, settings.
    ("certificates", "view_certificate"),
    ("certificates", "revoke_certificate"),
    ("certificates", "reissue_certificate"),
    ("certificates", "view_cle_reports"),
    ("certificates", "change_certificatesettings"),
    # Answering attorneys' questions to the faculty (courses.FacultyQuestion).
    ("courses", "view_facultyquestion"),
    ("courses", "change_facultyquestion"),
]


def roles_ensure_groups() -> dict[str, Group]:
    """Create the role groups and give content editors their Wagtail permissions."""
    groups = {}
    for role, name in ROLE_GROUP_NAMES.items():
        groups[role], _created = Group.objects.get_or_create(name=name)
    editor = groups[Role.CONTENT_EDITOR]
    for app_label, codename in CONTENT_EDITOR_PERMISSIONS:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            editor.permissions.add(permission)
    return groups


def user_set_roles(*, user: User, roles: list[str] | set[str]) -> User:
    groups = roles_ensure_groups()
    with transaction.atomic():
        user.groups.remove(*[groups[role] for role in ROLE_GROUP_NAMES if role not in roles])
        user.groups.add(*[groups[role] for role in roles])
    user._roles_cache = None
    return user


def user_add_role(*, user: User, role: str) -> User:
    return user_set_roles(user=user, roles=set(user.roles) | {role})


def user_update_details(*, user: User, full_name: str, preferred_language: str) -> list[str]:
    """Change the user's own name and interface language; returns the fields that changed.

    The audit row names the fields, never their values (a name can identify a survivor's
    attorney to whoever reads the log).
    """
    full_name = " ".join(full_name.split())
    if not full_name:
        raise ValidationError({"full_name": _("Enter your full name.")})
    if preferred_language not in dict(settings.LANGUAGES):
        raise ValidationError({"preferred_language": _("Choose a language from the list.")})
    changed = [
        field
        for field, value in (("full_name", full_name), ("preferred_language", preferred_language))
        if getattr(user, field) != value
    ]
    if not changed:
        return []
    with transaction.atomic():
        user.full_name = full_name
        user.preferred_language = preferred_language
        user.save(update_fields=changed)
        audit_record(actor=user, action=AuditEvent.Action.CHANGE, obj=user, detail="changed " + ", ".join(changed))
    return changed


def session_start(*, request: HttpRequest | None) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_STARTED_KEY] = timezone.now().timestamp()


def user_has_authenticator(*, user: User) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def user_must_use_mfa(*, user: User) -> bool:
    """Whether the user reaches case data or the Wagtail admin, and so needs an authenticator.

    The MFA roles (settings.MFA_REQUIRED_ROLES), and whoever can enter the Wagtail admin
    (superusers, and any group granted "access_admin"): the admin changes what attorneys
    are taught, revokes certificates and shows the CLE attendance record.
    """
    from django.conf import settings

    if not user.is_authenticated or not user.is_active:
        return False
    if any(user.has_role(role) for role in settings.MFA_REQUIRED_ROLES):
        return True
    return user.is_superuser or user.has_perm("wagtailadmin.access_admin")


def user_needs_mfa_enrolment(*, user: User) -> bool:
    return user_must_use_mfa(user=user) and not user_has_authenticator(user=user)


def user_language_set(*, user: User, language: str) -> User:
    """Remember the interface language a signed-in user chose; emails to them follow it too.

    A code outside settings.LANGUAGES is refused, so a forged form never stores a
    language the site cannot show.
    """
    if language not in dict(settings.LANGUAGES):
        raise ValueError(language)
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
    return user


def user_language(*, user: User) -> str | None:
    """The interface language a signed-in user chose, if the site still offers it."""
    language = getattr(user, "preferred_language", "") or ""
    return language if language in dict(settings.LANGUAGES) else None


def language_activate_for(*, request: HttpRequest | None, user: User) -> None:
    """At sign-in, switch the rest of the request (the "signed in" message, the redirect)
    to the user's language; later requests get it from UserLanguageMiddleware."""
    language = user_language(user=user)
    if language:
        translation.activate(language)
        if request is not None:
            request.LANGUAGE_CODE = translation.get_language()


def recipient_language(*, user: User) -> translation.override:
    """Translation switched to the language a user chose, for an email to them: what the
    recipient reads follows their choice, not the language of whoever caused the email."""
    return translation.override(user_language(user=user) or settings.LANGUAGE_CODE)
