"""Demo content for the home page."""

from .models import HomePage, HomePageStep, ProgramContactSettings

STEPS = [
    (
        "Train",
        "Take free on-demand courses on gender-based asylum, U and T visas, VAWA self-petitions and SIJS, "
        "written by practitioners. Earn CLE credit in Illinois, New York and California.",
    ),
    (
        "Get matched",
        "We offer you a case that fits your languages, training and availability. You see a summary, "
        "run your conflict check, and decide.",
    ),
    (
        "Never alone",
        "An experienced immigration attorney mentors you from intake to decision, with regular "
        "check-ins and help before every deadline.",
    ),
]

INTRO = (
    "<p>Survivors of domestic violence, trafficking, forced marriage and gender-based persecution face "
    "immigration court without a lawyer far too often. With counsel, their chances of protection multiply.</p>"
    "<p>You do not need immigration experience. You need the commitment to see one case through; "
    "we provide the training, the CLE credit, the interpreters and a mentor.</p>"
)


def seed(*, people, stdout) -> None:
    home = HomePage.objects.get(depth=2)
    changed = False
    if not home.intro:
        home.intro = INTRO
        changed = True
    if not home.steps.exists():
        for order, (title, text) in enumerate(STEPS):
            HomePageStep.objects.create(page=home, sort_order=order, title=title, text=text)
    if changed:
        home.save_revision().publish()
    contact = ProgramContactSettings.load()
    if not contact.email:
        contact.email, contact.phone = "help@probono.example", "+1 555 0100"
        contact.hours = "Monday to Friday, 9:00–17:00"
        contact.save()
    stdout.write("Home page: ready")
