"""Build program-scale benchmark data on top of the database: `manage.py seed_scale [--scale 0.01]`."""

import time

from django.core.management.base import BaseCommand, CommandError

from home.demo import DEMO_PASSWORD, demo_command_allow
from home.scale import ScaleError, ScaleSizes, scale_data_build, scale_data_counts, scale_sizes_describe

COUNT_OPTIONS = {
    "attorneys": "volunteer attorneys (users, profiles, languages, relief experience, bar admissions)",
    "mentors": "mentors (users and mentor profiles)",
    "courses": "course pages",
    "lessons": "lesson pages, spread evenly over the courses",
    "completions": "completed lessons (LessonProgress rows with a completion)",
    "certificates": "certificate rows (no PDF is rendered)",
    "cases": "cases",
    "open_cases": "open cases: seeking an attorney (the rest are half placed, half closed)",
    "checkins": "mentorship check-ins",
}
PAGE_PHASES = {"course pages", "lesson pages"}


class Command(BaseCommand):
    help = (
        "Add program-scale data for benchmarks (10,000 attorneys, 200 courses, 100,000 completions, "
        "3,000 cases...) once, in one transaction. --scale multiplies every default count; a count "
        "given by its own option is taken exactly. Development databases only (DEBUG on)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=float, default=1.0, help="factor for every default count, e.g. 0.01 (default 1)"
        )
        defaults = ScaleSizes()
        for name, meaning in COUNT_OPTIONS.items():
            parser.add_argument(
                f"--{name.replace('_', '-')}",
                dest=name,
                type=int,
                default=None,
                help=f"{meaning} (default {getattr(defaults, name):,} times --scale)",
            )

    def handle(self, *args, scale: float, **options):
        demo_command_allow(command="seed_scale")
        if scale <= 0:
            raise CommandError("--scale must be more than 0.")
        sizes = ScaleSizes.scaled(scale, **{name: options[name] for name in COUNT_OPTIONS})
        self.stdout.write(f"Building scale data: {scale_sizes_describe(sizes)}.")
        started = time.perf_counter()
        try:
            scale_data_build(sizes=sizes, report=self._report)
        except ScaleError as exc:
            raise CommandError(str(exc)) from exc
        total = time.perf_counter() - started
        counts = ", ".join(f"{value:,} {name.replace('_', ' ')}" for name, value in scale_data_counts().items())
        self.stdout.write(self.style.SUCCESS(f"Scale data ready in {total:.1f} s: {counts}."))
        self.stdout.write(
            f"Scale accounts sign in with the demo password {DEMO_PASSWORD}, e.g. scale-attorney-000000@scale.example. "
            "The search index was left alone: run `manage.py update_index` before benchmarking search."
        )

    def _report(self, phase: str, rows: int, seconds: float) -> None:
        line = f"  {phase:<34} {rows:>9,} rows {seconds:>8.1f} s"
        if phase in PAGE_PHASES and rows:
            line += f"  ({seconds * 1000 / rows:.1f} ms a page)"
        self.stdout.write(line)
