import io

import pytest
from django.apps import apps
from django.core.management import call_command

from accounts.models import User

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def test_seed_demo_twice_leaves_identical_row_counts():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    first = row_counts()
    call_command("seed_demo", stdout=io.StringIO())
    second = row_counts()
    changed = {label: (first[label], second[label]) for label in first if first[label] != second[label]}
    assert not changed, changed
    assert "probono-demo-2026" in out.getvalue()


def test_seed_demo_creates_people_in_every_role():
    call_command("seed_demo", stdout=io.StringIO())
    users = list(User.objects.all())
    for role in ["volunteer", "mentor", "program_staff", "content_editor"]:
        assert any(user.has_role(role) for user in users), role
