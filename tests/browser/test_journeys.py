"""Whole journeys in a real browser, each done through the pages as a person would: clicks and typing.

Every page on the way is checked with axe (no critical or serious violation) and the key ones are
saved as screenshots 1280 and 375 px wide under .ci/out/screenshots/ (see `check_page`).
"""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.utils.text import slugify

from accounts.models import User
from courses.certificates.models import Certificate
from courses.models import (
    AttendanceCheckpoint,
    BarAdmission,
    CourseAccreditation,
    CoursePage,
    LessonPage,
    LessonProgress,
)
from mentorship.models import Case, CaseOffer, CaseStatus, CheckIn, Mentorship, Placement
from tests.factories import (
    CaseFactory,
    CaseOfferFactory,
    CoursePageFactory,
    CreditCategoryFactory,
    EditorFactory,
    JurisdictionFactory,
    LessonPageFactory,
    MentorProfileFactory,
    StaffFactory,
    VolunteerFactory,
    attorney_with_profile,
    bar_admission_make,
    catalog_page,
    knowledge_check_data,
    question_data,
    text_block,
    totp_enrol,
)

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "Lantern-river-4417"


def field(page, label: str):
    """The form field with this label (allauth's labels end in a colon, Django's may not)."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}:?\s*$"))


@pytest.fixture(autouse=True)
def _short_timeouts(page):
    page.set_default_timeout(10_000)


def test_new_attorney_signs_up_confirms_the_email_signs_in_and_fills_the_profile(page, check_page):
    JurisdictionFactory(code="NY", name="New York")
    page.goto("/accounts/signup/")
    check_page(page, "signup", "form")
    field(page, "Full name").fill("Amara Okafor")
    field(page, "Email").fill("amara@firm.example")
    field(page, "Password").fill(PASSWORD)
    field(page, "Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    page.wait_for_url("**/accounts/confirm-email/")
    check_page(page, "signup", "check-email")

    # The confirmation email went to Django's outbox in this (the live server's) process.
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["amara@firm.example"]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    check_page(page, "signup", "confirm")
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_load_state("load")
    user = User.objects.get(email="amara@firm.example")
    assert user.emailaddress_set.get().verified

    # Signed in through the login form (sign out first if confirming signed the attorney in).
    if page.get_by_role("button", name=re.compile("Sign out", re.I)).count():
        page.get_by_role("button", name=re.compile("Sign out", re.I)).first.click()
        page.wait_for_load_state("load")
    page.goto("/accounts/login/")
    check_page(page, "signin", "form")
    field(page, "Email").fill("amara@firm.example")
    field(page, "Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    page.wait_for_load_state("load")
    assert "/accounts/login/" not in page.url
    check_page(page, "signin", "dashboard")

    page.goto("/mentorship/profile/")
    check_page(page, "profile", "form")
    field(page, "Firm or organisation").fill("Okafor & Reyes LLP")
    field(page, "Maximum active cases").fill("2")
    page.get_by_label("I can work remotely").check()
    page.get_by_label("Language 1", exact=True).fill("Spanish")
    page.get_by_label("ILR speaking level for language 1").select_option("4")
    page.get_by_label("Language 2", exact=True).fill("French")
    page.get_by_label("ILR speaking level for language 2").select_option("2")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Your profile is saved.").wait_for()
    check_page(page, "profile", "saved")
    assert page.get_by_label("Language 1", exact=True).input_value() == "Spanish"

    page.goto("/learn/profile/bar/")
    check_page(page, "profile", "bar")
    field(page, "Jurisdiction").select_option(label="New York (NY)")
    field(page, "Bar or registration number").fill("5512345")
    field(page, "Date admitted").fill("2019-06-12")
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state("load")
    check_page(page, "profile", "bar-saved")
    assert "5512345" in page.inner_text("main")

    profile = user.attorney_profile
    assert profile.firm_name == "Okafor & Reyes LLP" and profile.remote_ok
    assert sorted(profile.languages.values_list("code", "ilr_level")) == [("fra", 2), ("spa", 4)]
    admission = BarAdmission.objects.get(user=user)
    assert admission.jurisdiction.code == "NY" and admission.bar_number == "5512345"


def accredited_course():
    """A New York course with every completion rule on: engaged time, a knowledge check, an attendance
    code, a final assessment and the affirmation of attendance."""
    ny = JurisdictionFactory(code="NY")
    skills = CreditCategoryFactory(jurisdiction=ny, code="skills", name="Skills")
    course = CoursePageFactory(
        parent=catalog_page(),
        title="Asylum basics",
        slug="asylum-basics",
        minimum_engaged_minutes=2,
        require_attendance_codes=True,
        require_affirmation=True,
        affirmation_text="I attended every part of this course myself.",
        final_assessment=[
            {
                "type": "question",
                "value": question_data("Who bears the burden of proof?", ["The applicant", "The government"], {0}),
            },
            {
                "type": "question",
                "value": question_data("Within what time must asylum be sought?", ["One year", "Five years"], {0}),
            },
        ],
        pass_mark_percent=100,
        max_attempts=3,
    )
    first = LessonPageFactory(parent=course, title="Who is a refugee", slug="who-is-a-refugee")
    second = LessonPageFactory(
        parent=course,
        title="Nexus",
        slug="nexus",
        body=[
            text_block("<p>Nexus asks whether a protected ground is at least one central reason.</p>"),
            knowledge_check_data(
                [question_data("Which standard applies to nexus?", ["One central reason", "Sole reason"], {0})]
            ),
        ],
    )
    AttendanceCheckpoint.objects.create(lesson=first, code="HERON55", offset_minutes=0)
    CourseAccreditation.objects.create(
        course=course,
        jurisdiction=ny,
        provider_name="Pro Bono Academy",
        provider_number="NY-PB-0421",
        course_number="PBA-NY-101",
        format=CourseAccreditation.Format.ON_DEMAND,
        credit_hours=[("credit", {"category": str(skills.pk), "hours": Decimal("1.0")})],
    )
    return course, [first, second]


def engaged_time_credit(*, user, lesson, seconds: int) -> None:
    # Engaged time is counted from heartbeats on the server's clock, one a minute; rather than wait
    # minutes in a test, the seconds the heartbeats would have counted are credited here. The rest
    # of the journey (heartbeat, code, checks, clicks) is real.
    LessonProgress.objects.filter(enrollment__user=user, lesson=lesson).update(engaged_seconds=seconds)


def test_attorney_takes_a_course_to_the_certificate_downloads_it_and_verifies_it(
    page, sign_in, check_page, private_storage
):
    course, (first, second) = accredited_course()
    attorney = VolunteerFactory(full_name="Lucía García")
    bar_admission_make(user=attorney, jurisdiction=course.accreditations.get().jurisdiction, bar_number="5512345")
    sign_in(attorney)

    page.goto("/learn/catalog/")
    check_page(page, "course", "catalog")
    page.get_by_role("link", name="Asylum basics").first.click()
    page.wait_for_url(f"**{course.url}")
    check_page(page, "course", "course")
    page.get_by_role("button", name="Enrol in this course").click()
    # Enrolling opens the first lesson.
    page.wait_for_url(f"**{first.url}")

    # Lesson 1: the heartbeat reveals the attendance code; the attorney types it in.
    code = page.locator("[data-code-list] [data-code], [data-code-list] .code-form__code").first
    code.wait_for()
    check_page(page, "course", "lesson")
    page.get_by_label("Type the code").fill(code.inner_text())
    page.get_by_role("button", name="Submit code").click()
    page.get_by_text("Attendance code accepted.").wait_for()
    engaged_time_credit(user=attorney, lesson=first, seconds=60)
    page.get_by_role("button", name="Mark this lesson complete").click()
    # A completed lesson leads on to the next one.
    page.wait_for_url(f"**{second.url}")
    page.get_by_text("Lesson marked complete.").wait_for()

    # Lesson 2: the knowledge check.
    page.get_by_label("One central reason").check()
    page.get_by_role("button", name="Check my answers").click()
    page.get_by_text("You answered 1 of 1 correctly.").wait_for()
    check_page(page, "course", "knowledge-check")
    engaged_time_credit(user=attorney, lesson=second, seconds=60)
    page.get_by_role("button", name="Mark this lesson complete").click()
    page.wait_for_url(f"**{course.url}")

    page.get_by_role("link", name="Go to the final assessment").click()
    check_page(page, "course", "assessment")
    page.get_by_label("The applicant").check()
    page.get_by_label("One year").check()
    page.get_by_role("button", name="Submit my answers").click()
    page.wait_for_load_state("load")
    check_page(page, "course", "assessment-result")
    page.goto(course.url)

    page.get_by_label("I affirm the statement above.").check()
    page.get_by_role("button", name="Sign the affirmation").click()
    page.get_by_text("Completed").first.wait_for()
    check_page(page, "course", "completed")

    certificate = Certificate.objects.get(user=attorney)
    page.goto("/certificates/")
    check_page(page, "course", "certificates")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert open(download.path(), "rb").read(5) == b"%PDF-"

    # Anyone can check the code printed on the certificate.
    page.goto("/certificates/verify/")
    check_page(page, "course", "verify-form")
    field(page, "Verification code").fill(certificate.display_code)
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url("**/certificates/verify/*/")
    check_page(page, "course", "verify")
    facts = page.inner_text("main")
    assert "Lucía García" in facts and "Asylum basics" in facts and "Valid" in facts


def test_staff_take_in_a_case_and_offer_it_the_attorney_accepts_a_mentor_logs_a_check_in(page, sign_in, check_page):
    staff = StaffFactory(full_name="Sam Staff")
    totp_enrol(staff)
    mentor = MentorProfileFactory(user__full_name="Maria Mentor").user
    totp_enrol(mentor)
    attorney = attorney_with_profile(languages=(("spa", 4),), relief=(("asylum", 2),), bar="NY")
    attorney.full_name = "Lucía García"
    attorney.save()

    # Staff take the case in (staff sign in with MFA: the session cookie stands for it).
    sign_in(staff)
    page.goto("/staff/cases/new/")
    check_page(page, "offer", "intake")
    field(page, "Client initials").fill("JR")
    page.get_by_label("Language 1", exact=True).fill("Spanish")
    field(page, "Minimum ILR speaking level for the attorney").select_option("3")
    page.get_by_label("Asylum", exact=True).check()
    field(page, "Adverse parties (one per line)").fill("Rafael Ortega")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/staff/cases/\d+/$"))
    check_page(page, "offer", "case")
    case = Case.objects.get()
    field(page, "New status").select_option(label="Seeking attorney")
    field(page, "Reason").fill("Intake complete")
    page.get_by_role("button", name="Change").click()
    page.wait_for_load_state("load")

    # Matching: the proposal, then this case's suggestions, then the offer with its expiry.
    page.get_by_role("link", name="Matching").first.click()
    page.wait_for_url("**/staff/matching/")
    check_page(page, "offer", "matching")
    page.get_by_role("link", name=case.reference).first.click()
    page.wait_for_url(f"**/staff/matching/cases/{case.pk}/")
    check_page(page, "offer", "suggestions")
    page.get_by_role("listitem").filter(has_text="Lucía García").get_by_role("button", name="Send an offer").click()
    page.get_by_role("heading", name="Confirm the offer").wait_for()
    check_page(page, "offer", "confirm")
    field(page, "Expires in (days)").fill("5")
    page.get_by_role("button", name="Send the offer").click()
    page.wait_for_load_state("load")
    offer = CaseOffer.objects.get(case=case, attorney=attorney)
    assert (offer.expires_at - offer.offered_at).days == 5

    # The attorney: summary, party names for the conflict check, no conflict, accept.
    sign_in(attorney)
    page.goto("/mentorship/offers/")
    check_page(page, "offer", "my-offers")
    page.get_by_role("link", name=re.compile(case.reference)).first.click()
    check_page(page, "offer", "summary")
    page.get_by_role("button", name="Show the party names for my conflict check").click()
    page.get_by_text("Rafael Ortega").wait_for()
    check_page(page, "offer", "parties")
    page.get_by_role("button", name="I have checked: no conflict").click()
    page.get_by_role("button", name="Accept this case").click()
    # Accepting opens the case file.
    page.get_by_text("You have accepted the case.").wait_for()
    check_page(page, "offer", "accepted")
    placement = Placement.objects.get(case=case, attorney=attorney)

    # Staff assign the mentor.
    sign_in(staff)
    page.goto(f"/staff/cases/{case.pk}/")
    page.get_by_role("link", name="Assign a mentor").click()
    check_page(page, "offer", "assign-mentor")
    # The best-suited mentor is chosen already.
    assert "Maria Mentor" in field(page, "Mentor").locator("option:checked").inner_text()
    page.get_by_role("button", name="Confirm mentor").click()
    page.get_by_text("Mentor assigned.").wait_for()
    mentorship = Mentorship.objects.get(placement=placement)
    assert mentorship.mentor == mentor

    # The mentor logs a check-in.
    sign_in(mentor)
    page.goto("/mentorship/mentor/")
    check_page(page, "offer", "mentor-home")
    page.get_by_role("link", name="Check-ins and plan").first.click()
    page.get_by_role("link", name="Log a check-in").click()
    check_page(page, "offer", "checkin-form")
    page.get_by_label("Case strategy and theory").check()
    field(page, "Next steps").fill("Draft the declaration with the client.")
    page.get_by_role("button", name="Save check-in").click()
    page.get_by_text("Is this pairing working?").first.wait_for()
    check_page(page, "offer", "checkin-rating")
    page.get_by_label("4 — Working well").check()
    page.get_by_role("button", name="Send").click()
    page.wait_for_url(f"**/mentorship/mentorships/{mentorship.pk}/")
    assert CheckIn.objects.filter(mentorship=mentorship).count() == 1

    # The attorney sees it.
    sign_in(attorney)
    page.goto("/")
    page.get_by_role("link", name="Dashboard").first.click()
    check_page(page, "offer", "attorney-dashboard")
    page.get_by_role("link", name="Plan and check-ins").first.click()
    page.get_by_text("Draft the declaration with the client.").wait_for()
    check_page(page, "offer", "attorney-sees-checkin")


FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== "none";
  const label = el.labels && el.labels.length ? el.labels[0].innerText : "";
  const name = (el.getAttribute("aria-label") || label || el.innerText || el.value || "").trim();
  return {name, tag: el.tagName.toLowerCase(), indicator: outline || shadow};
}"""


def tab_to(page, name: str, *, back: bool = False, limit: int = 80) -> None:
    """Press Tab (or Shift+Tab) until the element named `name` has the focus, checking on the way
    that every element the focus lands on shows a visible focus indicator."""
    pattern = re.compile(name, re.I)
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            continue
        assert focused["indicator"], f"no visible focus indicator on {focused} at {page.url}"
        if pattern.search(focused["name"]):
            return
    raise AssertionError(f"Tab never reached {name!r} on {page.url}")


def press_on(page, name: str, key: str = "Enter", *, navigates: bool | None = None, **kwargs) -> None:
    """Tab to the element named `name` and press `key` on it (Enter follows a link or submits a form:
    wait for the page it leads to)."""
    tab_to(page, name, **kwargs)
    if navigates if navigates is not None else key == "Enter":
        with page.expect_navigation():
            page.keyboard.press(key)
    else:
        page.keyboard.press(key)


def test_keyboard_only_course_to_certificate(page, sign_in, check_page, private_storage):
    course, (first, second) = accredited_course()
    attorney = VolunteerFactory(full_name="Kofi Mensah")
    bar_admission_make(user=attorney, jurisdiction=course.accreditations.get().jurisdiction)
    sign_in(attorney)
    page.goto(course.url)

    press_on(page, "^Enrol in this course$")
    page.wait_for_url(f"**{first.url}")
    code = page.locator("[data-code-list] .code-form__code").first
    code.wait_for()
    check_page(page)
    tab_to(page, "^Type the code")
    page.keyboard.type(code.inner_text())
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_text("Attendance code accepted.").wait_for()
    engaged_time_credit(user=attorney, lesson=first, seconds=60)
    press_on(page, "^Mark this lesson complete$")
    page.wait_for_url(f"**{second.url}")

    # The right answer is the group's first radio: Tab lands on it and Space picks it.
    press_on(page, "^One central reason$", "Space")
    press_on(page, "^Check my answers$")
    page.get_by_text("You answered 1 of 1 correctly.").wait_for()
    check_page(page)
    engaged_time_credit(user=attorney, lesson=second, seconds=60)
    press_on(page, "^Mark this lesson complete$")
    page.wait_for_url(f"**{course.url}")

    press_on(page, "^Go to the final assessment$")
    page.wait_for_url("**/assessment/")
    check_page(page)
    press_on(page, "^The applicant$", "Space")
    press_on(page, "^One year$", "Space")
    # Shift+Tab back over the answers keeps them.
    tab_to(page, "^The applicant$", back=True)
    press_on(page, "^Submit my answers$")
    page.wait_for_load_state("load")
    check_page(page)
    press_on(page, "^(Back to the course|Asylum basics)$")
    page.wait_for_url(f"**{course.url}")

    press_on(page, "I affirm the statement above", "Space")
    press_on(page, "^Sign the affirmation$")
    page.get_by_text("Affirmation signed").first.wait_for()
    check_page(page)
    assert Certificate.objects.filter(user=attorney).exists()
    page.goto("/certificates/")
    with page.expect_download() as download_info:
        press_on(page, "^Download PDF$", navigates=False)
    assert open(download_info.value.path(), "rb").read(5) == b"%PDF-"


def test_keyboard_only_offer_summary_parties_no_conflict_accept(page, sign_in, check_page):
    attorney = attorney_with_profile(languages=(("spa", 4),), relief=(("asylum", 2),), bar="NY")
    case = CaseFactory(status=CaseStatus.OFFERED, adverse_parties="Rafael Ortega")
    offer = CaseOfferFactory(case=case, attorney=attorney)
    sign_in(attorney)
    page.goto("/mentorship/offers/")

    press_on(page, f"^{re.escape(case.reference)}$")
    page.wait_for_url(f"**/mentorship/offers/{offer.pk}/")
    check_page(page)
    press_on(page, "^Show the party names for my conflict check$")
    page.get_by_text("Rafael Ortega").wait_for()
    check_page(page)
    press_on(page, "^I have checked: no conflict$", "Space", navigates=True)
    page.get_by_role("button", name="Accept this case").wait_for()
    check_page(page)
    press_on(page, "^Accept this case$")
    page.get_by_text("You have accepted the case.").wait_for()
    assert Placement.objects.filter(case=case, attorney=attorney).exists()


# Wagtail 8's Draftail rich-text editors are div[role=textbox] named by a placeholder that axe does not
# count as a name, and axe measures the contrast of Wagtail's success message and buttons while they
# fade in after a publish: Wagtail's markup, not the project's, so these two rules are left out on
# Wagtail admin pages (the project's own pages are checked in full).
WAGTAIL_ADMIN_KNOWN = frozenset({"aria-input-field-name", "color-contrast"})


def admin_publish(page) -> None:
    # Wagtail's date pickers can stay open over the footer after a typed value (see test_live_session).
    page.evaluate("document.querySelectorAll('.xdsoft_datetimepicker').forEach(el => { el.remove(); })")
    page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("button", name="Publish").click()
    try:
        page.wait_for_url(re.compile(r"/cms/pages/\d+/$"))
    except Exception:
        errors = page.evaluate(
            "[...document.querySelectorAll('.w-field--error, [aria-invalid=true]')].map(e => e.id || e.getAttribute('data-field-wrapper') || e.className)"
        )
        raise AssertionError(f"not published: {errors}") from None


def test_editor_creates_and_publishes_a_course_with_two_lessons_and_it_is_in_the_catalog(page, sign_in, check_page):
    catalog = catalog_page()
    editor = EditorFactory(full_name="Ed Itor")
    totp_enrol(editor)
    sign_in(editor)

    page.goto(f"/cms/pages/{catalog.pk}/")
    page.get_by_role("link", name=re.compile("Add child page", re.I)).first.click()
    page.wait_for_url("**/add/**")
    page.locator("#id_title").fill("Protecting survivors under VAWA")
    page.locator("#id_summary").fill("Self-petitions for survivors of abuse by a citizen or resident spouse.")
    check_page(page, "editor", "course-form", ignore_rules=WAGTAIL_ADMIN_KNOWN)
    admin_publish(page)
    check_page(page, "editor", "explorer", ignore_rules=WAGTAIL_ADMIN_KNOWN)
    course = CoursePage.objects.get(title="Protecting survivors under VAWA")
    assert course.live

    for title in ("Who may self-petition", "Evidence of abuse"):
        page.goto(f"/cms/pages/{course.pk}/")
        page.get_by_role("link", name=re.compile("Add child page", re.I)).first.click()
        page.wait_for_url("**/add/**")
        page.locator("#id_title").fill(title)
        # The slug did not follow the lesson's title here (it did for the course): typed on the Promote tab.
        if not page.locator("#id_slug").input_value():
            page.get_by_role("tab", name="Promote").click()
            page.locator("#id_slug").fill(slugify(title))
        check_page(page, ignore_rules=WAGTAIL_ADMIN_KNOWN)
        admin_publish(page)
    lessons = LessonPage.objects.filter(title__in=["Who may self-petition", "Evidence of abuse"])
    assert {(lesson.get_parent().pk, lesson.live) for lesson in lessons} == {(course.pk, True)}, [
        (lesson.title, lesson.get_parent().title, lesson.live) for lesson in lessons
    ]
    assert list(CoursePage.objects.get(pk=course.pk).get_children().live().values_list("title", flat=True)) == [
        "Who may self-petition",
        "Evidence of abuse",
    ]

    page.goto("/learn/catalog/")
    page.get_by_role("link", name="Protecting survivors under VAWA").first.wait_for()
    check_page(page, "editor", "catalog")


def spanish_course():
    """Journey 2's course in Spanish, the translation of an English original, accredited in a
    jurisdiction set to accept a certificate in the course's language with an English statement."""
    english, _lessons = accredited_course()
    jurisdiction = english.accreditations.get().jurisdiction
    jurisdiction.certificate_language = jurisdiction.CertificateLanguage.COURSE_WITH_ENGLISH
    jurisdiction.save(update_fields=["certificate_language"])
    course = CoursePageFactory(
        parent=catalog_page(),
        title="Fundamentos del asilo",
        slug="fundamentos-del-asilo",
        language="es",
        translation_of=english,
        summary="Quién es refugiado, el nexo y el plazo de un año.",
        minimum_engaged_minutes=2,
        require_attendance_codes=True,
        require_affirmation=True,
        affirmation_text="Afirmo que asistí personalmente a todo el curso.",
        final_assessment=[
            {
                "type": "question",
                "value": question_data("¿Quién tiene la carga de la prueba?", ["El solicitante", "El gobierno"], {0}),
            },
            {
                "type": "question",
                "value": question_data("¿En qué plazo debe solicitarse el asilo?", ["Un año", "Cinco años"], {0}),
            },
        ],
        pass_mark_percent=100,
        max_attempts=3,
    )
    first = LessonPageFactory(
        parent=course,
        title="Quién es refugiado",
        slug="quien-es-refugiado",
        body=[text_block("<p>La definición de refugiado del INA § 101(a)(42).</p>")],
    )
    second = LessonPageFactory(
        parent=course,
        title="El nexo",
        slug="el-nexo",
        body=[
            text_block("<p>El nexo exige que un motivo protegido sea al menos una razón central.</p>"),
            knowledge_check_data(
                [question_data("¿Qué estándar se aplica al nexo?", ["Una razón central", "La única razón"], {0})],
                heading="Compruebe lo que ha aprendido",
            ),
        ],
    )
    AttendanceCheckpoint.objects.create(lesson=first, code="GARZA31", offset_minutes=0)
    skills = jurisdiction.categories.get(code="skills")
    CourseAccreditation.objects.create(
        course=course,
        jurisdiction=jurisdiction,
        provider_name="Pro Bono Academy",
        provider_number="NY-PB-0421",
        course_number="PBA-NY-101-ES",
        format=CourseAccreditation.Format.ON_DEMAND,
        credit_hours=[("credit", {"category": str(skills.pk), "hours": Decimal("1.0")})],
    )
    return course, [first, second]


def test_journey_two_in_spanish_course_certificate_in_spanish_with_an_english_line_and_verification(
    page, sign_in, check_page, private_storage
):
    course, (first, second) = spanish_course()
    attorney = VolunteerFactory(full_name="Lucía García", preferred_language="es")
    bar_admission_make(user=attorney, jurisdiction=course.accreditations.get().jurisdiction, bar_number="5512345")
    sign_in(attorney)

    page.goto("/learn/catalog/")
    assert page.get_attribute("html", "lang") == "es"
    page.locator("#f-language").select_option("es")
    page.get_by_role("button", name="Mostrar cursos").click()
    page.wait_for_load_state("load")
    check_page(page, "course-es", "catalog")
    assert page.get_by_role("link", name="Asylum basics").count() == 0
    page.get_by_role("link", name="Fundamentos del asilo").first.click()
    page.wait_for_url(f"**{course.url}")
    check_page(page, "course-es", "course")
    assert "También disponible en:" in page.inner_text("main")
    page.get_by_role("button", name="Inscribirse en este curso").click()
    page.wait_for_url(f"**{first.url}")

    code = page.locator("[data-code-list] [data-code], [data-code-list] .code-form__code").first
    code.wait_for()
    check_page(page, "course-es", "lesson")
    page.get_by_label("Escriba el código").fill(code.inner_text())
    page.get_by_role("button", name="Enviar código").click()
    page.get_by_text("Código de asistencia aceptado.").wait_for()
    engaged_time_credit(user=attorney, lesson=first, seconds=60)
    page.get_by_role("button", name="Marcar esta lección como completada").click()
    page.wait_for_url(f"**{second.url}")
    page.get_by_text("Lección marcada como completada.").wait_for()

    page.get_by_label("Una razón central").check()
    page.get_by_role("button", name="Comprobar mis respuestas").click()
    page.get_by_text("Respondió correctamente 1 de 1.").wait_for()
    check_page(page, "course-es", "knowledge-check")
    engaged_time_credit(user=attorney, lesson=second, seconds=60)
    page.get_by_role("button", name="Marcar esta lección como completada").click()
    page.wait_for_url(f"**{course.url}")

    page.get_by_role("link", name="Ir a la evaluación final").click()
    check_page(page, "course-es", "assessment")
    page.get_by_label("El solicitante").check()
    page.get_by_label("Un año").check()
    page.get_by_role("button", name="Enviar mis respuestas").click()
    page.wait_for_load_state("load")
    page.goto(course.url)

    page.get_by_label("Declaro lo anterior.").check()
    page.get_by_role("button", name="Firmar la declaración").click()
    page.get_by_text("Completado").first.wait_for()
    check_page(page, "course-es", "completed")

    certificate = Certificate.objects.get(user=attorney)
    assert certificate.snapshot["language"] == "es"
    page.goto("/certificates/")
    check_page(page, "course-es", "certificates")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Descargar PDF").click()
    text = " ".join(pdf_text_of(download_info.value.path()).split())
    assert "Código de verificación" in text
    assert 'This certifies that Lucía García completed "Fundamentos del asilo"' in text

    page.goto("/certificates/verify/")
    field(page, "Código de verificación").fill(certificate.display_code)
    page.get_by_role("button", name="Verificar").click()
    page.wait_for_url("**/certificates/verify/*/")
    check_page(page, "course-es", "verify")
    facts = page.inner_text("main")
    assert "Lucía García" in facts and "Fundamentos del asilo" in facts and "Válido" in facts


def pdf_text_of(path) -> str:
    from pypdf import PdfReader

    return "\n".join(pdf_page.extract_text() for pdf_page in PdfReader(path).pages)
