"""Lexicons and unit definitions, as data (see docs/lexicon.md)."""
