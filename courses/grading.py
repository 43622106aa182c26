"""Server-side grading of multiple-choice questions: plain data in, result out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class Question:
    prompt: str
    choices: tuple[str, ...]
    correct: frozenset[int]
    allow_multiple: bool = False
    explanation: str = ""


@dataclass(frozen=True)
class QuestionResult:
    prompt: str
    choices: list[str]
    chosen: list[int]
    correct: list[int]
    is_correct: bool
    explanation: str


@dataclass(frozen=True)
class GradeResult:
    score_percent: Decimal
    correct_count: int
    total: int
    passed: bool
    questions: list[QuestionResult] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "correct_count": self.correct_count,
            "total": self.total,
            "questions": [asdict(result) for result in self.questions],
        }


def questions_from_blocks(values: Iterable[Mapping]) -> list[Question]:
    """Turn QuestionBlock values (StructValues or dicts) into plain questions."""
    questions = []
    for value in values:
        choices = list(value["choices"])
        questions.append(
            Question(
                prompt=str(value["prompt"]),
                choices=tuple(str(choice["text"]) for choice in choices),
                correct=frozenset(index for index, choice in enumerate(choices) if choice["correct"]),
                allow_multiple=bool(value.get("allow_multiple")),
                explanation=str(value.get("explanation") or ""),
            )
        )
    return questions


def answers_from_post(data, count: int) -> dict[int, list[int]]:
    """Chosen choice indexes per question from form data with fields q0, q1, ...; junk is dropped."""
    answers: dict[int, list[int]] = {}
    for index in range(count):
        chosen = set()
        for raw in data.getlist(f"q{index}"):
            try:
                chosen.add(int(raw))
            except (TypeError, ValueError):
                continue
        answers[index] = sorted(chosen)
    return answers


def grade(*, questions: list[Question], answers: Mapping[int, list[int]], pass_mark_percent: int) -> GradeResult:
    """All-or-nothing per question: the chosen set must equal the correct set."""
    results = []
    for index, question in enumerate(questions):
        chosen = sorted(i for i in set(answers.get(index, [])) if 0 <= i < len(question.choices))
        if not question.allow_multiple and len(chosen) > 1:
            is_correct = False
        else:
            is_correct = frozenset(chosen) == question.correct
        results.append(
            QuestionResult(
                prompt=question.prompt,
                choices=list(question.choices),
                chosen=chosen,
                correct=sorted(question.correct),
                is_correct=is_correct,
                explanation=question.explanation,
            )
        )
    total = len(questions)
    correct_count = sum(1 for result in results if result.is_correct)
    score = (Decimal(correct_count * 100) / Decimal(total)) if total else Decimal("0")
    score = score.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return GradeResult(
        score_percent=score,
        correct_count=correct_count,
        total=total,
        passed=total > 0 and score >= Decimal(pass_mark_percent),
        questions=results,
    )
