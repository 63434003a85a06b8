"""The one pint registry, built lazily from ``data/units_en.txt``.

Importing claimcheck builds nothing; the registry is made on first use and cached.
Currencies are pint dimensions of their own (``[currency_USD]`` …), so "$2 million"
and "EUR 300,000" are pint quantities too and never convert into each other.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import TYPE_CHECKING

from claimcheck.errors import UnitError

if TYPE_CHECKING:  # pint is imported on first use, not when claimcheck is imported
    import pint

COUNT = ""
"""The unit of a plain count: dimensionless."""


@functools.cache
def registry() -> pint.UnitRegistry:  # type: ignore[type-arg]
    """Return the shared registry: pint's defaults plus claimcheck's ``units_en.txt``.

    >>> str(registry().Unit("kilometer"))
    'kilometer'
    """
    import pint

    ureg: pint.UnitRegistry = pint.UnitRegistry(cache_folder=None)  # type: ignore[type-arg]
    text = resources.files("claimcheck.data").joinpath("units_en.txt").read_text("utf-8")
    definitions = [
        line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    for definition in definitions:
        ureg.define(definition)
    return ureg


@functools.cache
def unit(name: str) -> pint.Unit:
    """Return the pint unit called *name* ("" is dimensionless)."""
    return registry().Unit(name) if name else registry().dimensionless


@functools.cache
def factor(source: str, target: str) -> tuple[float, float]:
    """Return ``(scale, offset)`` with ``value_in_target = value * scale + offset``.

    Raises UnitError when the two units have different dimensions.

    >>> factor("kilometer", "meter")
    (1000.0, 0.0)
    """
    if source == target:
        return 1.0, 0.0
    import pint

    ureg = registry()
    try:
        zero = ureg.Quantity(0.0, unit(source)).to(unit(target)).magnitude
        one = ureg.Quantity(1.0, unit(source)).to(unit(target)).magnitude
    except pint.DimensionalityError as exc:
        raise UnitError(source or "count", target or "count") from exc
    return float(one - zero), float(zero)


def compatible(left: str, right: str) -> bool:
    """Whether amounts in *left* and *right* units can be compared."""
    try:
        factor(left, right)
    except UnitError:
        return False
    return True
