"""Site-wide writes: the demo people."""

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction

from accounts.models import User
from accounts.services import roles_ensure_groups, user_must_use_mfa, user_set_roles

from .demo import DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TOTP_SECRET


def demo_people_ensure() -> dict[str, User]:
    """Create or refresh the demo accounts; running it again changes nothing."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    roles_ensure_groups()
    people: dict[str, User] = {}
    # Every demo account has the same password: hashed once (each hash takes the production
    # hasher's full work factor), given to each account made now.
    password_hash = make_password(DEMO_PASSWORD)
    with transaction.atomic():
        for person in DEMO_PEOPLE:
            user, created = User.objects.get_or_create(
                email=person.email,
                defaults={"full_name": person.full_name, "preferred_language": person.preferred_language},
            )
            if created:
                user.password = password_hash
                user.save(update_fields=["password"])
            user_set_roles(user=user, roles=set(person.roles))
            EmailAddress.objects.get_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )
            # Whoever the MFA gate will ask (mentors, staff, editors) gets the demo authenticator.
            if (
                user_must_use_mfa(user=user)
                and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
            ):
                TOTP.activate(user, DEMO_TOTP_SECRET)
            people[person.key] = user
        admin, created = User.objects.get_or_create(
            email="admin@probono.example",
            defaults={"full_name": "Site Administrator", "is_staff": True, "is_superuser": True},
        )
        if created:
            admin.password = password_hash
            admin.save(update_fields=["password"])
        EmailAddress.objects.get_or_create(user=admin, email=admin.email, defaults={"verified": True, "primary": True})
        if not Authenticator.objects.filter(user=admin, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(admin, DEMO_TOTP_SECRET)
        people["admin"] = admin
    return people
