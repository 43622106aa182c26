from django.apps import apps

from mentorship.fields import EncryptedTextField
from mentorship.inventory import DATA_INVENTORY, RESTRICTED


def _stored_fields(model):
    return {field.name for field in (*model._meta.concrete_fields, *model._meta.many_to_many)}


def test_every_mentorship_field_is_in_the_data_inventory():
    missing = []
    for model in apps.get_app_config("mentorship").get_models():
        listed = DATA_INVENTORY.get(model._meta.label, {})
        missing += [f"{model._meta.label}.{name}" for name in sorted(_stored_fields(model) - set(listed))]
    assert not missing, f"Fields missing from mentorship/inventory.py: {missing}"


def test_inventory_lists_no_field_that_does_not_exist():
    stale = []
    for label, fields in DATA_INVENTORY.items():
        model = apps.get_model(label)
        stale += [f"{label}.{name}" for name in sorted(set(fields) - _stored_fields(model))]
    assert not stale


def test_encrypted_fields_are_classed_restricted_and_restricted_fields_are_encrypted():
    for model in apps.get_app_config("mentorship").get_models():
        for field in model._meta.concrete_fields:
            sensitivity, _purpose = DATA_INVENTORY[model._meta.label][field.name]
            assert isinstance(field, EncryptedTextField) == (sensitivity == RESTRICTED), (
                f"{model._meta.label}.{field.name}"
            )
