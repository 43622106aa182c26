"""Factories for tests, benchmarks and the demo, one module per app, all importable from here."""

from .accounts import *  # noqa: F401,F403
from .certificates import *  # noqa: F401,F403
from .courses import *  # noqa: F401,F403
from .mentorship import *  # noqa: F401,F403
