import pytest

from tests.factories import VolunteerFactory, bar_admission_make, cle_world_make, completed_enrollment_make


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    """Each test writes certificates to its own private directory."""
    root = tmp_path / "private"
    root.mkdir()
    settings.PRIVATE_STORAGE_ROOT = root
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": root, "base_url": None},
        },
    }
    settings.SITE_URL = "https://academy.example"
    return root


@pytest.fixture
def world(db):
    return cle_world_make()


@pytest.fixture
def attorney(db, world):
    user = VolunteerFactory(full_name="Lucía García")
    bar_admission_make(user=user, jurisdiction=world.ny, bar_number="5512345")
    return user


@pytest.fixture
def completed(attorney, world):
    return completed_enrollment_make(user=attorney, course=world.course)
