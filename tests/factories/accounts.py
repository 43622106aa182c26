import factory
from allauth.account.models import EmailAddress

from accounts.models import User
from accounts.roles import Role
from accounts.services import user_set_roles

__all__ = [
    "UserFactory",
    "VolunteerFactory",
    "MentorFactory",
    "StaffFactory",
    "EditorFactory",
    "totp_enrol",
    "DEFAULT_PASSWORD",
]

DEFAULT_PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name")
    password = factory.django.Password(DEFAULT_PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            user_set_roles(user=self, roles=set(extracted))

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


class VolunteerFactory(UserFactory):
    roles = factory.PostGeneration(
        lambda obj, create, extracted, **kw: (
            create and user_set_roles(user=obj, roles=set(extracted or [Role.VOLUNTEER]))
        )
    )


class MentorFactory(UserFactory):
    roles = factory.PostGeneration(
        lambda obj, create, extracted, **kw: create and user_set_roles(user=obj, roles=set(extracted or [Role.MENTOR]))
    )


class StaffFactory(UserFactory):
    roles = factory.PostGeneration(
        lambda obj, create, extracted, **kw: (
            create and user_set_roles(user=obj, roles=set(extracted or [Role.PROGRAM_STAFF]))
        )
    )


class EditorFactory(UserFactory):
    roles = factory.PostGeneration(
        lambda obj, create, extracted, **kw: (
            create and user_set_roles(user=obj, roles=set(extracted or [Role.CONTENT_EDITOR]))
        )
    )
    # The Wagtail admin asks editors for an authenticator, so one is enrolled unless mfa=False.
    mfa = factory.PostGeneration(
        lambda obj, create, extracted, **kw: create and extracted is not False and totp_enrol(obj)
    )


def totp_enrol(user: User) -> str:
    """Give the user a TOTP authenticator (replacing any); returns the secret for generating codes."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret
