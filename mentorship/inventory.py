"""Data inventory for the mentorship app: every stored field, its sensitivity class and purpose.

Classes: ``public`` (configuration), ``internal`` (program operations, no client data),
``personal`` (about volunteers and mentors), ``case`` (about a survivor's matter, minimal and
pseudonymous), ``restricted`` (narratives and names: encrypted at rest, shown by policy only),
``secret`` (hashes of secrets or names; never displayed). A test fails when a field is missing.
"""

PUBLIC, INTERNAL, PERSONAL, CASE, RESTRICTED, SECRET = "public", "internal", "personal", "case", "restricted", "secret"

_ID = (INTERNAL, "row identity")
_TS = (INTERNAL, "record keeping")

DATA_INVENTORY: dict[str, dict[str, tuple[str, str]]] = {
    "mentorship.AttorneyProfile": {
        "id": _ID, "user": (PERSONAL, "whose profile"), "firm_name": (PERSONAL, "firm conflict checks"),
        "capacity": (PERSONAL, "matching: workload"), "paused_until": (PERSONAL, "matching: availability"),
        "detained_ok": (PERSONAL, "matching: detained docket"), "remote_ok": (PERSONAL, "matching: geography"),
        "locations": (PERSONAL, "matching: geography"), "created_at": _TS, "updated_at": _TS,
    },
    "mentorship.AttorneyLanguage": {
        "id": _ID, "profile": (PERSONAL, "whose language"), "code": (PERSONAL, "matching: language"),
        "ilr_level": (PERSONAL, "matching: proficiency"),
    },
    "mentorship.AttorneyReliefExperience": {
        "id": _ID, "profile": (PERSONAL, "whose experience"), "relief_type": (PERSONAL, "matching: relief"),
        "level": (PERSONAL, "matching: experience"),
    },
    "mentorship.MentorProfile": {
        "id": _ID, "user": (PERSONAL, "whose profile"), "max_mentees": (PERSONAL, "mentor load"),
        "available": (PERSONAL, "mentor availability"), "availability_note": (PERSONAL, "mentor availability"),
        "expertise": (PERSONAL, "mentor matching"), "languages": (PERSONAL, "mentor matching"),
        "created_at": _TS, "updated_at": _TS,
    },
    "mentorship.Case": {
        "id": _ID, "reference": (CASE, "opaque reference used everywhere instead of names"),
        "client_initials": (CASE, "telling cases apart for staff and the placed attorney"),
        "country_of_origin": (CASE, "matching and aggregate reporting"),
        "languages": (CASE, "matching: language"), "min_ilr_level": (CASE, "matching: language"),
        "interpreter_arranged": (CASE, "matching: language"), "relief_types": (CASE, "matching: relief"),
        "detained": (CASE, "urgency and cadence"), "court": (CASE, "geography"), "location": (CASE, "geography"),
        "requires_bar_jurisdiction": (CASE, "authorization to practice"), "status": (CASE, "lifecycle"),
        "status_reason": (CASE, "lifecycle"), "confidential_notes": (RESTRICTED, "the representation itself"),
        "adverse_parties": (RESTRICTED, "conflict checks"),
        "adverse_party_hashes": (SECRET, "exact-match conflict lookups without plaintext"),
        "related_cases": (CASE, "continuity: a family's cases with one attorney"),
        "created_by": (INTERNAL, "accountability"), "created_at": _TS, "updated_at": _TS,
        "purged_at": (INTERNAL, "retention"),
    },
    "mentorship.CaseDate": {
        "id": _ID, "case": (CASE, "which case"), "kind": (CASE, "deadline type"), "date": (CASE, "reminders"),
        "source": (CASE, "provenance of a legal date"), "verified_by": (INTERNAL, "provenance"),
        "verified_at": (INTERNAL, "provenance"), "filed_at": (INTERNAL, "deadline watch: filing confirmed"),
        "filed_by": (INTERNAL, "accountability"), "created_at": _TS,
    },
    "mentorship.CaseStatusChange": {
        "id": _ID, "case": (CASE, "which case"), "from_status": (CASE, "history"), "to_status": (CASE, "history"),
        "changed_by": (INTERNAL, "accountability"), "changed_at": _TS, "reason": (CASE, "history"),
    },
    "mentorship.Conflict": {
        "id": _ID, "attorney": (PERSONAL, "who is conflicted"), "firm_name": (PERSONAL, "firm conflicts"),
        "firm_hash": (SECRET, "exact-match firm lookups"), "case": (CASE, "which case"),
        "adverse_party_hash": (SECRET, "exact-match party lookups without plaintext"),
        "reason": (RESTRICTED, "why, for staff"), "recorded_by": (INTERNAL, "accountability"), "recorded_at": _TS,
    },
    "mentorship.CaseOffer": {
        "id": _ID, "case": (CASE, "which case"), "attorney": (PERSONAL, "who was asked"),
        "offered_by": (INTERNAL, "accountability"), "offered_at": _TS, "expires_at": (INTERNAL, "offer expiry"),
        "status": (INTERNAL, "workflow"), "responded_at": _TS, "decline_reason": (PERSONAL, "why not, for staff"),
        "cascade": (INTERNAL, "workflow"), "rank": (INTERNAL, "workflow"), "role": (INTERNAL, "place on the case team"),
        "party_names_viewed_at": (INTERNAL, "staged disclosure log"),
        "conflict_check_confirmed_at": (INTERNAL, "conflict attestation"),
        "override_reason": (RESTRICTED, "why staff overrode hard constraints"),
        "override_codes": (INTERNAL, "which hard constraints were overridden"),
        "override_texts": (CASE, "the overridden constraints in words, as staff saw them"),
        "overridden_by": (INTERNAL, "accountability"), "overridden_at": _TS,
    },
    "mentorship.CaseInterest": {
        "id": _ID, "case": (CASE, "which case"), "attorney": (PERSONAL, "who is interested"), "created_at": _TS,
    },
    "mentorship.Placement": {
        "id": _ID, "case": (CASE, "which case"), "attorney": (PERSONAL, "who represents"),
        "offer": (INTERNAL, "origin"), "role": (INTERNAL, "place on the case team"), "placed_at": _TS, "closed_at": _TS, "closed_reason": (CASE, "outcome"),
        "remained_represented": (CASE, "outcome reports"),
    },
    "mentorship.Message": {
        "id": _ID, "placement": (CASE, "which conversation"), "author": (PERSONAL, "who wrote"),
        "body": (RESTRICTED, "working the case together; encrypted, deleted at retention"), "sent_at": _TS,
        "document": (CASE, "a case document the message points to"),
    },
    "mentorship.ConversationRead": {
        "id": _ID, "placement": (CASE, "which conversation"), "user": (PERSONAL, "whose read mark"),
        "read_at": (INTERNAL, "unread counts"),
    },
    "mentorship.CaseDocument": {
        "id": _ID, "case": (CASE, "which case"), "kind": (CASE, "telling documents apart"),
        "sensitivity": (CASE, "how carefully to handle it"), "title": (RESTRICTED, "may name the client; encrypted"),
        "shared_with_mentor": (INTERNAL, "whether the current mentor may see it"),
        "created_by": (INTERNAL, "accountability"), "created_at": _TS,
    },
    "mentorship.DocumentVersion": {
        "id": _ID, "document": (CASE, "which document"), "number": (INTERNAL, "version order"),
        "storage_key": (INTERNAL, "random key of the encrypted bytes on private storage"),
        "original_name": (RESTRICTED, "the download's file name; encrypted"),
        "content_type": (INTERNAL, "the kind detected from the bytes"), "size": (INTERNAL, "upload limit"),
        "sha256": (SECRET, "integrity of the stored bytes; never displayed"),
        "uploaded_by": (INTERNAL, "accountability"), "uploaded_at": _TS,
    },
    "mentorship.PlacementOutcome": {
        "id": _ID, "placement": (CASE, "which placement"), "relief_type": (CASE, "outcome reports"),
        "result": (CASE, "outcome reports"), "decided_on": (CASE, "outcome reports"),
        "appeal_filed": (CASE, "outcome reports"), "recorded_by": (INTERNAL, "accountability"), "recorded_at": _TS,
    },
    "mentorship.Mentorship": {
        "id": _ID, "placement": (INTERNAL, "origin"), "case": (CASE, "which case"),
        "mentor": (PERSONAL, "pairing"), "mentee": (PERSONAL, "pairing"), "assigned_by": (INTERNAL, "accountability"),
        "started_at": _TS, "ended_at": _TS, "cadence_days": (INTERNAL, "check-in schedule"),
        "status": (INTERNAL, "lifecycle"),
    },
    "mentorship.MentoringGoal": {
        "id": _ID, "mentorship": (INTERNAL, "which pairing"), "title": (PERSONAL, "mentoring plan"),
        "due_on": (PERSONAL, "mentoring plan"), "done": (PERSONAL, "mentoring plan"), "done_at": _TS, "created_at": _TS,
    },
    "mentorship.CheckIn": {
        "id": _ID, "mentorship": (INTERNAL, "which pairing"), "logged_by": (INTERNAL, "accountability"),
        "occurred_on": (PERSONAL, "cadence"), "mode": (PERSONAL, "cadence"), "topics": (PERSONAL, "program reporting"),
        "minutes": (PERSONAL, "mentoring hours"), "next_steps": (PERSONAL, "follow-up"),
        "needs_staff_attention": (PERSONAL, "health flag"), "notes": (RESTRICTED, "between the pair and staff"),
        "pairing_rating": (PERSONAL, "pairing health"), "created_at": _TS,
    },
    "mentorship.HoursEntry": {
        "id": _ID, "case": (CASE, "which case"), "attorney": (PERSONAL, "whose hours"),
        "worked_on": (PERSONAL, "pro bono reporting"), "hours": (PERSONAL, "pro bono reporting"),
        "description": (PERSONAL, "pro bono reporting, no client details"), "created_at": _TS,
        "approved_at": (PERSONAL, "CLE pro bono credit: the provider's affirmation"),
        "approved_by": (PERSONAL, "who affirmed the hours"), "rejected_at": (PERSONAL, "CLE pro bono credit"),
        "rejection_reason": (PERSONAL, "told to the attorney, no client details"),
    },
    "mentorship.ReminderSent": {
        "id": _ID, "kind": (INTERNAL, "idempotent reminders"), "object_key": (INTERNAL, "idempotent reminders"),
        "threshold": (INTERNAL, "idempotent reminders"), "recipient": (PERSONAL, "who was reminded"), "sent_at": _TS,
    },
    "mentorship.CalendarFeedToken": {
        "id": _ID, "user": (PERSONAL, "whose feed"), "token_hash": (SECRET, "feed authentication"),
        "created_at": _TS, "revoked_at": _TS, "show_date_kinds": (PERSONAL, "owner's choice of event detail"),
    },
    "mentorship.MatchingSettings": {
        "id": _ID, "weight_language": (PUBLIC, "score weight"), "weight_relief_experience": (PUBLIC, "score weight"),
        "weight_urgency": (PUBLIC, "score weight"), "weight_geography": (PUBLIC, "score weight"),
        "weight_load": (PUBLIC, "score weight"), "weight_interest": (PUBLIC, "score weight"),
        "weight_continuity": (PUBLIC, "score weight"), "weight_mentor": (PUBLIC, "score weight"),
        "min_ilr_default": (PUBLIC, "default"), "urgent_within_days": (PUBLIC, "urgency rule"),
        "urgent_min_experience": (PUBLIC, "urgency rule"), "offer_expiry_days": (PUBLIC, "default"),
        "cascade_default": (PUBLIC, "default"), "deadline_watch_days": (PUBLIC, "deadline watch thresholds"),
        "updated_at": _TS,
    },
    "mentorship.ReliefTypeRequirement": {
        "id": _ID, "relief_type": (PUBLIC, "training rule"), "course": (PUBLIC, "training rule"), "created_at": _TS,
    },
}  # fmt: skip
