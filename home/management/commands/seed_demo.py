"""Build the demo site. Idempotent: a second run changes nothing."""

from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand

from home.demo import DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TOTP_SECRET, demo_command_allow
from home.services import demo_people_ensure

# Each app's demo module exposes seed(*, people, stdout); they run in this order.
DEMO_SEEDERS = ["home.demo_pages", "courses.demo", "courses.certificates.demo", "mentorship.demo"]


class Command(BaseCommand):
    help = "Create realistic demo content: training track, CLE rules, people, cases. Safe to run twice."

    def handle(self, *args, **options):
        demo_command_allow(command="seed_demo")
        people = demo_people_ensure()
        for dotted in DEMO_SEEDERS:
            import_module(dotted).seed(people=people, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"\nDemo content is ready at {settings.SITE_URL.rstrip('/')}/"))
        self.stdout.write(f"Every demo account's password: {DEMO_PASSWORD}")
        self.stdout.write(
            "Mentors, staff, content editors and the administrator sign in with a one-time code: "
            "`make totp` (or `DEBUG=true .venv/bin/python manage.py demo_totp_code`) prints the current one "
            f"(or add the secret {DEMO_TOTP_SECRET} to an authenticator app)."
        )
        for person in DEMO_PEOPLE:
            roles = ", ".join(str(role).replace("_", " ") for role in person.roles)
            self.stdout.write(f"  {person.email:<32} {person.full_name:<20} {roles}")
        self.stdout.write(f"  {'admin@probono.example':<32} {'Site Administrator':<20} superuser (Wagtail admin)")
