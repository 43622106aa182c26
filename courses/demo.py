"""Demo content for seed_demo."""


def seed(*, people, stdout) -> None:
    """Filled in as the app grows."""
