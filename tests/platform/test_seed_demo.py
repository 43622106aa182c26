import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from accounts.models import User
from tests.platform.test_settings import PRODUCTION_ENV, run_manage

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def test_seed_demo_twice_leaves_identical_row_counts(demo_seed):
    printed = demo_seed()
    first = row_counts()
    demo_seed()
    second = row_counts()
    changed = {label: (first[label], second[label]) for label in first if first[label] != second[label]}
    assert not changed, changed
    assert "probono-demo-2026" in printed


def test_seed_demo_creates_people_in_every_role(demo_seed):
    demo_seed()
    users = list(User.objects.all())
    for role in ["volunteer", "mentor", "program_staff", "content_editor"]:
        assert any(user.has_role(role) for user in users), role


@pytest.mark.parametrize("command", ["seed_demo", "demo_totp_code"])
def test_demo_commands_refuse_to_run_with_debug_off(command):
    """The demo's superuser has a published password and a shared one-time-code secret."""
    out = io.StringIO()
    with pytest.raises(CommandError, match="only with DEBUG on"):
        call_command(command, stdout=out)
    assert not User.objects.exists()
    assert out.getvalue() == ""


def test_seed_demo_on_a_production_configuration_stops_with_a_sentence():
    result = run_manage("seed_demo", env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "seed_demo runs only with DEBUG on" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
