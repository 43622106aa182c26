"""The hard constraints every offer and placement must meet, asked in one place.

Staff's hand-sent offer, batch publish, the cascade (through ``offer_send``), accepting an
offer and expressing interest all call `pair_constraint_failures`; open cases and the weekly
digest read the same constraints through matching's fitting-case selectors. The
constraints themselves are matching's (`mentorship.matching.evaluate` on fresh inputs from
`mentorship.selectors.matching`), so an offer path can never accept a pair that matching
would exclude.

Which failures staff may override with a written reason is decided here too: never a
conflict of interest (an ethics bar, not a question of fit) and never a missing bar
admission (without one the attorney may not represent anyone); anything else, such as
language, training, capacity, pause, bar jurisdiction, detained docket, deadline experience
or an earlier decline, may be overridden.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from django.utils.translation import gettext as _

from accounts.models import User

from ..matching import Reason, evaluate
from ..models import Case, CaseOffer, Placement
from ..selectors.matching import attorney_inputs, case_inputs, matching_context

CONFLICT = "conflict"
BAR_ADMISSION = "bar_admission"
# Not one of matching's constraints: the person is not an active volunteer with a profile,
# so there is nothing to evaluate.
NO_PROFILE = "no_profile"

NEVER_OVERRIDDEN = frozenset({CONFLICT, BAR_ADMISSION, NO_PROFILE})
MIN_OVERRIDE_REASON = 10


def open_placement_count(*, attorney: User) -> int:
    return Placement.objects.filter(attorney=attorney, closed_at__isnull=True).count()


def pair_constraint_failures(*, case: Case, attorney: User, accepting: CaseOffer | None = None) -> tuple[Reason, ...]:
    """Every hard constraint the pair fails now, in matching's order and words; empty when it fits.

    Read fresh from the database on each call. Offering counts the attorney's pending offers
    as load, as matching does. With ``accepting`` (the attorney's own pending offer being
    accepted) only open placements count: a pending offer holds a place while the attorney
    decides, but the offer being accepted must not count against itself, and neither may a
    second pending offer, which the attorney can still decline. Call it under the
    attorney's profile lock when accepting, so the count cannot go stale.
    """
    context = matching_context()
    cases, parties = case_inputs(case_ids=[case.pk])
    people = attorney_inputs(
        cases_parties=parties,
        required_training=context.required_training,
        law_changed=context.law_changed,
        user_id=attorney.pk,
    )
    if not cases or not people:
        return (Reason(NO_PROFILE, _("Attorney profile: not an active volunteer attorney with a profile")),)
    person = people[0]
    if accepting is not None:
        person = replace(person, active_cases=open_placement_count(attorney=attorney))
    return evaluate(cases[0], person, context=context).failed_constraints


def can_override(reasons: Iterable[Reason]) -> bool:
    """Whether staff may override all of these failures with a written reason."""
    return not any(reason.code in NEVER_OVERRIDDEN for reason in reasons)


def blocking_at_accept(*, failures: Iterable[Reason], offer: CaseOffer) -> tuple[Reason, ...]:
    """The failures the offer's recorded override does not cover (a new conflict, say)."""
    covered = set(offer.override_codes or ()) - NEVER_OVERRIDDEN
    return tuple(reason for reason in failures if reason.code not in covered)
