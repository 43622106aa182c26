"""The page load benchmark on the demo database grown by `seed_scale` (program scale)."""

from bench import pages


def run() -> None:
    pages.run(scale=True)
