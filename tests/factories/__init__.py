"""Factories for tests and benchmarks, one module per app, all importable from here."""

from .accounts import *  # noqa: F401,F403
