"""Who matching excludes from one case, and why, counted and paged in SQL.

The narrowing hooks of `matching.py` may be looser than their constraints (the solver checks
again); here each hard constraint has an exact SQL condition instead, so the staff page can
count the excluded attorneys per constraint and show one page of them without loading every
attorney's facts. The reasons shown for a page still come from the solver, run on that page's
attorneys alone. `tests/mentorship/test_exclusions.py` holds the two to the same answers.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, F, OuterRef, Q, QuerySet, Value
from django.utils import timezone

from accounts.models import User
from accounts.roles import ROLE_GROUP_NAMES, Role
from courses.models import BarAdmission, Enrollment

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
    AttorneyPool,
    CaseInput,
    Exclusion,
    MatchContext,
    top_k,
)
from ..matching.constraints import deadline_applies
from ..models import AttorneyLanguage, AttorneyProfile, AttorneyReliefExperience, CaseOffer, OfferStatus, Placement
from .matching import _conflicted_for_case, _count, _current_completion, attorney_inputs


def _pool() -> QuerySet[AttorneyProfile]:
    """Every attorney matching compares a case with (as `matching._pool_profiles`, without its join)."""
    volunteer = User.groups.through.objects.filter(
        user_id=OuterRef("user_id"), group__name=ROLE_GROUP_NAMES[Role.VOLUNTEER]
    )
    return AttorneyProfile.objects.filter(Exists(volunteer), user__is_active=True)


def _conflicted_user_ids(case: CaseInput, parties: list[str]) -> set[int]:
    attorneys, firms = _conflicted_for_case(case.id, parties)
    if firms:
        # Firm names are hashed with a key SQL does not hold; the few profiles with a firm are read.
        named = _pool().exclude(firm_name="").values_list("user_id", "firm_name")
        attorneys |= {user_id for user_id, firm in named if firm.strip() and keyed_hash(firm) in firms}
    return attorneys


def _failing(case: CaseInput, parties: list[str], context: MatchContext, today: datetime.date) -> dict[str, object]:
    """Constraint code -> an SQL condition true for each profile that fails it, for the constraints
    that apply to the case. Each mirrors its constraint's vector in `matching.constraints` exactly."""
    conditions: dict[str, object] = {}
    if case.languages and not case.interpreter_arranged:
        speaks = AttorneyLanguage.objects.filter(
            profile=OuterRef("pk"), code__in=case.languages, ilr_level__gte=case.min_ilr
        )
        conditions[LANGUAGE] = ~Exists(speaks)
    required = sorted({c for rt in case.relief_types for c in context.required_training.get(rt, ())})
    if required:
        missing = Q()
        for course_id in required:
            completed = Enrollment.objects.filter(
                _current_completion(course_id, context.law_changed),
                completed_at__isnull=False,
                user_id=OuterRef("user_id"),
                course_id=course_id,
            )
            missing |= ~Exists(completed)
        conditions[TRAINING] = missing
    # A pending offer holds a place as surely as a placement does (annotated in `_annotated`).
    conditions[CAPACITY] = Q(capacity__lte=F("open_placements") + F("pending_offers"))
    conditions[PAUSED] = Q(paused_until__gte=today)
    conflicted = _conflicted_user_ids(case, parties)
    if conflicted:
        conditions[CONFLICT] = Q(user_id__in=sorted(conflicted))
    declined = CaseOffer.objects.filter(case_id=case.id, attorney_id=OuterRef("user_id"), status=OfferStatus.DECLINED)
    conditions[DECLINED] = Exists(declined)
    bars = BarAdmission.objects.filter(user_id=OuterRef("user_id"), status=BarAdmission.Status.ACTIVE)
    conditions[BAR_ADMISSION] = ~Exists(bars)
    if case.required_bar_jurisdiction:
        # Someone with no admission at all fails BAR_ADMISSION; this one names the missing state.
        there = bars.filter(jurisdiction__code=case.required_bar_jurisdiction)
        conditions[BAR_JURISDICTION] = Exists(bars) & ~Exists(there)
    if case.detained:
        conditions[DETAINED] = Q(detained_ok=False)
    minimum = context.rules.urgent_min_experience
    if deadline_applies(case, context) and minimum > 0:
        experienced = AttorneyReliefExperience.objects.filter(
            profile=OuterRef("pk"), relief_type__in=case.relief_types, level__gte=minimum
        )
        conditions[DEADLINE_EXPERIENCE] = ~Exists(experienced)
    return conditions


def _annotated(case: CaseInput, parties: list[str], context: MatchContext, today: datetime.date) -> QuerySet:
    """The pool with one boolean `fails_<code>` per applicable constraint."""
    now = timezone.now()
    placements = Placement.objects.filter(attorney_id=OuterRef("user_id"), closed_at__isnull=True)
    pending = CaseOffer.objects.filter(attorney_id=OuterRef("user_id"), status=OfferStatus.PENDING, expires_at__gt=now)
    queryset = _pool().annotate(open_placements=_count(placements), pending_offers=_count(pending))
    flags = {
        f"fails_{code}": ExpressionWrapper(condition, output_field=BooleanField())
        for code, condition in _failing(case, parties, context, today).items()
    }
    return queryset.annotate(**flags)


@dataclass(frozen=True)
class ExclusionCounts:
    compared: int  # attorneys matching compares the case with
    excluded: int  # of them, those failing at least one constraint
    by_constraint: dict[str, int]  # code -> how many fail it, in constraint order, zeros left out


def exclusion_counts(
    case: CaseInput, parties: list[str], context: MatchContext, *, today: datetime.date | None = None
) -> ExclusionCounts:
    """How many attorneys the case is compared with, and how many fail each constraint. One query."""
    queryset = _annotated(case, parties, context, today or timezone.localdate())
    codes = [code for code in CONSTRAINT_CODES if f"fails_{code}" in queryset.query.annotations]
    any_failed = Q()
    for code in codes:
        any_failed |= Q(**{f"fails_{code}": True})
    figures = queryset.aggregate(
        compared=Count("pk"),
        excluded=Count("pk", filter=any_failed) if codes else Value(0),
        **{code: Count("pk", filter=Q(**{f"fails_{code}": True})) for code in codes},
    )
    return ExclusionCounts(
        compared=figures["compared"],
        excluded=figures["excluded"],
        by_constraint={code: figures[code] for code in codes if figures[code]},
    )


def excluded_user_ids(
    case: CaseInput,
    parties: list[str],
    context: MatchContext,
    *,
    constraint: str = "",
    today: datetime.date | None = None,
) -> QuerySet:
    """User ids of the attorneys excluded from the case (by `constraint` alone when given), in id
    order: a lazy query to page, so only the page's ids are read."""
    queryset = _annotated(case, parties, context, today or timezone.localdate())
    flags = [name for name in queryset.query.annotations if name.startswith("fails_")]
    if constraint:
        flags = [name for name in flags if name == f"fails_{constraint}"]
    if not flags:
        return queryset.none().values_list("user_id", flat=True)
    excluded = Q()
    for name in flags:
        excluded |= Q(**{name: True})
    return queryset.filter(excluded).order_by("user_id").values_list("user_id", flat=True)


def exclusions_for(
    case: CaseInput, parties: list[str], context: MatchContext, *, user_ids: list[int]
) -> list[Exclusion]:
    """The solver's reasons for excluding these attorneys from the case, in the order given."""
    inputs = attorney_inputs(
        cases_parties={case.id: parties},
        required_training=context.required_training,
        law_changed=context.law_changed,
        user_ids=user_ids,
    )
    _suggestions, excluded = top_k(case, AttorneyPool(inputs, context), 0, context=context)
    by_id = {exclusion.attorney_id: exclusion for exclusion in excluded}
    return [by_id.get(user_id, Exclusion(attorney_id=user_id, reasons=())) for user_id in user_ids]
