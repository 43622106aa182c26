"""Loading matching inputs from the database: a fixed handful of queries, never one per attorney.

Turns profiles, training records, bar admissions, placements, offers, conflicts and staff
settings into the plain dataclasses of `mentorship.matching`, which does the rest.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields

from django.db.models import (
    Count,
    Exists,
    F,
    FilteredRelation,
    Func,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.utils import timezone

from accounts.models import User
from accounts.roles import ROLE_GROUP_NAMES, Role
from courses.models import BarAdmission, CoursePage, Enrollment, law_change_cutoff
from courses.vocabulary import ReliefType

from ..fields import keyed_hash
from ..matching import (
    BAR_ADMISSION,
    BAR_JURISDICTION,
    CAPACITY,
    CONFLICT,
    CONSTRAINT_CODES,
    DEADLINE_EXPERIENCE,
    DECLINED,
    DETAINED,
    LANGUAGE,
    PAUSED,
    TRAINING,
    AttorneyInput,
    AttorneyPool,
    CaseInput,
    MatchContext,
    MentorInput,
    Reason,
    Rules,
    Weights,
    feasible_attorney_ids,
    fitting_case_ids,
    why_cases_do_not_fit,
)
from ..matching.constraints import deadline_applies
from ..models import (
    HARD_DATE_KINDS,
    AttorneyLanguage,
    AttorneyProfile,
    AttorneyReliefExperience,
    Case,
    CaseDate,
    CaseInterest,
    CaseOffer,
    CaseStatus,
    Conflict,
    MatchingSettings,
    MentorProfile,
    Mentorship,
    MentorshipStatus,
    OfferStatus,
    Placement,
    ReliefTypeRequirement,
    TeamRole,
)

# ---------------------------------------------------------------------------
# Settings and vocabulary


def _required_training() -> dict[str, frozenset[int]]:
    required: dict[str, set[int]] = defaultdict(set)
    for relief_type, course_id in ReliefTypeRequirement.objects.values_list("relief_type", "course_id"):
        required[relief_type].add(course_id)
    return {rt: frozenset(ids) for rt, ids in required.items()}


def _law_changes(course_ids) -> dict[int, datetime.date]:
    """Course id -> the date its law changed, for those of these courses an editor marked."""
    return dict(
        CoursePage.objects.filter(pk__in=sorted(course_ids), law_changed_on__isnull=False).values_list(
            "pk", "law_changed_on"
        )
    )


def _current_completion(course_id: int, law_changed: Mapping[int, datetime.date]) -> Q:
    """A completed enrollment that still counts: completed, or updated, on or after the day the law changed."""
    cutoff = law_change_cutoff(law_changed.get(course_id))
    if cutoff is None:
        return Q(completed_at__isnull=False)
    return Q(completed_at__gte=cutoff) | Q(law_update_taken_at__gte=cutoff)


def _mentor_slots() -> dict[str, int]:
    """Free mentee places per relief type among available mentors with that expertise."""
    slots: dict[str, int] = defaultdict(int)
    for mentor in mentor_inputs():
        for relief_type in mentor.expertise:
            slots[relief_type] += mentor.free_slots
    return dict(slots)


def matching_context() -> MatchContext:
    """Weights and rules as staff set them, required training, mentor availability."""
    knobs = MatchingSettings.load()
    # Weights' fields are the stored weight fields without "weight_": one name per knob.
    weights = Weights(**{f.name: getattr(knobs, f"weight_{f.name}") for f in fields(Weights)})
    rules = Rules(urgent_within_days=knobs.urgent_within_days, urgent_min_experience=knobs.urgent_min_experience)
    required = _required_training()
    return MatchContext(
        required_training=required,
        law_changed=_law_changes({c for ids in required.values() for c in ids}),
        weights=weights,
        rules=rules,
        mentor_slots=_mentor_slots(),
        relief_labels={value: str(label) for value, label in ReliefType.choices},
    )


# ---------------------------------------------------------------------------
# Attorneys


def _completed_courses(
    enrollments: QuerySet,
    user_ids: set[int],
    course_ids: frozenset[int],
    law_changed: Mapping[int, datetime.date] | None = None,
) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
    """Which of the given courses each user has completed (from the training records), and
    which they completed before the course's law changed without taking the update since
    (those do not count as completed).

    Only courses some relief type requires can decide a match, so only those are read:
    one indexed query on the completed enrollments of a handful of courses. (Asking
    `courses.selectors.completed_course_ids` for every course of 5,000 users measured
    ~330 ms on PostgreSQL against ~20 ms for this.)
    """
    if not course_ids or not user_ids:
        return {}, {}
    cutoffs = {course_id: law_change_cutoff(date) for course_id, date in (law_changed or {}).items()}
    completed: dict[int, set[int]] = defaultdict(set)
    outdated: dict[int, set[int]] = defaultdict(set)
    rows = enrollments.filter(course_id__in=sorted(course_ids)).values_list(
        "user_id", "course_id", "completed_at", "law_update_taken_at"
    )
    for user_id, course_id, completed_at, update_taken_at in rows:
        if user_id not in user_ids:
            continue
        cutoff = cutoffs.get(course_id)
        if cutoff is None or completed_at >= cutoff or (update_taken_at is not None and update_taken_at >= cutoff):
            completed[user_id].add(course_id)
        else:
            outdated[user_id].add(course_id)
    return completed, outdated


def _conflicts(profiles: dict[int, tuple], cases_parties: dict[int, list[str]]) -> dict[int, set[int]]:
    """Attorney user id -> case ids they are conflicted out of (directly, by firm or by adverse party)."""
    rows = list(Conflict.objects.values_list("attorney_id", "firm_hash", "case_id", "adverse_party_hash"))
    if not rows:
        return {}
    party_cases: dict[str, set[int]] = defaultdict(set)
    for case_id, hashes in cases_parties.items():
        for party_hash in hashes or ():
            party_cases[party_hash].add(case_id)
    firm_members: dict[str, list[int]] = defaultdict(list)
    if any(firm_hash for _a, firm_hash, _c, _p in rows):
        for user_id, profile in profiles.items():
            firm = profile[1]
            if firm and firm.strip():
                firm_members[keyed_hash(firm)].append(user_id)
    conflicted: dict[int, set[int]] = defaultdict(set)
    for attorney_id, firm_hash, case_id, party_hash in rows:
        # A conflict naming an attorney and their firm is imputed to the whole firm.
        attorneys = ([attorney_id] if attorney_id else []) + (firm_members.get(firm_hash, []) if firm_hash else [])
        cases = {case_id} if case_id else party_cases.get(party_hash, set())
        for a_id in attorneys:
            conflicted[a_id] |= cases
    return conflicted


# SQL narrowing, keyed by the codes of `mentorship.matching.CONSTRAINTS`: each hook filters
# the profiles down to those that can pass its constraint for the case (or leaves them be
# when the constraint does not apply). The solver checks every constraint again on what is
# loaded, so a hook may only ever be looser than its constraint, never stricter. The hooks
# live here rather than on the constraint objects to keep the solver free of the ORM.
Narrowing = Callable[[QuerySet, CaseInput, MatchContext, datetime.date], QuerySet]


def _narrow_language(queryset: QuerySet, case: CaseInput, context: MatchContext, today) -> QuerySet:
    if not case.languages or case.interpreter_arranged:
        return queryset
    speaks = AttorneyLanguage.objects.filter(
        profile=OuterRef("pk"), code__in=case.languages, ilr_level__gte=case.min_ilr
    )
    return queryset.filter(Exists(speaks))


def _narrow_training(queryset: QuerySet, case: CaseInput, context: MatchContext, today) -> QuerySet:
    for course_id in sorted({c for rt in case.relief_types for c in context.required_training.get(rt, ())}):
        completed = Enrollment.objects.filter(
            _current_completion(course_id, context.law_changed), user_id=OuterRef("user_id"), course_id=course_id
        )
        queryset = queryset.filter(Exists(completed))
    return queryset


def _narrow_paused(queryset: QuerySet, case: CaseInput, context: MatchContext, today) -> QuerySet:
    return queryset.exclude(paused_until__gte=today)


def _narrow_bar(queryset: QuerySet, case: CaseInput, context: MatchContext, today) -> QuerySet:
    # An admission in the required state is an active admission: one subquery checks both.
    bars = BarAdmission.objects.filter(user_id=OuterRef("user_id"), status=BarAdmission.Status.ACTIVE)
    if case.required_bar_jurisdiction:
        bars = bars.filter(jurisdiction__code=case.required_bar_jurisdiction)
    return queryset.filter(Exists(bars))


def _narrow_detained(queryset: QuerySet, case: CaseInput, context: MatchContext, today) -> QuerySet:
    return queryset.filter(detained_ok=True) if case.detained else queryset


def _narrow_deadline(queryset: QuerySet, case: CaseInput, context: MatchContext, today) -> QuerySet:
    if not deadline_applies(case, context) or context.rules.urgent_min_experience <= 0:
        return queryset  # at level 0 everyone passes, with or without an experience row
    experienced = AttorneyReliefExperience.objects.filter(
        profile=OuterRef("pk"), relief_type__in=case.relief_types, level__gte=context.rules.urgent_min_experience
    )
    return queryset.filter(Exists(experienced))


SQL_NARROWING: dict[str, Narrowing] = {
    LANGUAGE: _narrow_language,
    TRAINING: _narrow_training,
    PAUSED: _narrow_paused,
    BAR_ADMISSION: _narrow_bar,
    BAR_JURISDICTION: _narrow_bar,
    DETAINED: _narrow_detained,
    DEADLINE_EXPERIENCE: _narrow_deadline,
}
# Checked on the loaded rows instead: capacity needs the open placements counted
# (`candidate_inputs_for_case` filters on that annotation) and pending offers added in
# Python; this case's conflicts and declines are few rows read once.
CHECKED_AFTER_LOADING = frozenset({CAPACITY, CONFLICT, DECLINED})


def _able_profiles(case: CaseInput, context: MatchContext, today) -> QuerySet[AttorneyProfile]:
    """Active volunteers' profiles that pass the hard constraints SQL checks cheaply (every
    constraint with a hook in `SQL_NARROWING`); the solver checks every constraint again."""
    # Past a handful of joins PostgreSQL plans them in written order: the table's order puts
    # the most selective (language, training) first.
    queryset = AttorneyProfile.objects.all()
    applied = set()
    for code in CONSTRAINT_CODES:
        hook = SQL_NARROWING.get(code)
        if hook is not None and hook not in applied:
            applied.add(hook)
            queryset = hook(queryset, case, context, today)
    volunteer = User.groups.through.objects.filter(
        user_id=OuterRef("user_id"), group__name=ROLE_GROUP_NAMES[Role.VOLUNTEER]
    )
    return queryset.filter(Exists(volunteer), user__is_active=True)


def _count(queryset: QuerySet) -> Subquery:
    """A correlated COUNT of `queryset`'s rows, for an annotation (0 when there are none)."""
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Subquery(counted, output_field=IntegerField())


def _conflicted_for_case(case_id: int, parties: list[str]) -> tuple[set[int], set[str]]:
    """User ids and firm hashes conflicted out of this case, directly or through one of its adverse parties."""
    about_case = Q(case_id=case_id) | Q(adverse_party_hash__in=parties) if parties else Q(case_id=case_id)
    attorneys, firms = set(), set()
    for attorney_id, firm_hash in Conflict.objects.filter(about_case).values_list("attorney_id", "firm_hash"):
        if attorney_id:
            attorneys.add(attorney_id)
        if firm_hash:
            firms.add(firm_hash)
    return attorneys, firms


def candidate_inputs_for_case(
    case: CaseInput, parties: list[str], context: MatchContext, *, today=None
) -> list[AttorneyInput]:
    """The attorneys SQL finds able to take `case`, each with only the facts this case needs.

    A few queries, capacity included, instead of every attorney's every row: languages are
    the case's languages only, experience the case's relief types only, the completed
    courses the ones the case requires (the query already demanded them), the bar admission
    one that satisfies the case, and conflicts and declines this case's. Enough to rank and
    explain this case's suggestions; not for any other case.
    """
    today = today or timezone.localdate()
    now = timezone.now()
    # Pending offers and this case's declines and conflicts are few: read once, not per attorney.
    pending = dict(
        CaseOffer.objects.filter(status=OfferStatus.PENDING, expires_at__gt=now)
        .values("attorney_id")
        .annotate(n=Count("id"))
        .values_list("attorney_id", "n")
    )
    declined = set(
        CaseOffer.objects.filter(case_id=case.id, status=OfferStatus.DECLINED).values_list("attorney_id", flat=True)
    )
    conflicted, conflicted_firms = _conflicted_for_case(case.id, parties)

    bar = BarAdmission.objects.filter(user_id=OuterRef("user_id"), status=BarAdmission.Status.ACTIVE)
    if case.required_bar_jurisdiction:
        bar = bar.filter(jurisdiction__code=case.required_bar_jurisdiction)
    placements = Placement.objects.filter(attorney_id=OuterRef("user_id"))
    relations = {
        f"language_{j}": FilteredRelation("languages", condition=Q(languages__code=code))
        for j, code in enumerate(case.languages)
    } | {
        f"relief_{j}": FilteredRelation("relief_experience", condition=Q(relief_experience__relief_type=code))
        for j, code in enumerate(case.relief_types)
    }
    annotations = {f"ilr_{j}": F(f"language_{j}__ilr_level") for j in range(len(case.languages))} | {
        f"exp_{j}": F(f"relief_{j}__level") for j in range(len(case.relief_types))
    }
    annotations |= {
        "bar": Subquery(bar.order_by().values("user_id").annotate(code=Min("jurisdiction__code")).values("code")),
        "open_placements": _count(placements.filter(closed_at__isnull=True)),
        "last_placed": Subquery(
            placements.order_by().values("attorney_id").annotate(last=Max("placed_at")).values("last")
        ),
    }
    rows = (
        _able_profiles(case, context, today)
        .annotate(**relations)
        .annotate(**annotations)
        # Pending offers also hold places; the solver counts them below.
        .filter(capacity__gt=F("open_placements"))
        .values_list("user_id", "firm_name", "capacity", "detained_ok", "remote_ok", "locations", *annotations)
    )
    required = frozenset(c for rt in case.relief_types for c in context.required_training.get(rt, ()))
    n_languages, n_reliefs = len(case.languages), len(case.relief_types)
    inputs = []
    for row in rows:
        user_id, firm, capacity, detained_ok, remote_ok, locations = row[:6]
        ilr, experience = row[6 : 6 + n_languages], row[6 + n_languages : 6 + n_languages + n_reliefs]
        bar_code, open_placements, last_placed = row[6 + n_languages + n_reliefs :]
        is_conflicted = user_id in conflicted or bool(
            conflicted_firms and firm.strip() and keyed_hash(firm) in conflicted_firms
        )
        inputs.append(
            AttorneyInput(
                id=user_id,
                languages={code: level for code, level in zip(case.languages, ilr, strict=True) if level is not None},
                relief_experience={
                    code: level for code, level in zip(case.relief_types, experience, strict=True) if level is not None
                },
                completed_courses=required,
                capacity=capacity,
                # A pending offer holds a place as surely as a placement does.
                active_cases=open_placements + pending.get(user_id, 0),
                paused=False,
                detained_ok=detained_ok,
                locations=frozenset(locations or ()),
                remote_ok=remote_ok,
                active_bar_jurisdictions=frozenset((bar_code,)),
                conflicted_case_ids=frozenset((case.id,)) if is_conflicted else frozenset(),
                declined_case_ids=frozenset((case.id,)) if user_id in declined else frozenset(),
                last_placed_days_ago=(now - last_placed).days if last_placed else None,
            )
        )
    return inputs


def matching_pool_size() -> int:
    """How many attorneys matching compares a case with: every active volunteer with a profile."""
    return _pool_profiles().count()


def _pool_profiles() -> QuerySet[AttorneyProfile]:
    return AttorneyProfile.objects.filter(user__is_active=True, user__groups__name=ROLE_GROUP_NAMES[Role.VOLUNTEER])


def attorney_inputs(
    *,
    cases_parties: dict[int, list[str]] | None = None,
    today=None,
    required_training: dict[str, frozenset[int]] | None = None,
    law_changed: Mapping[int, datetime.date] | None = None,
    user_id: int | None = None,
    user_ids: list[int] | None = None,
) -> list[AttorneyInput]:
    """Every active volunteer attorney with a profile (or only `user_id`, or `user_ids`), as matching inputs.

    `cases_parties` maps case id -> adverse-party hashes for the cases being matched, so
    conflicts recorded against an adverse party reach those cases. `required_training` and
    `law_changed` are the context's (read here when not given).
    """
    today = today or timezone.localdate()
    now = timezone.now()
    profile_rows = _pool_profiles()
    language_rows, experience_rows = AttorneyLanguage.objects.all(), AttorneyReliefExperience.objects.all()
    placements, offers = Placement.objects.all(), CaseOffer.objects.all()
    enrollments = Enrollment.objects.filter(completed_at__isnull=False)
    bar_rows = BarAdmission.objects.filter(status=BarAdmission.Status.ACTIVE)
    if user_id is not None:
        user_ids = [user_id]
    if user_ids is not None:
        profile_rows = profile_rows.filter(user_id__in=user_ids)
        language_rows = language_rows.filter(profile__user_id__in=user_ids)
        experience_rows = experience_rows.filter(profile__user_id__in=user_ids)
        placements, offers = placements.filter(attorney_id__in=user_ids), offers.filter(attorney_id__in=user_ids)
        enrollments, bar_rows = enrollments.filter(user_id__in=user_ids), bar_rows.filter(user_id__in=user_ids)
    profiles = {
        row[0]: row[1:]
        for row in profile_rows.values_list(
            "user_id", "id", "firm_name", "capacity", "paused_until", "detained_ok", "remote_ok", "locations"
        )
    }
    user_by_profile = {row[0]: user_id for user_id, row in profiles.items()}

    languages: dict[int, dict[str, int]] = defaultdict(dict)
    for profile_id, code, level in language_rows.values_list("profile_id", "code", "ilr_level"):
        if profile_id in user_by_profile:
            languages[user_by_profile[profile_id]][code] = level
    experience: dict[int, dict[str, int]] = defaultdict(dict)
    for profile_id, relief_type, level in experience_rows.values_list("profile_id", "relief_type", "level"):
        if profile_id in user_by_profile:
            experience[user_by_profile[profile_id]][relief_type] = level

    # A pending offer holds a place as surely as a placement does.
    load: dict[int, int] = defaultdict(int)
    last_placed = {}
    for attorney_id, count, last in (
        placements.values("attorney_id")
        .annotate(n=Count("id", filter=Q(closed_at__isnull=True)), last=Max("placed_at"))
        .values_list("attorney_id", "n", "last")
    ):
        load[attorney_id] += count
        last_placed[attorney_id] = last
    for attorney_id, count in (
        offers.filter(status=OfferStatus.PENDING, expires_at__gt=now)
        .values("attorney_id")
        .annotate(n=Count("id"))
        .values_list("attorney_id", "n")
    ):
        load[attorney_id] += count
    declined: dict[int, set[int]] = defaultdict(set)
    for attorney_id, case_id in offers.filter(status=OfferStatus.DECLINED).values_list("attorney_id", "case_id"):
        declined[attorney_id].add(case_id)

    if required_training is None:
        required_training = _required_training()
    required_courses = frozenset(c for ids in required_training.values() for c in ids)
    if law_changed is None:
        law_changed = _law_changes(required_courses)
    completed, outdated = _completed_courses(enrollments, set(profiles), required_courses, law_changed)
    bars: dict[int, set[str]] = defaultdict(set)
    for attorney_id, code in bar_rows.values_list("user_id", "jurisdiction__code"):
        bars[attorney_id].add(code)
    conflicted = _conflicts(profiles, cases_parties or {})

    inputs = []
    for user_id, (_pid, _firm, capacity, paused_until, detained_ok, remote_ok, locations) in profiles.items():
        placed = last_placed.get(user_id)
        inputs.append(
            AttorneyInput(
                id=user_id,
                languages=languages.get(user_id, {}),
                relief_experience=experience.get(user_id, {}),
                completed_courses=frozenset(completed.get(user_id, ())),
                outdated_courses=frozenset(outdated.get(user_id, ())),
                capacity=capacity,
                active_cases=load.get(user_id, 0),
                paused=bool(paused_until and paused_until >= today),
                detained_ok=detained_ok,
                locations=frozenset(locations or ()),
                remote_ok=remote_ok,
                active_bar_jurisdictions=frozenset(bars.get(user_id, ())),
                conflicted_case_ids=frozenset(conflicted.get(user_id, ())),
                declined_case_ids=frozenset(declined.get(user_id, ())),
                last_placed_days_ago=(now - placed).days if placed else None,
            )
        )
    return inputs


# ---------------------------------------------------------------------------
# Cases


CASE_FIELDS = (
    "id",
    "languages",
    "min_ilr_level",
    "interpreter_arranged",
    "relief_types",
    "detained",
    "court",
    "location",
    "requires_bar_jurisdiction",
    "adverse_party_hashes",
)


def _related_attorneys(case_ids: list[int] | None) -> dict[int, set[int]]:
    """Case id -> attorneys placed (now or before) on one of its related cases; every seeking case when None."""
    links = Case.related_cases.through.objects.all()
    links = (
        links.filter(from_case_id__in=case_ids)
        if case_ids is not None
        else links.filter(from_case__status=CaseStatus.SEEKING)
    )
    related_to: dict[int, set[int]] = defaultdict(set)
    for case_id, related_id in links.values_list("from_case_id", "to_case_id"):
        related_to[related_id].add(case_id)
    attorneys: dict[int, set[int]] = defaultdict(set)
    if related_to:
        for related_id, attorney_id in Placement.objects.filter(case_id__in=list(related_to)).values_list(
            "case_id", "attorney_id"
        ):
            for case_id in related_to[related_id]:
                attorneys[case_id].add(attorney_id)
    return attorneys


def case_inputs(*, case_ids: list[int] | None = None, today=None) -> tuple[list[CaseInput], dict[int, list[str]]]:
    """Cases seeking an attorney (or the given cases) as matching inputs, plus their adverse-party hashes."""
    today = today or timezone.localdate()
    queryset = Case.objects.all() if case_ids is not None else Case.objects.filter(status=CaseStatus.SEEKING)
    if case_ids is not None:
        queryset = queryset.filter(pk__in=case_ids)
    rows = list(queryset.order_by("id").values_list(*CASE_FIELDS))
    ids = [row[0] for row in rows]
    dates_filter = Q(kind__in=HARD_DATE_KINDS, date__gte=today)
    if case_ids is not None:
        dates_filter &= Q(case_id__in=ids)
    else:
        dates_filter &= Q(case__status=CaseStatus.SEEKING)
    next_hard: dict[int, datetime.date] = {}
    for case_id, date in CaseDate.objects.filter(dates_filter).values_list("case_id", "date"):
        if case_id not in next_hard or date < next_hard[case_id]:
            next_hard[case_id] = date
    interest: dict[int, set[int]] = defaultdict(set)
    interest_rows = CaseInterest.objects.values_list("case_id", "attorney_id")
    if case_ids is not None:
        interest_rows = interest_rows.filter(case_id__in=ids)
    for case_id, attorney_id in interest_rows:
        interest[case_id].add(attorney_id)
    related = _related_attorneys(ids if case_ids is not None else None)

    cases, parties = [], {}
    for case_id, langs, min_ilr, interpreter, reliefs, detained, court, location, bar, party_hashes in rows:
        hard = next_hard.get(case_id)
        cases.append(
            CaseInput(
                id=case_id,
                languages=tuple(langs or ()),
                min_ilr=min_ilr,
                interpreter_arranged=interpreter,
                relief_types=tuple(reliefs or ()),
                detained=detained,
                location=court or location or "",
                required_bar_jurisdiction=bar or "",
                hard_date_within_days=(hard - today).days if hard else None,
                interested_attorney_ids=frozenset(interest.get(case_id, ())),
                related_attorney_ids=frozenset(related.get(case_id, ())),
            )
        )
        parties[case_id] = list(party_hashes or ())
    return cases, parties


# ---------------------------------------------------------------------------
# What the views and the benchmark call


def matching_inputs_for_batch() -> tuple[list[CaseInput], AttorneyPool, MatchContext]:
    """Every case seeking an attorney and the compiled attorney pool."""
    context = matching_context()
    cases, parties = case_inputs()
    pool = AttorneyPool(
        attorney_inputs(
            cases_parties=parties, required_training=context.required_training, law_changed=context.law_changed
        ),
        context,
    )
    return cases, pool, context


def matching_inputs_for_case(
    *, case_id: int, candidates_only: bool = False
) -> tuple[CaseInput, AttorneyPool, MatchContext]:
    """One case and the attorney pool. With `candidates_only`, only the attorneys SQL finds
    able to take the case, with the facts this case needs (faster; use it when only
    suggestions matter, not the list of who was excluded and why)."""
    context = matching_context()
    cases, parties = case_inputs(case_ids=[case_id])
    if not cases:
        raise Case.DoesNotExist
    if candidates_only:
        attorneys = candidate_inputs_for_case(cases[0], parties[case_id], context)
    else:
        attorneys = attorney_inputs(
            cases_parties=parties, required_training=context.required_training, law_changed=context.law_changed
        )
    return cases[0], AttorneyPool(attorneys, context), context


def fitting_open_case_ids(*, user_id: int) -> list[int]:
    """The cases seeking an attorney that pass every hard constraint for this attorney."""
    context = matching_context()
    cases, parties = case_inputs()
    attorneys = attorney_inputs(
        cases_parties=parties,
        required_training=context.required_training,
        law_changed=context.law_changed,
        user_id=user_id,
    )
    if not attorneys:
        return []
    return fitting_case_ids(cases, attorneys[0], context=context)


def open_case_exclusions(*, user_id: int) -> tuple[int, list[tuple[Reason, int]]]:
    """How many cases seek an attorney, and each hard constraint that keeps them from this one."""
    context = matching_context()
    cases, parties = case_inputs()
    attorneys = attorney_inputs(
        cases_parties=parties,
        required_training=context.required_training,
        law_changed=context.law_changed,
        user_id=user_id,
    )
    if not attorneys:
        return len(cases), []
    return len(cases), why_cases_do_not_fit(cases, attorneys[0], context=context)


def fitting_attorney_counts(*, case_ids: list[int]) -> dict[int, int]:
    """Attorney id -> how many of these cases pass every hard constraint for them."""
    context = matching_context()
    cases, parties = case_inputs(case_ids=case_ids)
    if not cases:
        return {}
    pool = AttorneyPool(
        attorney_inputs(
            cases_parties=parties, required_training=context.required_training, law_changed=context.law_changed
        ),
        context,
    )
    counts: Counter[int] = Counter()
    for case in cases:
        counts.update(feasible_attorney_ids(case, pool))
    return dict(counts)


def attorneys_by_id(*, ids) -> dict[int, object]:
    """Users for display (name, email) by id, in one query."""
    return {user.pk: user for user in User.objects.filter(pk__in=list(ids)).only("id", "email", "full_name")}


def cases_by_id(*, ids) -> dict[int, Case]:
    return {case.pk: case for case in Case.objects.filter(pk__in=list(ids)).only("id", "reference", "status")}


def offered_attorney_ids(*, case: Case) -> set[int]:
    """Everyone this case has been offered to before, whatever the answer."""
    return set(CaseOffer.objects.filter(case=case).values_list("attorney_id", flat=True))


# ---------------------------------------------------------------------------
# Mentors


def _adverse_party_hashes(case_id: int) -> list[str]:
    return list(Case.objects.filter(pk=case_id).values_list("adverse_party_hashes", flat=True).first() or ())


def _conflicted_mentor_ids(mentor_ids: list[int], case_id: int) -> set[int]:
    """Which of these mentors are conflicted out of the case, as an attorney would be: a
    conflict naming them, their firm, or an adverse party of the case. A mentor's firm is
    the one on their attorney profile, when they have one (a mentor profile has none)."""
    users, firms = _conflicted_for_case(case_id, _adverse_party_hashes(case_id))
    conflicted = users & set(mentor_ids)
    if firms:
        for user_id, firm in AttorneyProfile.objects.filter(user_id__in=mentor_ids).values_list("user_id", "firm_name"):
            if firm and firm.strip() and keyed_hash(firm) in firms:
                conflicted.add(user_id)
    return conflicted


def mentor_inputs(*, exclude_user_id: int | None = None, case_id: int | None = None) -> list[MentorInput]:
    """Available mentors as matching inputs. With `case_id`, each carries whether they are
    conflicted out of that case, so that `rank_mentors` leaves them out."""
    group = ROLE_GROUP_NAMES[Role.MENTOR]
    active = dict(
        Mentorship.objects.filter(status=MentorshipStatus.ACTIVE)
        .values("mentor_id")
        .annotate(n=Count("id"))
        .values_list("mentor_id", "n")
    )
    rows = [
        row
        for row in MentorProfile.objects.filter(
            available=True, user__is_active=True, user__groups__name=group
        ).values_list("user_id", "max_mentees", "expertise", "languages")
        if row[0] != exclude_user_id
    ]
    conflicted = _conflicted_mentor_ids([row[0] for row in rows], case_id) if case_id is not None else set()
    return [
        MentorInput(
            id=user_id,
            expertise=frozenset(expertise or ()),
            languages=frozenset(languages or ()),
            max_mentees=max_mentees,
            active_mentees=active.get(user_id, 0),
            conflicted_case_ids=frozenset((case_id,)) if user_id in conflicted else frozenset(),
        )
        for user_id, max_mentees, expertise, languages in rows
    ]


def mentor_conflicted(*, mentor_id: int, case_id: int) -> bool:
    """Whether this mentor is conflicted out of the case (themselves, their firm, or an adverse party)."""
    return mentor_id in _conflicted_mentor_ids([mentor_id], case_id)


@dataclass(frozen=True)
class PlacementForMentor:
    placement: Placement
    case: CaseInput
    mentee_languages: frozenset[str]


def placement_for_mentor(*, placement: Placement) -> PlacementForMentor:
    cases, _parties = case_inputs(case_ids=[placement.case_id])
    mentee_languages = frozenset(
        AttorneyLanguage.objects.filter(profile__user_id=placement.attorney_id).values_list("code", flat=True)
    )
    return PlacementForMentor(placement=placement, case=cases[0], mentee_languages=mentee_languages)


def placements_without_mentor() -> list[Placement]:
    """Open lead placements with no active mentor: the ones waiting for staff to confirm one
    (a case team's co-counsel and supervising attorney have no mentor of their own)."""
    with_mentor = Mentorship.objects.filter(status=MentorshipStatus.ACTIVE, placement__isnull=False).values(
        "placement_id"
    )
    return list(
        Placement.objects.filter(closed_at__isnull=True, role=TeamRole.LEAD)
        .exclude(pk__in=with_mentor)
        .select_related("case", "attorney")
        .order_by("placed_at", "id")
    )
