"""Credit arithmetic shared by the course models and the certificate snapshot (plain numbers, no ORM)."""

from __future__ import annotations

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

ROUND_DOWN_RULE = "down"
ROUND_NEAREST_RULE = "nearest"


def round_to_increment(value: Decimal, increment: Decimal, rule: str = ROUND_DOWN_RULE) -> Decimal:
    """`value` in whole steps of `increment`: rounded down, or to the nearest step (halves up).

    California reports credit "to the nearest quarter hour" (Rules of the State Bar 2.51(D));
    most boards only accept completed increments, so down is the default.
    """
    if increment <= 0:
        return value
    rounding = ROUND_HALF_UP if rule == ROUND_NEAREST_RULE else ROUND_FLOOR
    return (value / increment).to_integral_value(rounding=rounding) * increment
