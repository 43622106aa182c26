"""Demo people for `seed_demo`. Every name is invented; no case or client is real."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.management.base import CommandError

from accounts.roles import Role

DEMO_PASSWORD = "probono-demo-2026"  # noqa: S105 - published demo sign-in, printed by seed_demo
# A fixed TOTP secret for demo mentors and staff, so the demo can be entered with any
# authenticator app or with `make totp`. Never used outside the demo.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105 - demo only


def demo_command_allow(*, command: str) -> None:
    """Demo commands run only in development: never against a production database.

    There is deliberately no option to force them: with DEBUG off they always refuse.
    """
    if not settings.DEBUG:
        raise CommandError(
            f"{command} runs only with DEBUG on: the demo has a superuser with a published password and a "
            "one-time-code secret shared by every demo account, which must never reach a real database. "
            "Use `make demo`, or DEBUG=true with a throwaway DATABASE_URL."
        )


@dataclass(frozen=True)
class DemoPerson:
    key: str
    email: str
    full_name: str
    roles: tuple[str, ...]
    preferred_language: str = "en"
    notes: str = ""
    extra: dict = field(default_factory=dict)


DEMO_PEOPLE: list[DemoPerson] = [
    DemoPerson("staff", "staff@probono.example", "Renata Okafor", (Role.PROGRAM_STAFF,), notes="program staff"),
    DemoPerson("staff2", "intake@probono.example", "Daniel Whitfield", (Role.PROGRAM_STAFF,), notes="program staff"),
    DemoPerson("editor", "editor@probono.example", "Priya Natarajan", (Role.CONTENT_EDITOR,), notes="content editor"),
    DemoPerson("mentor_ruiz", "m.ruiz@probono.example", "Marisol Ruiz", (Role.MENTOR,), "es"),
    DemoPerson("mentor_haddad", "k.haddad@probono.example", "Karim Haddad", (Role.MENTOR,)),
    DemoPerson("mentor_pierre", "j.pierre@probono.example", "Josette Pierre", (Role.MENTOR,)),
    DemoPerson("mentor_chen", "w.chen@probono.example", "Wei Chen", (Role.MENTOR, Role.VOLUNTEER)),
    DemoPerson("att_garcia", "l.garcia@lawfirm.example", "Lucía García", (Role.VOLUNTEER,), "es"),
    DemoPerson("att_baptiste", "r.baptiste@lawfirm.example", "Roodly Baptiste", (Role.VOLUNTEER,)),
    DemoPerson("att_mansour", "n.mansour@lawfirm.example", "Nadia Mansour", (Role.VOLUNTEER,)),
    DemoPerson("att_dubois", "c.dubois@lawfirm.example", "Claire Dubois", (Role.VOLUNTEER,)),
    DemoPerson("att_tzoc", "a.tzoc@lawfirm.example", "Andrés Tzoc", (Role.VOLUNTEER,), "es"),
    DemoPerson("att_ixcoy", "m.ixcoy@lawfirm.example", "María Ixcoy", (Role.VOLUNTEER,), "es"),
    DemoPerson("att_souza", "b.souza@lawfirm.example", "Beatriz Souza", (Role.VOLUNTEER,)),
    DemoPerson("att_ahmadi", "f.ahmadi@lawfirm.example", "Farid Ahmadi", (Role.VOLUNTEER,)),
    DemoPerson("att_volkova", "e.volkova@lawfirm.example", "Elena Volkova", (Role.VOLUNTEER,)),
    DemoPerson("att_liu", "y.liu@lawfirm.example", "Yan Liu", (Role.VOLUNTEER,)),
    DemoPerson("att_okeke", "t.okeke@lawfirm.example", "Tobi Okeke", (Role.VOLUNTEER,)),
    DemoPerson("att_novak", "s.novak@lawfirm.example", "Sarah Novak", (Role.VOLUNTEER,)),
    DemoPerson("att_herrera", "d.herrera@lawfirm.example", "Diego Herrera", (Role.VOLUNTEER,), "es"),
    DemoPerson("att_kim", "j.kim@lawfirm.example", "Jiwoo Kim", (Role.VOLUNTEER,)),
    # Just joined: no profile, bar admission or course yet, so the dashboard shows the first steps.
    DemoPerson("att_new", "p.nguyen@lawfirm.example", "Phuong Nguyen", (Role.VOLUNTEER,), notes="new volunteer"),
]


def demo_person(key: str) -> DemoPerson:
    return next(person for person in DEMO_PEOPLE if person.key == key)
