"""Demo content for seed_demo: attorney and mentor profiles, pseudonymous cases at every stage.

Every case is invented: an opaque reference and two initials, nothing else identifying.
Idempotent: profiles are set to fixed values, and a case (with its dates, offers,
placement and mentor) is built only when its reference does not exist yet, through the
real services, so a second run leaves every table's row count unchanged.
"""

from __future__ import annotations

import datetime
import io

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from pypdf import PdfWriter

from .models import (
    Case,
    CaseDate,
    CaseStatus,
    Conflict,
    DocumentKind,
    DocumentSensitivity,
    ReliefResult,
    Representation,
)
from .services.cases import case_date_add, case_set_status
from .services.conflicts import conflict_record
from .services.documents import document_upload
from .services.messages import message_send
from .services.offers import (
    interest_express,
    mentorship_assign,
    offer_accept,
    offer_confirm_no_conflict,
    offer_decline,
    offer_send,
    offer_view_parties,
    placement_close,
)
from .services.outcomes import ReliefOutcome
from .services.profiles import attorney_profile_ensure, attorney_profile_update, mentor_profile_ensure

# key: firm, capacity, detained_ok, locations, languages (ISO 639-3, ILR), relief experience (type, 0-3)
ATTORNEYS = {
    "att_garcia": ("García & Ruiz LLP", 2, True, ["New York Immigration Court"], [("spa", 5), ("eng", 5)], [("asylum", 3), ("vawa", 2)]),
    "att_baptiste": ("Baptiste Law", 2, False, ["Miami Immigration Court"], [("hat", 5), ("fra", 4), ("eng", 5)], [("u_visa", 2), ("asylum", 1)]),
    "att_mansour": ("Northside Legal Aid", 1, True, ["Newark Immigration Court"], [("arb", 4), ("ara", 4), ("fra", 3), ("eng", 5)], [("asylum", 2), ("withholding_cat", 2)]),
    "att_dubois": ("Dubois Avocats", 2, False, ["Boston Immigration Court"], [("fra", 5), ("eng", 4)], [("t_visa", 2), ("u_visa", 1)]),
    "att_tzoc": ("Tzoc Immigration", 2, True, ["Houston Immigration Court"], [("quc", 4), ("spa", 5), ("eng", 4)], [("asylum", 2), ("sijs", 1)]),
    "att_ixcoy": ("Solo practice", 1, True, ["Los Angeles Immigration Court"], [("mam", 4), ("spa", 5), ("eng", 4)], [("asylum", 1), ("u_visa", 1)]),
    "att_souza": ("Souza & Lima", 2, False, ["Newark Immigration Court"], [("por", 5), ("spa", 3), ("eng", 5)], [("vawa", 2), ("adjustment", 2)]),
    "att_ahmadi": ("Ahmadi Legal", 1, False, ["San Francisco Immigration Court"], [("prs", 5), ("pbt", 3), ("eng", 5)], [("asylum", 2)]),
    "att_volkova": ("Volkova PLLC", 2, False, ["New York Immigration Court"], [("rus", 5), ("ukr", 4), ("eng", 5)], [("asylum", 1), ("t_visa", 1)]),
    "att_liu": ("Liu & Park", 2, True, ["New York Immigration Court"], [("cmn", 5), ("yue", 3), ("eng", 5)], [("asylum", 2), ("t_visa", 2)]),
    "att_okeke": ("Okeke Law", 2, False, ["Atlanta Immigration Court"], [("eng", 5), ("fra", 3)], [("vawa", 1), ("u_visa", 2)]),
    "att_novak": ("García & Ruiz LLP", 1, False, ["New York Immigration Court"], [("spa", 3), ("eng", 5)], [("sijs", 2)]),
    "att_herrera": ("Herrera Legal Services", 2, True, ["El Paso Immigration Court"], [("spa", 5), ("eng", 5)], [("asylum", 2), ("cancellation", 2)]),
    "att_kim": ("Kim Law Group", 1, False, ["Los Angeles Immigration Court"], [("kor", 5), ("eng", 5)], [("adjustment", 1)]),
    "mentor_chen": ("Chen Immigration", 1, False, ["New York Immigration Court"], [("cmn", 5), ("eng", 5)], [("asylum", 3), ("sijs", 3)]),
}  # fmt: skip

# key: max mentees, expertise, languages
MENTORS = {
    "mentor_ruiz": (4, ["asylum", "vawa", "u_visa"], ["spa", "eng"]),
    "mentor_haddad": (3, ["asylum", "withholding_cat"], ["arb", "ara", "fra", "eng"]),
    "mentor_pierre": (3, ["u_visa", "t_visa", "vawa"], ["hat", "fra", "eng"]),
    "mentor_chen": (2, ["asylum", "sijs", "t_visa"], ["cmn", "yue", "eng"]),
}

# reference, initials, country, languages, min ILR, interpreter, relief, detained, court, stage, attorney, mentor
CASES = [
    ("PBA-2026-0001", "MT", "GT", ["mam"], 3, False, ["asylum"], False, "Los Angeles Immigration Court", "placed", "att_ixcoy", "mentor_ruiz"),
    ("PBA-2026-0002", "JL", "HT", ["hat"], 3, False, ["u_visa"], False, "Miami Immigration Court", "placed", "att_baptiste", "mentor_pierre"),
    ("PBA-2026-0003", "AK", "AF", ["prs"], 3, False, ["asylum"], False, "San Francisco Immigration Court", "placed", "att_ahmadi", "mentor_haddad"),
    ("PBA-2026-0004", "RS", "GT", ["quc", "spa"], 3, False, ["asylum", "sijs"], True, "Houston Immigration Court", "placed", "att_tzoc", "mentor_chen"),
    ("PBA-2026-0005", "YW", "CN", ["cmn"], 3, False, ["t_visa"], False, "New York Immigration Court", "offered", "att_liu", None),
    ("PBA-2026-0006", "FA", "SY", ["arb"], 3, False, ["asylum", "withholding_cat"], True, "Newark Immigration Court", "offered", "att_mansour", None),
    ("PBA-2026-0007", "LP", "BR", ["por"], 3, False, ["vawa"], False, "Newark Immigration Court", "offered", "att_souza", None),
    ("PBA-2026-0008", "OM", "UA", ["ukr", "rus"], 3, False, ["asylum"], False, "New York Immigration Court", "declined", "att_volkova", None),
    ("PBA-2026-0009", "CN", "CD", ["fra", "lin"], 3, False, ["u_visa"], False, "Boston Immigration Court", "seeking", None, None),
    ("PBA-2026-0010", "EG", "HN", ["spa"], 3, False, ["asylum", "vawa"], False, "New York Immigration Court", "seeking", None, None),
    ("PBA-2026-0011", "DR", "SV", ["spa"], 3, False, ["cancellation"], True, "El Paso Immigration Court", "seeking", None, None),
    ("PBA-2026-0012", "SB", "ER", ["tir"], 3, True, ["asylum"], False, "Atlanta Immigration Court", "seeking", None, None),
    ("PBA-2026-0013", "NT", "MX", ["spa"], 3, False, ["u_visa"], False, "", "intake", None, None),
    ("PBA-2026-0014", "KI", "GT", ["mam", "spa"], 4, False, ["sijs"], False, "", "intake", None, None),
    ("PBA-2026-0015", "HV", "VE", ["spa"], 3, False, ["asylum"], False, "New York Immigration Court", "closed", "att_garcia", "mentor_ruiz"),
]  # fmt: skip

# Invented names for the conflict-check stage; none refers to a real person.
ADVERSE_PARTIES = [
    "Ramiro Castellanos Vidal",
    "Dmitri Orlovsky",
    "Jean-Baptiste Moreau",
    "Walid Sarraf",
    "Carlos Enrique Batz",
    "Liang Hao",
    "Everton Pires",
]

# Days since intake and since the case entered the pool, so the staff dashboard shows real waits.
WAITED = {
    "PBA-2026-0005": (20, 14),
    "PBA-2026-0006": (9, 8),
    "PBA-2026-0007": (12, 10),
    "PBA-2026-0008": (27, 19),
    "PBA-2026-0009": (30, 23),
    "PBA-2026-0010": (16, 12),
    "PBA-2026-0011": (6, 5),
    "PBA-2026-0012": (48, 41),
    "PBA-2026-0013": (2, None),
    "PBA-2026-0014": (1, None),
}

# Family members' cases, kept with one attorney where possible (the continuity term).
RELATED = [("PBA-2026-0011", "PBA-2026-0015"), ("PBA-2026-0014", "PBA-2026-0001")]

DATES = {
    "asylum": ("one_year_deadline", 120, "Entry date from client interview"),
    "u_visa": ("u_visa_cert_expiry", 200, "Form I-918 Supplement B"),
    "sijs": ("filing_deadline", 90, "Age-out date from birth certificate"),
}
# Cases whose hard date is nearer than DATES says, so the staff deadline watch has work: a
# seeking case three days from its one-year deadline, a placed one with a date not yet filed.
DAYS_LEFT = {("PBA-2026-0010", "one_year_deadline"): 3, ("PBA-2026-0003", "one_year_deadline"): 21}


def _profiles(people) -> None:
    for key, (firm, capacity, detained_ok, locations, languages, relief) in ATTORNEYS.items():
        profile = attorney_profile_ensure(user=people[key])
        attorney_profile_update(
            profile=profile,
            data={
                "firm_name": firm,
                "capacity": capacity,
                "detained_ok": detained_ok,
                "remote_ok": True,
                "locations": locations,
            },
            languages=languages,
            relief=relief,
        )
    for key, (max_mentees, expertise, languages) in MENTORS.items():
        profile = mentor_profile_ensure(user=people[key])
        profile.max_mentees, profile.available = max_mentees, True
        profile.expertise, profile.languages = expertise, languages
        profile.save()


def _case(people, spec) -> Case | None:
    ref, initials, country, languages, min_ilr, interp, relief, detained, court, stage, att_key, mentor_key = spec
    if Case.objects.filter(reference=ref).exists():
        return None
    staff = people["staff"]
    case = Case.objects.create(
        reference=ref,
        client_initials=initials,
        country_of_origin=country,
        languages=languages,
        min_ilr_level=min_ilr,
        interpreter_arranged=interp,
        relief_types=relief,
        detained=detained,
        court=court,
        location=court.replace(" Immigration Court", ""),
        confidential_notes=("Invented demo narrative. Client safety plan in place; contact only through the program."),
        adverse_parties=ADVERSE_PARTIES[int(ref[-2:]) % len(ADVERSE_PARTIES)],
        created_by=staff,
    )
    from .services.cases import _party_hashes, _record_status

    case.adverse_party_hashes = _party_hashes(case.adverse_parties)
    case.save(update_fields=["adverse_party_hashes"])
    _record_status(case=case, from_status="", to_status=CaseStatus.INTAKE, by=staff, reason="Intake")
    today = timezone.localdate()
    for relief_type in relief:
        if relief_type in DATES:
            kind, days, source = DATES[relief_type]
            days = DAYS_LEFT.get((ref, kind), days)
            case_date_add(
                case=case,
                by=staff,
                kind=kind,
                date=today + datetime.timedelta(days=days),
                source=source,
                verified=relief_type != "sijs",
            )
    if court:
        case_date_add(
            case=case,
            by=people["staff2"],
            kind="hearing",
            date=today + datetime.timedelta(days=45),
            source="EOIR notice",
        )
    if stage == "intake":
        _backdate(case)
        return case
    case = case_set_status(case=case, to_status=CaseStatus.SEEKING, by=staff, reason="Intake complete")
    if stage == "seeking":
        _backdate(case)
        return case
    attorney = people[att_key]
    offer = offer_send(case=case, attorney=attorney, by=staff, expires_in_days=3, cascade=False, rank=1)
    if stage == "declined":
        offer_view_parties(offer=offer, by=attorney)
        offer_decline(offer=offer, by=attorney, reason="Trial calendar full until next quarter")
        _backdate(case)
        return case
    if stage == "offered":
        _backdate(case)
        return case
    offer_view_parties(offer=offer, by=attorney)
    offer_confirm_no_conflict(offer=offer, by=attorney)
    placement = offer_accept(offer=offer, by=attorney)
    mentorship_assign(placement=placement, mentor=people[mentor_key], by=staff)
    message_send(
        placement=placement,
        author=people[mentor_key],
        body="Welcome to the case. Shall we go through the declaration outline together this week?",
    )
    message_send(placement=placement, author=attorney, body="Yes, thank you. Thursday afternoon works for me.")
    if ref == DOCUMENT_CASE:
        notice = document_upload(
            case=case,
            by=attorney,
            file=io.BytesIO(blank_pdf()),
            name="hearing-notice.pdf",
            title="Hearing notice (demo: a blank page)",
            kind=DocumentKind.NOTICE,
            sensitivity=DocumentSensitivity.COURT_FILING,
            shared_with_mentor=True,
        )
        message_send(
            placement=placement,
            author=attorney,
            body="The hearing notice came in; it is attached. The master calendar hearing is on the case's dates.",
            document=notice,
        )
    if stage == "closed":
        decided = today - datetime.timedelta(days=20)
        placement_close(
            placement=placement,
            by=staff,
            reason="Asylum granted",
            outcomes=[
                ReliefOutcome(
                    relief,
                    ReliefResult.GRANTED if relief == "asylum" else ReliefResult.NO_DECISION,
                    decided_on=decided if relief == "asylum" else None,
                )
                for relief in case.relief_types
            ],
            remained_represented=Representation.YES,
        )
    return case


# The placed case that carries a demo document, shared with its mentor.
DOCUMENT_CASE = "PBA-2026-0001"


def blank_pdf() -> bytes:
    """A one-page PDF with nothing on it: a harmless stand-in for a notice."""
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _backdate(case: Case) -> None:
    """Move a new demo case's intake, and its entry into the pool, back by the days in WAITED."""
    if case.reference not in WAITED:
        return
    since_intake, since_seeking = WAITED[case.reference]
    now = timezone.now()
    intake_at = now - datetime.timedelta(days=since_intake)
    Case.objects.filter(pk=case.pk).update(created_at=intake_at)
    case.status_changes.filter(to_status=CaseStatus.INTAKE).update(changed_at=intake_at)
    first_seeking = case.status_changes.filter(to_status=CaseStatus.SEEKING).order_by("id").first()
    if since_seeking is not None and first_seeking is not None:
        first_seeking.changed_at = now - datetime.timedelta(days=since_seeking)
        first_seeking.save(update_fields=["changed_at"])


def seed(*, people, stdout) -> None:
    # Demo notifications are not sent anywhere.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"), transaction.atomic():
        _profiles(people)
        created = [case for spec in CASES if (case := _case(people, spec)) is not None]
        if created:
            seeking = Case.objects.filter(reference__in=["PBA-2026-0010", "PBA-2026-0011"])
            for case in seeking:
                interest_express(case=case, attorney=people["att_herrera"])
        if not Conflict.objects.filter(firm_name="García & Ruiz LLP").exists():
            conflict_record(
                by=people["staff"],
                firm_name="García & Ruiz LLP",
                adverse_party=ADVERSE_PARTIES[10 % len(ADVERSE_PARTIES)],  # PBA-2026-0010
                reason="Firm represented the respondent in a family court matter",
            )
        for reference, related in RELATED:
            Case.objects.get(reference=reference).related_cases.add(Case.objects.get(reference=related))
        _checkins_goals_hours(staff=people["staff"])
        _training_requirements(people)
    stdout.write(
        f"Mentorship: {len(ATTORNEYS)} attorney profiles, {len(MENTORS)} mentor profiles, "
        f"{Case.objects.count()} cases ({len(created)} new), {CaseDate.objects.count()} key dates."
    )


# Which course staff require before an attorney may be offered a case of a relief type.
TRAINING_REQUIREMENTS = {
    "asylum": "gender-based-asylum",
    "withholding_cat": "gender-based-asylum",
    "u_visa": "u-visa",
    "t_visa": "t-visa",
    "vawa": "vawa-self-petitions",
    "sijs": "sijs",
}


def _training_requirements(people) -> None:
    from courses.models import CoursePage

    from .models import ReliefTypeRequirement
    from .services.profiles import relief_requirement_add

    for relief_type, slug in TRAINING_REQUIREMENTS.items():
        course = CoursePage.objects.filter(slug=slug).first()
        if course and not ReliefTypeRequirement.objects.filter(relief_type=relief_type, course=course).exists():
            relief_requirement_add(relief_type=relief_type, course=course, by=people["staff"])


# ---------------------------------------------------------------------------
# Check-ins, mentoring plans and pro bono hours on the placed demo cases

# reference: days since placement, [(days ago, logged by "mentor"/"mentee", mode, topics, minutes,
#            needs staff attention, pairing rating)], goals [(title, due in days, done)], hours [(days ago, hours, what)]
CHECKIN_PLAN = {
    # Monthly check-in now overdue.
    "PBA-2026-0001": (40, [(35, "mentor", "video", ["strategy", "client"], 60, False, 5)],
                      [("Outline the I-589 declaration", 20, False), ("Prepare the client for merits testimony", 60, False),
                       ("Order the country-conditions packet", -10, True)],
                      [(30, "3.50", "Client interview with Mam interpreter"), (21, "2.00", "Country-conditions research"),
                       (6, "4.25", "Drafted declaration outline")]),
    # A check-in asking for staff attention (interpreter availability).
    "PBA-2026-0002": (30, [(26, "mentor", "phone", ["strategy"], 30, False, 4),
                           (3, "mentee", "video", ["interpreter", "client"], 45, True, 4)],
                      [("Request law-enforcement certification", 14, False)],
                      [(25, "2.50", "Reviewed police report"), (4, "1.75", "Certification request letter")]),
    # The mentee rated the pairing as not working well.
    "PBA-2026-0003": (20, [(15, "mentee", "message", ["evidence"], 15, False, 2)],
                      [("Collect medical evidence", 25, False)],
                      [(12, "3.00", "Evidence review")]),
    # Detained docket: weekly check-ins, now overdue.
    "PBA-2026-0004": (12, [(10, "mentor", "in_person", ["hearing", "wellbeing"], 50, False, 5)],
                      [("Bond hearing preparation", 5, False)],
                      [(9, "5.00", "Detention facility visit"), (2, "2.25", "Bond motion draft")]),
    # Closed case: hours stay on record for the transcript.
    "PBA-2026-0015": (90, [], [], [(80, "6.00", "Merits brief"), (60, "4.50", "Merits hearing")]),
}  # fmt: skip

DEMO_CHECKIN_NOTES = "Invented demo note: discussed next filing and the client's preferred contact times."


# Hours logged at least this many days ago are approved by staff in the demo; newer ones wait.
DEMO_APPROVED_AFTER_DAYS = 30


def _checkins_goals_hours(*, staff) -> None:
    from .models import CheckIn, HoursEntry, MentoringGoal, Mentorship, Placement
    from .services.hours import hours_approve

    now = timezone.now()
    today = timezone.localdate()
    for reference, (placed_days, checkins, goals, hours) in CHECKIN_PLAN.items():
        placement = Placement.objects.filter(case__reference=reference).order_by("-placed_at").first()
        if placement is None:
            continue
        mentorship = Mentorship.objects.filter(placement=placement).order_by("-started_at").first()
        if mentorship is not None and not mentorship.checkins.exists() and not mentorship.goals.exists():
            # First run only: move the pairing back in time so the demo shows every health state.
            started = now - datetime.timedelta(days=placed_days)
            Placement.objects.filter(pk=placement.pk).update(placed_at=started)
            Mentorship.objects.filter(pk=mentorship.pk).update(started_at=started)
            for days_ago, who, mode, topics, minutes, attention, rating in checkins:
                CheckIn.objects.create(
                    mentorship=mentorship,
                    logged_by=mentorship.mentor if who == "mentor" else mentorship.mentee,
                    occurred_on=today - datetime.timedelta(days=days_ago),
                    mode=mode,
                    topics=topics,
                    minutes=minutes,
                    next_steps="Agreed next steps for the coming weeks.",
                    needs_staff_attention=attention,
                    notes=DEMO_CHECKIN_NOTES,
                    pairing_rating=rating,
                )
            for title, due_in, done in goals:
                MentoringGoal.objects.create(
                    mentorship=mentorship,
                    title=title,
                    due_on=today + datetime.timedelta(days=due_in),
                    done=done,
                    done_at=now if done else None,
                )
        for days_ago, amount, what in hours:
            entry, created = HoursEntry.objects.get_or_create(
                case=placement.case,
                attorney=placement.attorney,
                description=what,
                defaults={"worked_on": today - datetime.timedelta(days=days_ago), "hours": amount},
            )
            if created and days_ago >= DEMO_APPROVED_AFTER_DAYS:
                hours_approve(entry=entry, by=staff)
