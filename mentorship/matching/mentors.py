"""Mentors for a placed attorney: the same idea as the attorney matching, second stage."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ..languages import language_name
from .pool import round_half_up
from .types import CaseInput, MatchContext, Reason, Term


@dataclass(frozen=True)
class MentorInput:
    id: int
    expertise: frozenset[str] = frozenset()  # relief types
    languages: frozenset[str] = frozenset()  # ISO 639-3
    max_mentees: int = 3
    active_mentees: int = 0
    # Cases the mentor is conflicted out of, as an attorney would be (themselves, their firm,
    # or an adverse party of the case).
    conflicted_case_ids: frozenset[int] = frozenset()

    @property
    def free_slots(self) -> int:
        return max(self.max_mentees - self.active_mentees, 0)


@dataclass(frozen=True)
class MentorConstraint:
    """One hard constraint on a (case, mentor) pair: a mentor failing it is never suggested."""

    code: str
    label: str  # marked for translation
    failed: Callable[[CaseInput, MentorInput, int | None], bool]  # (case, mentor, mentee id)
    text: str  # marked for translation

    def reason(self) -> Reason:
        return Reason(self.code, f"{_(self.label)}: {_(self.text)}")


MENTOR_CONSTRAINTS: tuple[MentorConstraint, ...] = (
    MentorConstraint(
        "capacity",
        gettext_noop("Capacity"),
        lambda case, mentor, mentee_id: mentor.free_slots < 1,
        gettext_noop("no free mentee place"),
    ),
    MentorConstraint(
        "conflict",
        gettext_noop("Conflict of interest"),
        lambda case, mentor, mentee_id: case.id in mentor.conflicted_case_ids,
        gettext_noop("conflicted out of this case"),
    ),
    MentorConstraint(
        "self",
        gettext_noop("Own mentor"),
        lambda case, mentor, mentee_id: mentor.id == mentee_id,
        gettext_noop("an attorney cannot mentor themselves"),
    ),
)


def mentor_failed_constraints(
    case: CaseInput, mentor: MentorInput, *, mentee_id: int | None = None
) -> tuple[Reason, ...]:
    """Every mentor hard constraint the pair fails, in words (empty when the mentor may be chosen)."""
    return tuple(c.reason() for c in MENTOR_CONSTRAINTS if c.failed(case, mentor, mentee_id))


@dataclass(frozen=True)
class MentorSuggestion:
    mentor_id: int
    score: int  # 0-100
    terms: tuple[Term, ...]


def rank_mentors(
    case: CaseInput,
    mentors: Iterable[MentorInput],
    *,
    mentee_id: int | None = None,
    mentee_languages: frozenset[str] = frozenset(),
    k: int = 5,
    context: MatchContext | None = None,
) -> list[MentorSuggestion]:
    """Mentors who pass every mentor hard constraint (room for a mentee, not conflicted out of
    the case, not the mentee), best first: expertise in the relief sought (50), a language
    shared with the client or the mentee (25), a light mentee load (25). Ties go to the lower id."""
    context = context or MatchContext()
    ranked = []
    for mentor in sorted(mentors, key=lambda m: m.id):
        if any(c.failed(case, mentor, mentee_id) for c in MENTOR_CONSTRAINTS):
            continue
        covered = [rt for rt in case.relief_types if rt in mentor.expertise]
        expertise_points = int(round_half_up(50 * len(covered) / len(case.relief_types))) if case.relief_types else 0
        if covered:
            expertise_text = _("Expertise in %(types)s") % {
                "types": ", ".join(context.relief_label(rt) for rt in covered)
            }
        else:
            expertise_text = _("No expertise in the relief sought")
        client_shared = sorted(set(case.languages) & mentor.languages)
        mentee_shared = sorted((mentee_languages & mentor.languages) - {"eng"})
        if client_shared:
            language_points = 25
            language_text = _("Speaks the client's language (%(languages)s)") % {
                "languages": ", ".join(language_name(c) for c in client_shared)
            }
        elif mentee_shared:
            language_points = 10
            language_text = _("Shares %(languages)s with the attorney") % {
                "languages": ", ".join(language_name(c) for c in mentee_shared)
            }
        else:
            language_points, language_text = 0, _("Does not speak the client's language")
        load_points = int(round_half_up(25 * mentor.free_slots / max(mentor.max_mentees, 1)))
        load_text = _("%(free)s of %(max)s mentee places free") % {
            "free": mentor.free_slots,
            "max": mentor.max_mentees,
        }
        terms = (
            Term("expertise", _("Expertise"), expertise_points, 50, expertise_text),
            Term("language", _("Language"), language_points, 25, language_text),
            Term("load", _("Current load"), load_points, 25, load_text),
        )
        ranked.append(MentorSuggestion(mentor.id, expertise_points + language_points + load_points, terms))
    ranked.sort(key=lambda s: (-s.score, s.mentor_id))
    return ranked[: max(k, 0)]
