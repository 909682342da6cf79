"""How reports write numbers in Chinese prose (工作总结 sentences)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from .registry import Figure


def wan(amount: Decimal) -> str:
    """Yuan as a report writes it: 1792000 → "179.2万元", 660000 → "66万元", 3800 → "3800元"
    (万元 rounded half up to two decimals, trailing zeros dropped)."""
    if abs(amount) >= 10000:
        value = (amount / 10000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
        return f"{value:f}万元"
    return f"{amount.quantize(Decimal('0.01')).normalize():f}元"


class Cited:
    """The figures a report section cites. `take(key)` gives a figure only when records support it
    (a zero figure is never printed) and remembers it, so the section can list what it cites."""

    def __init__(self, figures: Mapping[str, Figure]) -> None:
        self.figures = figures
        self.used: list[Figure] = []

    def take(self, key: str) -> Figure | None:
        fig = self.figures.get(key)
        if fig is None or not fig.value:
            return None
        self.used.append(fig)
        return fig
