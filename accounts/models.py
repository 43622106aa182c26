from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models, router, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .roles import ROLE_GROUP_NAMES, Role
from .sessions import user_sessions_end


class UserQuerySet(models.QuerySet):
    """Bulk writes that deactivate users end their sessions too (Wagtail's bulk action uses update())."""

    def update(self, **kwargs):
        if "is_active" not in kwargs:
            return super().update(**kwargs)
        with transaction.atomic(using=self.db):
            ids = list(self.values_list("pk", flat=True))
            rows = super().update(**kwargs)
            inactive = self.model._base_manager.using(self.db).filter(pk__in=ids, is_active=False)
            user_sessions_end(user_ids=inactive.values_list("pk", flat=True))
        return rows

    def bulk_update(self, objs, fields, batch_size=None):
        objs = list(objs)
        with transaction.atomic(using=self.db):
            rows = super().bulk_update(objs, fields, batch_size=batch_size)
            if "is_active" in fields:
                user_sessions_end(user_ids=[user.pk for user in objs if not user.is_active])
        return rows


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in: attorney, mentor, program staff or content editor."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(
        _("full name"),
        max_length=200,
        help_text=_("As it should appear on CLE certificates."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        default="en",
        help_text=_("Language for the site and emails."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = UserManager()

    class Meta:
        ordering = ["full_name", "email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.email

    def save(self, *args, **kwargs):
        # An inactive user has no session left on the server, however they were deactivated
        # (Wagtail's user editor, a service, a shell): reactivation must not revive old cookies.
        adding = self._state.adding
        update_fields = kwargs.get("update_fields")
        with transaction.atomic(using=kwargs.get("using") or router.db_for_write(type(self), instance=self)):
            super().save(*args, **kwargs)
            if not adding and not self.is_active and (update_fields is None or "is_active" in update_fields):
                user_sessions_end(user_ids=[self.pk])

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def roles(self) -> frozenset[str]:
        cached = getattr(self, "_roles_cache", None)
        if cached is None:
            names = set(self.groups.values_list("name", flat=True)) if self.pk else set()
            cached = frozenset(role for role, group in ROLE_GROUP_NAMES.items() if group in names)
            self._roles_cache = cached
        return cached

    def has_role(self, role: Role | str) -> bool:
        return self.is_active and str(role) in self.roles

    @property
    def is_volunteer(self) -> bool:
        return self.has_role(Role.VOLUNTEER)

    @property
    def is_mentor(self) -> bool:
        return self.has_role(Role.MENTOR)

    @property
    def is_program_staff(self) -> bool:
        return self.has_role(Role.PROGRAM_STAFF)

    @property
    def is_content_editor(self) -> bool:
        return self.has_role(Role.CONTENT_EDITOR)


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Audit events are append-only.")

    def delete(self):
        raise PermissionError("Audit events are append-only.")


class AuditEvent(models.Model):
    """An append-only record of an access: who, what, when, from where. Never the data."""

    class Action(models.TextChoices):
        READ = "read", _("Read")
        CREATE = "create", _("Create")
        CHANGE = "change", _("Change")
        DELETE = "delete", _("Delete")
        EXPORT = "export", _("Export")
        DENIED = "denied", _("Denied")
        SIGN_IN = "sign_in", _("Signed in")
        SIGN_IN_FAILED = "sign_in_failed", _("Sign-in failed")
        SIGN_OUT = "sign_out", _("Signed out")

    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=40, blank=True)
    # A route name such as "mentorship:case_detail", never a URL with parameters.
    view_name = models.CharField(max_length=120, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    detail = models.CharField(max_length=200, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M:%S} {self.actor_id} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit events are append-only.")
