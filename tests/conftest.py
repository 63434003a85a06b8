"""Test-suite settings shared by every module.

Hypothesis's default 200 ms deadline per example turns a slow shared CI machine (or the first
example that compiles the scanner's pattern, about 3 s) into a spurious failure, so the suite
runs without deadlines; speed is measured by ``benchmarks/``, never asserted in tests.
"""

from __future__ import annotations

from hypothesis import settings

settings.register_profile("claimcheck", deadline=None, print_blob=True)
settings.load_profile("claimcheck")
