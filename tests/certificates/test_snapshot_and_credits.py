from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from courses.certificates.codes import ALPHABET, LENGTH, code_generate, code_normalise
from courses.certificates.snapshot import CreditLine, credits_earned, floor_to, hours_str

from .samples import sample_snapshot_inputs, snapshot_build

NY_LINES = (CreditLine("Skills", Decimal("2.0")), CreditLine("Ethics and Professionalism", Decimal("1.0")))


@pytest.mark.parametrize(
    ("minutes", "expected_total"),
    [
        (24, Decimal("0")),  # NY: under 25 minutes earns nothing
        (25, Decimal("0.5")),
        (74, Decimal("1.0")),  # 1.48 credit rounds down to the half credit
        (75, Decimal("1.5")),
        (150, Decimal("3.0")),
        (400, Decimal("3.0")),  # capped by the accredited 3 credits
    ],
)
def test_new_york_credit_rounds_down_to_half_credits_and_caps_at_accredited_hours(minutes, expected_total):
    total, _lines = credits_earned(
        engaged_minutes=minutes, credit_hour_minutes=50, increment=Decimal("0.5"), lines=NY_LINES
    )
    assert total == expected_total


def test_california_credit_is_in_quarter_hours():
    total, _ = credits_earned(
        engaged_minutes=100,
        credit_hour_minutes=60,
        increment=Decimal("0.25"),
        lines=(CreditLine("general", Decimal("3")),),
    )
    assert total == Decimal("1.50")  # 1.666 h rounds down to 1.5


def test_short_total_fills_categories_in_listed_order():
    total, lines = credits_earned(engaged_minutes=125, credit_hour_minutes=50, increment=Decimal("0.5"), lines=NY_LINES)
    assert total == Decimal("2.5")
    assert [(line.category, line.hours) for line in lines] == [
        ("Skills", Decimal("2.0")),
        ("Ethics and Professionalism", Decimal("0.5")),
    ]


def test_floor_and_printing():
    assert floor_to(Decimal("1.74"), Decimal("0.25")) == Decimal("1.50")
    assert hours_str(Decimal("3")) == "3.0"
    assert hours_str(Decimal("1.50")) == "1.5"
    assert hours_str(Decimal("0.25")) == "0.25"


def test_codes_are_long_unambiguous_and_distinct():
    codes = {code_generate() for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:50]:
        assert len(code) == LENGTH
        assert set(code) <= set(ALPHABET)
        assert not set(code) & set("01OIL")


def test_typed_codes_are_normalised_and_junk_rejected():
    code = code_generate()
    grouped = f"{code[:4].lower()}-{code[4:8]} {code[8:]}"
    assert code_normalise(grouped) == code
    assert code_normalise("ABC") == ""
    assert code_normalise("0" * LENGTH) == ""
    assert code_normalise("../../etc/passwd") == ""


def test_snapshot_states_everything_the_certificate_prints():
    snapshot = snapshot_build(**sample_snapshot_inputs())
    assert snapshot["attorney"] == {"name": "Lucía García", "bar_number": "5512345"}
    assert snapshot["provider"]["number"] == "NY-PB-0421"
    assert snapshot["course"]["number"] == "PBA-2026-U01"
    assert snapshot["completion"]["completed_on"] == "2026-11-20"
    assert snapshot["certificate"]["issued_on"] == "2026-11-23"
    assert snapshot["credits"]["total"] == "3.0"
    assert snapshot["credits"]["lines"] == [
        {"category": "Skills", "code": "", "hours": "2.0", "newly_admitted": True},
        {"category": "Ethics and Professionalism", "code": "", "hours": "1.0", "newly_admitted": True},
    ]
    assert "4 of 4 attendance codes entered" in snapshot["verification"]["method"]
    assert "affirmation signed 2026-11-20" in snapshot["verification"]["method"]
    assert snapshot["verification"]["affirmation_text"].startswith("I affirm")
    assert len(snapshot["verification"]["codes"]) == 4
    assert snapshot["transitional"]["applies"] is True
    assert snapshot["template_version"]


def test_transitional_flag_only_when_newly_admitted_and_course_counts():
    inputs = sample_snapshot_inputs(newly_admitted=False)
    assert snapshot_build(**inputs)["transitional"] == {"applies": False, "approved": False, "statement": ""}


def test_sample_dates_are_what_the_tests_expect():
    inputs = sample_snapshot_inputs()
    assert inputs["facts"].completed_at == datetime(2026, 11, 20, 19, 12, tzinfo=UTC)
    assert inputs["issued_on"] == date(2026, 11, 23)
