"""Mentorship data: attorney and mentor profiles, cases, offers, placements, check-ins.

Cases hold the minimum identifying data a program needs (an opaque reference and the
client's initials). Narrative notes and adverse-party names are encrypted at rest.
Who may see what is decided in ``mentorship.policy``, never here.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.vocabulary import ReliefType

from .fields import EncryptedTextField
from .languages import validate_country_code, validate_language_code, validate_language_codes


def _relief_types_validator(values) -> None:
    from django.core.exceptions import ValidationError

    if not isinstance(values, list) or any(v not in ReliefType.values for v in values):
        raise ValidationError(_("Unknown relief type."))


# ---------------------------------------------------------------------------
# Profiles


class AttorneyProfile(models.Model):
    """What a volunteer attorney can take on: capacity, languages, relief experience, reach.

    Completed training and bar admissions come from ``courses``; they are not re-entered here.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attorney_profile")
    firm_name = models.CharField(_("firm or organisation"), max_length=200, blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("maximum active cases"), default=1, validators=[MaxValueValidator(20)]
    )
    paused_until = models.DateField(_("not taking cases until"), null=True, blank=True)
    detained_ok = models.BooleanField(_("willing to take detained-docket cases"), default=False)
    remote_ok = models.BooleanField(_("can work remotely"), default=True)
    locations = models.JSONField(
        _("courts and locations reachable"), default=list, blank=True,
        help_text=_("Immigration courts, asylum offices or detention facilities."),
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attorney profile")

    def __str__(self) -> str:
        return f"AttorneyProfile #{self.pk}"


class AttorneyLanguage(models.Model):
    profile = models.ForeignKey(AttorneyProfile, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("language (ISO 639-3)"), max_length=3, validators=[validate_language_code])
    ilr_level = models.PositiveSmallIntegerField(
        _("ILR speaking level"), validators=[MinValueValidator(0), MaxValueValidator(5)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile", "code"], name="attorney_language_unique"),
            models.CheckConstraint(condition=Q(ilr_level__lte=5), name="attorney_language_ilr_0_5"),
        ]
        ordering = ["-ilr_level", "code"]

    def __str__(self) -> str:
        return f"{self.code}:{self.ilr_level}"


class ExperienceLevel(models.IntegerChoices):
    NONE = 0, _("None")
    SOME = 1, _("Some (1–2 matters)")
    EXPERIENCED = 2, _("Experienced")
    EXPERT = 3, _("Expert")


class AttorneyReliefExperience(models.Model):
    profile = models.ForeignKey(AttorneyProfile, on_delete=models.CASCADE, related_name="relief_experience")
    relief_type = models.CharField(max_length=32, choices=ReliefType.choices)
    level = models.PositiveSmallIntegerField(choices=ExperienceLevel.choices, default=ExperienceLevel.NONE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile", "relief_type"], name="attorney_relief_unique"),
            models.CheckConstraint(condition=Q(level__lte=3), name="attorney_relief_level_0_3"),
        ]
        ordering = ["relief_type"]

    def __str__(self) -> str:
        return f"{self.relief_type}:{self.level}"


class MentorProfile(models.Model):
    """A mentor's expertise, languages and how many mentees they can support."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_profile")
    max_mentees = models.PositiveSmallIntegerField(_("maximum mentees"), default=3, validators=[MaxValueValidator(30)])
    available = models.BooleanField(_("available for new mentees"), default=True)
    availability_note = models.CharField(_("availability"), max_length=200, blank=True)
    expertise = models.JSONField(
        _("relief-type expertise"), default=list, blank=True, validators=[_relief_types_validator]
    )
    languages = models.JSONField(
        _("languages (ISO 639-3)"), default=list, blank=True, validators=[validate_language_codes]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mentor profile")

    def __str__(self) -> str:
        return f"MentorProfile #{self.pk}"


# ---------------------------------------------------------------------------
# Cases


class CaseStatus(models.TextChoices):
    INTAKE = "intake", _("Intake")
    SEEKING = "seeking", _("Seeking attorney")
    OFFERED = "offered", _("Offered")
    PLACED = "placed", _("Placed")
    CLOSED = "closed", _("Closed")


class Case(models.Model):
    """A survivor's matter, with minimal identifying data (reference and initials only)."""

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    client_initials = models.CharField(_("client initials"), max_length=4)
    country_of_origin = models.CharField(
        _("country of origin"), max_length=2, blank=True, validators=[validate_country_code]
    )
    languages = models.JSONField(_("client languages (ISO 639-3)"), default=list, validators=[validate_language_codes])
    min_ilr_level = models.PositiveSmallIntegerField(
        _("minimum ILR speaking level"), default=3, validators=[MaxValueValidator(5)]
    )
    interpreter_arranged = models.BooleanField(_("qualified interpreter arranged"), default=False)
    relief_types = models.JSONField(_("relief sought"), default=list, validators=[_relief_types_validator])
    detained = models.BooleanField(_("detained"), default=False)
    court = models.CharField(_("court or asylum office"), max_length=120, blank=True)
    location = models.CharField(_("location"), max_length=120, blank=True)
    requires_bar_jurisdiction = models.CharField(
        _("bar admission required in"), max_length=64, null=True, blank=True,
        help_text=_("Leave empty when admission in any U.S. jurisdiction suffices."),
    )  # fmt: skip
    status = models.CharField(max_length=16, choices=CaseStatus.choices, default=CaseStatus.INTAKE, db_index=True)
    status_reason = models.CharField(_("reason for status"), max_length=200, blank=True)
    confidential_notes = EncryptedTextField(_("confidential notes"), blank=True)
    adverse_parties = EncryptedTextField(
        _("adverse parties"), blank=True, help_text=_("One name per line, for conflict checks.")
    )
    adverse_party_hashes = models.JSONField(default=list, blank=True, editable=False)
    related_cases = models.ManyToManyField(
        "self",
        blank=True,
        verbose_name=_("related cases"),
        help_text=_("The cases of the client's family members: matching favours the attorney who has one."),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="cases_created")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Set when the retention purge cleared what identifies the client (see services/retention.py).
    purged_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(min_ilr_level__lte=5), name="case_min_ilr_0_5"),
        ]

    def __str__(self) -> str:
        return self.reference

    def adverse_party_names(self) -> list[str]:
        return [line.strip() for line in (self.adverse_parties or "").splitlines() if line.strip()]


class CaseDateKind(models.TextChoices):
    ONE_YEAR_DEADLINE = "one_year_deadline", _("One-year asylum filing deadline")
    HEARING = "hearing", _("Hearing")
    MERITS_HEARING = "merits_hearing", _("Merits hearing")
    FILING_DEADLINE = "filing_deadline", _("Filing deadline")
    U_VISA_CERT_EXPIRY = "u_visa_cert_expiry", _("U visa certification expiry")
    OTHER = "other", _("Other")


# Dates whose passing can cost the client the relief itself: matching treats a case with one
# near as urgent, and the deadline watch follows each until it is marked filed.
HARD_DATE_KINDS = (
    CaseDateKind.ONE_YEAR_DEADLINE,
    CaseDateKind.MERITS_HEARING,
    CaseDateKind.FILING_DEADLINE,
    CaseDateKind.U_VISA_CERT_EXPIRY,
)


class CaseDate(models.Model):
    """A key date; computing legal deadlines is staff's call, so each carries its provenance.

    A hard date is marked filed (or held) by staff or the placed attorney; the mark closes it
    on the deadline watch."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="dates")
    kind = models.CharField(max_length=32, choices=CaseDateKind.choices)
    date = models.DateField()
    source = models.CharField(_("source"), max_length=200, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="case_dates_verified"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    filed_at = models.DateTimeField(_("marked filed"), null=True, blank=True, editable=False)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="case_dates_filed",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.date}"

    @property
    def is_hard(self) -> bool:
        return self.kind in HARD_DATE_KINDS


class CaseStatusChange(models.Model):
    """History of a case's status: who changed it, when and why."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=16, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=CaseStatus.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="case_status_changes"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status}→{self.to_status}"


class Conflict(models.Model):
    """An attorney (or their firm) conflicted out of a case or an adverse party.

    Adverse parties are matched through a keyed hash of the normalised name: the name
    itself is never stored here.
    """

    attorney = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="conflicts"
    )
    firm_name = models.CharField(max_length=200, blank=True)
    firm_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.CASCADE, related_name="conflicts")
    adverse_party_hash = models.CharField(max_length=64, blank=True, db_index=True)
    reason = EncryptedTextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="conflicts_recorded"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(attorney__isnull=False) | ~Q(firm_hash=""), name="conflict_has_attorney_or_firm"
            ),
            models.CheckConstraint(
                condition=Q(case__isnull=False) | ~Q(adverse_party_hash=""), name="conflict_has_case_or_party"
            ),
        ]
        ordering = ["-recorded_at", "-id"]

    def __str__(self) -> str:
        return f"Conflict #{self.pk}"


# ---------------------------------------------------------------------------
# Offers and placements


class OfferStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    RELEASED = "released", _("Placement ended")


LIVE_OFFER_STATUSES = (OfferStatus.PENDING, OfferStatus.ACCEPTED)


class TeamRole(models.TextChoices):
    """A placed attorney's place on the case team. The lead is the case's placement; co-counsel
    and a supervising attorney join a case once it is placed, each with their own offer."""

    LEAD = "lead", _("Lead attorney")
    CO_COUNSEL = "co_counsel", _("Co-counsel")
    SUPERVISING = "supervising", _("Supervising attorney")


TEAM_ROLES = (TeamRole.CO_COUNSEL, TeamRole.SUPERVISING)


class CaseOffer(models.Model):
    """An offer of a case to one attorney, with an expiry. Every attempt is kept."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="offers")
    attorney = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_offers")
    role = models.CharField(_("role on the case team"), max_length=20, choices=TeamRole.choices, default=TeamRole.LEAD)
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="case_offers_sent"
    )
    offered_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    status = models.CharField(max_length=16, choices=OfferStatus.choices, default=OfferStatus.PENDING, db_index=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.CharField(max_length=300, blank=True)
    cascade = models.BooleanField(_("offer to the next ranked attorney on decline or expiry"), default=False)
    rank = models.PositiveSmallIntegerField(null=True, blank=True)
    party_names_viewed_at = models.DateTimeField(null=True, blank=True)
    conflict_check_confirmed_at = models.DateTimeField(null=True, blank=True)
    # Staff sent the offer although hard constraints failed: which ones (codes, and their
    # wording at the time), why, who and when. Accepting ignores only these constraints.
    override_reason = EncryptedTextField(_("reason for the override"), blank=True)
    override_codes = models.JSONField(default=list, blank=True)
    override_texts = models.JSONField(default=list, blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="case_offer_overrides"
    )
    overridden_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-offered_at", "-id"]
        constraints = [
            # For the lead; team offers are checked under the case's row lock (one per attorney).
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(status__in=["pending", "accepted"], role="lead"),
                name="one_live_offer_per_case",
            ),
        ]

    def __str__(self) -> str:
        return f"CaseOffer #{self.pk}"

    def is_expired(self, now=None) -> bool:
        return (now or timezone.now()) >= self.expires_at

    @property
    def has_override(self) -> bool:
        return bool(self.override_codes)


class CaseInterest(models.Model):
    """An attorney browsing open cases said they would like this one."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="interests")
    attorney = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_interests")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "attorney"], name="case_interest_unique")]
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"CaseInterest #{self.pk}"


class Representation(models.TextChoices):
    """Whether the survivor still had a lawyer once the placement ended."""

    YES = "yes", _("Yes, still represented")
    NO = "no", _("No, unrepresented")
    UNKNOWN = "unknown", _("Not known")


class ReliefResult(models.TextChoices):
    GRANTED = "granted", _("Granted")
    DENIED = "denied", _("Denied")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ADMINISTRATIVELY_CLOSED = "administratively_closed", _("Administratively closed")
    TRANSFERRED = "transferred", _("Transferred to other counsel")
    NO_DECISION = "no_decision", _("No decision yet")


class Placement(models.Model):
    """An attorney representing a case: at most one open lead placement per case, and beside it
    the case team's co-counsel and supervising attorney, each an open placement of their own."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="placements")
    attorney = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="placements")
    offer = models.OneToOneField(CaseOffer, null=True, blank=True, on_delete=models.SET_NULL, related_name="placement")
    role = models.CharField(_("role on the case team"), max_length=20, choices=TeamRole.choices, default=TeamRole.LEAD)
    placed_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_reason = models.CharField(max_length=200, blank=True)
    remained_represented = models.CharField(
        _("the survivor remained represented"), max_length=10, choices=Representation.choices, blank=True
    )

    class Meta:
        ordering = ["-placed_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"], condition=Q(closed_at__isnull=True, role="lead"), name="one_open_placement_per_case"
            ),
            models.UniqueConstraint(
                fields=["case", "attorney"],
                condition=Q(closed_at__isnull=True),
                name="one_open_placement_per_case_and_attorney",
            ),
        ]

    def __str__(self) -> str:
        return f"Placement #{self.pk}"


class PlacementOutcome(models.Model):
    """What one relief the case sought came to by the end of a placement: the program's
    outcome figures (aggregate only, small cells suppressed). Nothing in it names the survivor,
    so it outlives the case's retention purge."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="outcomes")
    relief_type = models.CharField(_("relief sought"), max_length=40, choices=ReliefType.choices)
    result = models.CharField(_("result"), max_length=30, choices=ReliefResult.choices)
    decided_on = models.DateField(_("decision date"), null=True, blank=True)
    appeal_filed = models.BooleanField(_("appeal filed"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["placement_id", "relief_type"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "relief_type"], name="one_outcome_per_relief_per_placement")
        ]

    def __str__(self) -> str:
        return f"Outcome #{self.pk}"


class Message(models.Model):
    """One message in a placement's conversation between its attorney, mentor and program staff.
    The text is encrypted at rest and never leaves the site: notifications only say there is one."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = EncryptedTextField(_("message"))
    # A case document the message points to (never a copy: who may open it is the document's rule).
    document = models.ForeignKey(
        "CaseDocument", on_delete=models.SET_NULL, null=True, blank=True, related_name="messages"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["sent_at", "id"]
        indexes = [models.Index(fields=["placement", "sent_at"])]

    def __str__(self) -> str:
        return f"Message #{self.pk}"


class ConversationRead(models.Model):
    """How far one person has read a placement's conversation (for unread counts)."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["placement", "user"], name="one_read_mark_per_conversation")]

    def __str__(self) -> str:
        return f"Read mark #{self.pk}"


# ---------------------------------------------------------------------------
# Mentoring


class MentorshipStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")


class Mentorship(models.Model):
    """A mentor beside an attorney on a placed case."""

    placement = models.ForeignKey(
        Placement, null=True, blank=True, on_delete=models.CASCADE, related_name="mentorships"
    )
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.CASCADE, related_name="mentorships")
    mentor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="mentorships_as_mentor")
    mentee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="mentorships_as_mentee")
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentorships_assigned"
    )
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    cadence_days = models.PositiveSmallIntegerField(_("check-in every (days)"), default=30)
    status = models.CharField(max_length=16, choices=MentorshipStatus.choices, default=MentorshipStatus.ACTIVE)

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement"], condition=Q(status="active"), name="one_active_mentorship_per_placement"
            ),
            models.CheckConstraint(condition=~Q(mentor=models.F("mentee")), name="mentorship_not_self"),
        ]

    def __str__(self) -> str:
        return f"Mentorship #{self.pk}"


class MentoringGoal(models.Model):
    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(max_length=200)
    due_on = models.DateField(null=True, blank=True)
    done = models.BooleanField(default=False)
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["done", "due_on", "id"]

    def __str__(self) -> str:
        return f"MentoringGoal #{self.pk}"


class CheckInMode(models.TextChoices):
    VIDEO = "video", _("Video call")
    PHONE = "phone", _("Phone")
    IN_PERSON = "in_person", _("In person")
    MESSAGE = "message", _("Written message")


class CheckIn(models.Model):
    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="checkins")
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="checkins_logged"
    )
    occurred_on = models.DateField()
    mode = models.CharField(max_length=16, choices=CheckInMode.choices, default=CheckInMode.VIDEO)
    topics = models.JSONField(default=list, blank=True)
    minutes = models.PositiveIntegerField(default=0)
    next_steps = models.TextField(blank=True)
    needs_staff_attention = models.BooleanField(default=False)
    notes = EncryptedTextField(blank=True)
    pairing_rating = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(pairing_rating__isnull=True) | Q(pairing_rating__gte=1, pairing_rating__lte=5),
                name="checkin_rating_1_5",
            ),
        ]

    def __str__(self) -> str:
        return f"CheckIn #{self.pk}"


class HoursEntry(models.Model):
    """Pro bono hours an attorney spent on a case."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="hours_entries")
    attorney = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hours_entries")
    worked_on = models.DateField()
    hours = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal("24"))],
    )
    description = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Staff approval is the provider's affirmation: only approved hours count toward CLE.
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rejected_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-worked_on", "-id"]
        verbose_name_plural = "hours entries"
        constraints = [
            models.CheckConstraint(condition=Q(hours__gt=0) & Q(hours__lte=24), name="hours_entry_positive"),
            models.CheckConstraint(
                condition=Q(approved_at__isnull=True) | Q(rejected_at__isnull=True), name="hours_entry_one_decision"
            ),
        ]

    @property
    def status(self) -> str:
        if self.approved_at is not None:
            return "approved"
        if self.rejected_at is not None:
            return "rejected"
        return "pending"

    def __str__(self) -> str:
        return f"HoursEntry #{self.pk}"


class ReminderSent(models.Model):
    """One row per reminder sent: the unique key makes sending idempotent."""

    kind = models.CharField(max_length=40)
    object_key = models.CharField(max_length=100)
    threshold = models.CharField(max_length=40)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders_sent")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_key", "threshold", "recipient"], name="reminder_sent_once"),
        ]

    def __str__(self) -> str:
        return f"ReminderSent #{self.pk}"


class CalendarFeedToken(models.Model):
    """A private calendar feed; only the hash of the secret token is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed_tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    # Off: events say "Case date"; on: the kind ("One-year asylum filing deadline"), which tells
    # anyone who sees the phone's calendar what relief the client seeks. The owner chooses.
    show_date_kinds = models.BooleanField(_("show the kind of each date"), default=False)

    def __str__(self) -> str:
        return f"CalendarFeedToken #{self.pk}"


# ---------------------------------------------------------------------------
# Staff-set configuration


DEADLINE_WATCH_DAYS_DEFAULT = (30, 14, 7, 3, 1)
DEADLINE_WATCH_MAX_THRESHOLDS = 10


def deadline_watch_days_default() -> list[int]:
    return list(DEADLINE_WATCH_DAYS_DEFAULT)


def validate_deadline_watch_days(value) -> None:
    """Whole days before a hard date at which staff are emailed: positive, each once, at most ten,
    largest first (the form sorts what staff type)."""
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Give at least one number of days."), code="required")
    if any(isinstance(day, bool) or not isinstance(day, int) for day in value):
        raise ValidationError(_("Give whole numbers of days."), code="invalid")
    if any(day < 1 for day in value):
        raise ValidationError(_("Every number of days must be 1 or more."), code="min_value")
    if len(value) > DEADLINE_WATCH_MAX_THRESHOLDS:
        raise ValidationError(
            _("Give at most %(max)d numbers of days."), code="max_length", params={"max": DEADLINE_WATCH_MAX_THRESHOLDS}
        )
    duplicates = sorted({day for day in value if value.count(day) > 1}, reverse=True)
    if duplicates:
        raise ValidationError(
            _("Give each number of days once (repeated: %(days)s)."),
            code="duplicate",
            params={"days": ", ".join(str(day) for day in duplicates)},
        )
    if value != sorted(value, reverse=True):
        raise ValidationError(_("List the numbers of days from the largest to the smallest."), code="order")


class MatchingSettings(models.Model):
    """Weights for the soft score and offer defaults; one row, edited in the staff area."""

    weight_language = models.PositiveSmallIntegerField(
        _("weight: language proficiency"), default=20, validators=[MaxValueValidator(100)]
    )
    weight_relief_experience = models.PositiveSmallIntegerField(
        _("weight: relief-type experience"), default=20, validators=[MaxValueValidator(100)]
    )
    weight_urgency = models.PositiveSmallIntegerField(
        _("weight: experience for pressing cases"),
        default=15,
        validators=[MaxValueValidator(100)],
        help_text=_("Detained cases and cases with a hard date near favour the most experienced attorneys."),
    )
    weight_geography = models.PositiveSmallIntegerField(
        _("weight: reaches the court or location"), default=10, validators=[MaxValueValidator(100)]
    )
    weight_load = models.PositiveSmallIntegerField(
        _("weight: lighter current load"), default=15, validators=[MaxValueValidator(100)]
    )
    weight_interest = models.PositiveSmallIntegerField(
        _("weight: asked for the case"), default=10, validators=[MaxValueValidator(100)]
    )
    weight_continuity = models.PositiveSmallIntegerField(
        _("weight: represents a related case"),
        default=10,
        validators=[MaxValueValidator(100)],
        help_text=_("The attorney of a family member's case."),
    )
    weight_mentor = models.PositiveSmallIntegerField(
        _("weight: a mentor with free capacity exists"), default=10, validators=[MaxValueValidator(100)]
    )
    min_ilr_default = models.PositiveSmallIntegerField(
        _("minimum ILR speaking level proposed at intake"),
        default=3,
        validators=[MaxValueValidator(5)],
        help_text=_("0–5; staff can change it for each case."),
    )
    urgent_within_days = models.PositiveSmallIntegerField(_("a hard date within this many days is urgent"), default=60)
    urgent_min_experience = models.PositiveSmallIntegerField(
        _("minimum experience level for urgent cases"), default=ExperienceLevel.SOME, choices=ExperienceLevel.choices
    )
    offer_expiry_days = models.PositiveSmallIntegerField(
        _("days an attorney has to answer an offer"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )
    cascade_default = models.BooleanField(
        _("on decline or expiry, offer the case to the next ranked attorney"), default=True
    )
    deadline_watch_days = models.JSONField(
        _("email staff this many days before an unfiled hard date"),
        default=deadline_watch_days_default,
        validators=[validate_deadline_watch_days],
        help_text=_(
            "Days before a hard date at which program staff are emailed, e.g. 30, 14, 7, 3, 1; "
            "each no larger than the urgent window."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("matching settings")
        verbose_name_plural = _("matching settings")

    def __str__(self) -> str:
        return "Matching settings"

    def clean(self) -> None:
        days = self.deadline_watch_days
        if isinstance(days, list) and days and all(isinstance(d, int) for d in days):
            if self.urgent_within_days is not None and max(days) > self.urgent_within_days:
                # The email links to the watch list, which shows only the urgent window.
                message = _("Every number of days must be within the urgent window (%(window)d days).")
                raise ValidationError({"deadline_watch_days": message % {"window": self.urgent_within_days}})

    @classmethod
    def load(cls) -> MatchingSettings:
        obj, _created = cls.objects.get_or_create(pk=1)
        return obj


class ReliefTypeRequirement(models.Model):
    """A course staff require before an attorney may be offered cases seeking this relief."""

    relief_type = models.CharField(max_length=32, choices=ReliefType.choices)
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="relief_requirements")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["relief_type", "course"], name="relief_requirement_unique"),
        ]
        ordering = ["relief_type", "course_id"]

    def __str__(self) -> str:
        return f"{self.relief_type} requires course #{self.course_id}"


# ---------------------------------------------------------------------------
# Case documents


class DocumentKind(models.TextChoices):
    DECLARATION = "declaration", _("Declaration")
    EVIDENCE = "evidence", _("Evidence")
    FILED_APPLICATION = "filed_application", _("Filed application")
    NOTICE = "notice", _("Notice")
    OTHER = "other", _("Other")


class DocumentSensitivity(models.TextChoices):
    CLIENT_STATEMENT = "client_statement", _("Client statement")
    IDENTITY_DOCUMENT = "identity_document", _("Identity document")
    COURT_FILING = "court_filing", _("Court filing")
    OTHER = "other", _("Other")


class CaseDocument(models.Model):
    """A file on a case (a declaration, evidence, a filed application, a notice), in one or more
    versions. Seen by program staff, the placed attorney and, when shared, the current mentor
    (``mentorship.policy``); deleting one removes its rows and its bytes."""

    # PROTECT: a case's documents go only through document_delete or the retention purge,
    # which also remove the bytes from storage; a cascade would leave them behind.
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField(_("kind of document"), max_length=24, choices=DocumentKind.choices)
    sensitivity = models.CharField(_("sensitivity"), max_length=24, choices=DocumentSensitivity.choices)
    # Encrypted: a title may name the client ("Declaration of …").
    title = EncryptedTextField(_("title"))
    shared_with_mentor = models.BooleanField(_("shared with the mentor"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"CaseDocument #{self.pk}"


class DocumentVersion(models.Model):
    """One upload of a document. The bytes are encrypted (the keys of FIELD_ENCRYPTION_KEYS) and
    kept on the "private" storage under a random key; the original file name is kept encrypted,
    for the name of the download, and never appears in a storage key or a URL."""

    document = models.ForeignKey(CaseDocument, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    storage_key = models.CharField(max_length=100, unique=True, editable=False)
    original_name = EncryptedTextField(_("file name"))
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["document_id", "-number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="one_version_number_per_document")]

    def __str__(self) -> str:
        return f"DocumentVersion #{self.pk}"
