"""Print the current one-time code for the demo accounts that use MFA."""

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.core.management.base import BaseCommand

from home.demo import DEMO_TOTP_SECRET, demo_command_allow


class Command(BaseCommand):
    help = "Print the current TOTP code of the demo mentors, staff, editors and administrator."

    def handle(self, *args, **options):
        demo_command_allow(command="demo_totp_code")
        counter = next(iter(yield_hotp_counters_from_time()))
        self.stdout.write(format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter)))
