"""One source of truth for matching settings: the solver's defaults are the stored ones, every
stored knob reaches the solver under its own name, and the case form starts from the staff-set
minimum ILR level."""

import re
from dataclasses import fields

import pytest
from django.urls import reverse

from mentorship.matching import CaseInput, Rules, Weights
from mentorship.models import MatchingSettings
from mentorship.selectors import matching as selectors


def test_solver_defaults_are_the_stored_defaults():
    stored = MatchingSettings()
    assert Weights() == Weights(**{f.name: getattr(stored, f"weight_{f.name}") for f in fields(Weights)})
    assert (Rules().urgent_within_days, Rules().urgent_min_experience) == (
        stored.urgent_within_days,
        stored.urgent_min_experience,
    )
    assert CaseInput(id=1).min_ilr == stored.min_ilr_default


def test_every_stored_weight_has_a_solver_weight_of_the_same_name():
    stored = {f.name.removeprefix("weight_") for f in MatchingSettings._meta.fields if f.name.startswith("weight_")}
    assert stored == {f.name for f in fields(Weights)}


@pytest.mark.django_db
def test_every_stored_knob_reaches_the_solver():
    names = [f.name for f in fields(Weights)]
    MatchingSettings.objects.update_or_create(
        pk=1,
        defaults={
            **{f"weight_{name}": 11 + i for i, name in enumerate(names)},
            "urgent_within_days": 21,
            "urgent_min_experience": 3,
        },
    )
    context = selectors.matching_context()
    assert [getattr(context.weights, name) for name in names] == [11 + i for i in range(len(names))]
    assert (context.rules.urgent_within_days, context.rules.urgent_min_experience) == (21, 3)


def selected_ilr(html: str) -> str:
    select = re.search(r'<select name="min_ilr_level".*?</select>', html, re.S).group(0)
    return re.search(r'<option value="(\d)"[^>]*selected', select).group(1)


@pytest.mark.django_db
def test_the_new_case_form_starts_from_the_staff_set_minimum_ilr(client_for, staff_user):
    client = client_for(staff_user)
    assert selected_ilr(client.get(reverse("staff:case_create")).content.decode()) == "3"
    MatchingSettings.objects.update_or_create(pk=1, defaults={"min_ilr_default": 2})
    assert selected_ilr(client.get(reverse("staff:case_create")).content.decode()) == "2"


@pytest.mark.django_db
def test_editing_a_case_keeps_its_own_minimum_ilr(client_for, staff_user):
    from tests.factories import CaseFactory

    case = CaseFactory(min_ilr_level=4)
    MatchingSettings.objects.update_or_create(pk=1, defaults={"min_ilr_default": 2})
    html = client_for(staff_user).get(reverse("staff:case_edit", args=[case.pk])).content.decode()
    assert selected_ilr(html) == "4"
