"""Run the benchmark suite: `make bench` (or `python -m bench [name ...]`).

Each module exposes run() -> None and prints its own figures. Benchmarks measure; they
never pass or fail on timing.
"""

import importlib
import os
import sys

BENCHMARKS = ["bench.pages", "bench.pages_scale", "bench.certificates", "bench.matching"]


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
    wanted = [f"bench.{name}" for name in argv] or BENCHMARKS
    for name in wanted:
        module = importlib.import_module(name)
        print(f"\n## {name}")
        module.run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
