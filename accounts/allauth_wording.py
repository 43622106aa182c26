"""allauth messages whose wording the site's Spanish catalog replaces.

allauth ships its own Spanish catalog, but it mixes *tú* and *usted* and some Peninsular
wording; the site addresses attorneys as *usted* throughout (docs/glossary-es.md). The
site's catalog (LOCALE_PATHS) is read before allauth's, so a msgid translated there wins.
Listing them here keeps them in locale/es when ``makemessages`` rebuilds it. These are
allauth's exact msgids: if allauth changes one, the old entry simply stops matching.
"""

from django.utils.translation import gettext_noop

ALLAUTH_MSGIDS = [
    gettext_noop("Be patient, you are sending too many requests."),
    gettext_noop("You cannot generate recovery codes without having two-factor authentication enabled."),
    gettext_noop("We've sent a code to %(recipient)s. The code expires shortly, so please enter it soon."),
    gettext_noop(
        "You're receiving this email because user %(user_display)s has given your email address to register an "
        "account on %(site_domain)s."
    ),
    gettext_noop("Your email verification code is listed below. Please enter it in your open browser window."),
    gettext_noop("Email address %(deleted_email)s has been removed from your account."),
    gettext_noop(
        "We have sent an email to you for verification. Follow the link provided to finalize the signup process. "
        "If you do not see the verification email in your main inbox, check your spam folder. Please contact us "
        "if you do not receive the verification email within a few minutes."
    ),
    gettext_noop('<strong>Note:</strong> you can still <a href="%(email_url)s">change your email address</a>.'),
    gettext_noop(
        "If you choose to trust this browser, you will not be asked for a verification code the next time you sign in."
    ),
    gettext_noop("Your email has been changed from %(from_email)s to %(to_email)s."),
    gettext_noop("Enter Email Verification Code"),
    gettext_noop("Enter Password Reset Code"),
    gettext_noop("Forgot your password?"),
    gettext_noop("Send me a sign-in code"),
    gettext_noop("Sign In"),
    gettext_noop("Sign Up"),
    gettext_noop("Sign Out"),
]
