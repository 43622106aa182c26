"""Walk every URL pattern that renders HTML, as every kind of visitor, on the demo site.

Each HTML page must carry the quick exit, no response may be a 500, and signed-in pages
must not be cacheable. A parameterised route needs a sample below (or an exemption with a
reason): a new route without one fails this test, so no page escapes the walk.
"""

from collections.abc import Callable, Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.models import User

# Routes the walk does not GET, and why.
EXEMPT_PREFIXES = (
    "cms/",  # the Wagtail admin: content editors only, no survivor-facing page, no case data
    "documents/",  # Wagtail document downloads (files, not pages)
    "accounts/",  # allauth: walked below through its named pages
    "__debug__/",
)

VOLUNTEER_EMAIL = "l.garcia@lawfirm.example"
MENTOR_EMAIL = "m.ruiz@probono.example"


def _first(queryset, **preferred):
    """The demo object the walking volunteer or mentor owns when there is one, else any."""
    return (queryset.filter(**preferred).first() if preferred else None) or queryset.first()


def _course():
    from courses.models import CoursePage

    return CoursePage.objects.live().order_by("path").first()


def _lesson():
    from courses.models import LessonPage

    return LessonPage.objects.live().order_by("path").first()


def _attempt():
    from courses.models import QuizAttempt

    return _first(QuizAttempt.objects.filter(kind="final").order_by("pk"), enrollment__user__email=VOLUNTEER_EMAIL)


def _session_id() -> int:
    """The upcoming webinar the walking volunteer registered for."""
    return _model("courses.SessionRegistration", user__email=VOLUNTEER_EMAIL).session_id


def _case():
    from mentorship.models import Case

    return _first(Case.objects.order_by("pk"), placements__attorney__email=VOLUNTEER_EMAIL)


def _offer():
    from mentorship.models import CaseOffer

    return _first(CaseOffer.objects.order_by("pk"), attorney__email=VOLUNTEER_EMAIL, status="pending")


def _mentorship():
    from mentorship.models import Mentorship

    return _first(Mentorship.objects.order_by("pk"), mentor__email=MENTOR_EMAIL)


def _model(label: str, **preferred):
    from django.apps import apps

    return _first(apps.get_model(label).objects.order_by("pk"), **preferred)


def _pk(obj) -> dict:
    assert obj is not None, "the demo has no object for this route"
    return {"pk": obj.pk}


# How to fill the parameters of each parameterised route from the demo data.
SAMPLES: dict[str, Callable[[], dict]] = {
    "courses:enroll": lambda: {"course_id": _course().pk},
    "courses:resume": lambda: {"course_id": _course().pk},
    "courses:assessment": lambda: {"course_id": _course().pk},
    "courses:assessment_result": lambda: {"course_id": _attempt().enrollment.course_id, "number": _attempt().number},
    "courses:affirm": lambda: {"course_id": _course().pk},
    "courses:law_update": lambda: {"course_id": _course().pk},
    "courses:evaluation": lambda: {"course_id": _course().pk},
    "courses:heartbeat": lambda: {"lesson_id": _lesson().pk},
    "courses:lesson_complete": lambda: {"lesson_id": _lesson().pk},
    "courses:attendance_code": lambda: {"lesson_id": _lesson().pk},
    "courses:knowledge_check": lambda: {"lesson_id": _lesson().pk},
    "courses:lesson_question": lambda: {"lesson_id": _lesson().pk},
    **{
        f"courses:{name}": lambda: {"session_id": _session_id()}
        for name in (
            "session",
            "session_register",
            "session_cancel",
            "session_sign_in",
            "session_code",
            "session_sign_out",
            "session_calendar",
        )
    },
    "courses:bar_admission_edit": lambda: {
        "admission_id": _model("courses.BarAdmission", user__email=VOLUNTEER_EMAIL).pk
    },
    "courses:bar_admission_delete": lambda: {
        "admission_id": _model("courses.BarAdmission", user__email=VOLUNTEER_EMAIL).pk
    },
    "certificates:verify": lambda: {"code": _model("certificates.Certificate").code},
    "certificates:download": lambda: _pk(_model("certificates.Certificate", user__email=VOLUNTEER_EMAIL)),
    "certificates:transcript_download": lambda: {"fmt": "csv"},
    "mentorship:case_detail": lambda: _pk(_case()),
    "mentorship:hours_add": lambda: _pk(_case()),
    "mentorship:interest_add": lambda: _pk(_model("mentorship.Case", status="seeking")),
    "mentorship:offer_detail": lambda: _pk(_offer()),
    "mentorship:offer_parties": lambda: _pk(_offer()),
    "mentorship:offer_conflict_check": lambda: _pk(_offer()),
    "mentorship:offer_accept": lambda: _pk(_offer()),
    "mentorship:offer_decline": lambda: _pk(_offer()),
    "mentorship:mentorship_checkins": lambda: _pk(_mentorship()),
    "mentorship:checkin_create": lambda: _pk(_mentorship()),
    "mentorship:goal_create": lambda: _pk(_mentorship()),
    "mentorship:checkin_rate": lambda: _pk(_model("mentorship.CheckIn")),
    "mentorship:checkin_edit": lambda: _pk(_model("mentorship.CheckIn", logged_by__email=MENTOR_EMAIL)),
    "mentorship:checkin_delete": lambda: _pk(_model("mentorship.CheckIn", logged_by__email=MENTOR_EMAIL)),
    "mentorship:goal_toggle": lambda: _pk(_model("mentorship.MentoringGoal")),
    "mentorship:hours_delete": lambda: _pk(_model("mentorship.HoursEntry", attorney__email=VOLUNTEER_EMAIL)),
    "staff:case_detail": lambda: _pk(_case()),
    "staff:case_edit": lambda: _pk(_case()),
    "staff:case_status": lambda: _pk(_case()),
    "staff:case_purge": lambda: _pk(_case()),
    "staff:case_date_add": lambda: _pk(_case()),
    "staff:hours_approve": lambda: _pk(_model("mentorship.HoursEntry")),
    "staff:hours_reject": lambda: _pk(_model("mentorship.HoursEntry")),
    "staff:case_date_verify": lambda: {
        "pk": _model("mentorship.CaseDate").case_id,
        "date_pk": _model("mentorship.CaseDate").pk,
    },
    "staff:case_date_delete": lambda: {
        "pk": _model("mentorship.CaseDate").case_id,
        "date_pk": _model("mentorship.CaseDate").pk,
    },
    "staff:case_date_filed": lambda: {
        "pk": _model("mentorship.CaseDate").case_id,
        "date_pk": _model("mentorship.CaseDate").pk,
    },
    "staff:case_date_unfiled": lambda: {
        "pk": _model("mentorship.CaseDate").case_id,
        "date_pk": _model("mentorship.CaseDate").pk,
    },
    "mentorship:case_date_filed": lambda: {
        "pk": _model("mentorship.CaseDate").case_id,
        "date_pk": _model("mentorship.CaseDate").pk,
    },
    "mentorship:case_date_unfiled": lambda: {
        "pk": _model("mentorship.CaseDate").case_id,
        "date_pk": _model("mentorship.CaseDate").pk,
    },
    "staff:offer_send": lambda: _pk(_case()),
    "staff:team_offer": lambda: _pk(_case()),
    "staff:case_conflict_add": lambda: _pk(_case()),
    "staff:offer_withdraw": lambda: _pk(_offer()),
    "staff:conflict_delete": lambda: _pk(_model("mentorship.Conflict")),
    "staff:mentor_assign": lambda: _pk(_model("mentorship.Placement")),
    "staff:placement_close": lambda: _pk(_model("mentorship.Placement")),
    "staff:placement_outcome": lambda: _pk(_model("mentorship.Placement")),
    "mentorship:conversation": lambda: _pk(_model("mentorship.Placement")),
    "mentorship:case_documents": lambda: {"pk": _model("mentorship.CaseDocument").case_id},
    "mentorship:document_upload": lambda: {"pk": _model("mentorship.CaseDocument").case_id},
    "mentorship:document_version_new": lambda: _pk(_model("mentorship.CaseDocument")),
    "mentorship:document_share": lambda: _pk(_model("mentorship.CaseDocument")),
    "mentorship:document_unshare": lambda: _pk(_model("mentorship.CaseDocument")),
    "mentorship:document_delete": lambda: _pk(_model("mentorship.CaseDocument")),
    "mentorship:document_download": lambda: _pk(_model("mentorship.DocumentVersion")),
    "staff:mentorship_end": lambda: _pk(_mentorship()),
    "staff:attorney_detail": lambda: _pk(_model("mentorship.AttorneyProfile")),
    "staff:mentor_detail": lambda: _pk(_model("mentorship.MentorProfile")),
    "staff:relief_requirement_delete": lambda: _pk(_model("mentorship.ReliefTypeRequirement")),
    "staff:report_csv": lambda: {"kind": "placements"},
    "staff:matching_case": lambda: _pk(_model("mentorship.Case", status="seeking")),
    "staff:matching_case_excluded": lambda: _pk(_model("mentorship.Case", status="seeking")),
    "staff:matching_mentor": lambda: _pk(_model("mentorship.Placement")),
}
# Routes that are not walked with sample data, and why.
NOT_WALKED = {
    # The raw token exists only when it is issued (the database keeps a hash); the
    # feed is tested in tests/mentorship/test_calendar*.py and answers text/calendar.
    "mentorship:calendar_feed",
}

# Signed-out and signed-in visitors of every role (demo accounts, see home/demo.py).
VISITORS = {
    "anonymous": None,
    "volunteer": "l.garcia@lawfirm.example",
    "mentor": "m.ruiz@probono.example",
    "mentor-attorney": "w.chen@probono.example",
    "staff": "staff@probono.example",
    "editor": "editor@probono.example",
}
ACCOUNT_PAGES = [
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_email",
    "account_change_password",
    "mfa_index",
    "mfa_activate_totp",
]


def iter_routes(patterns=None, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str, list[str]]]:
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from iter_routes(entry.url_patterns, route, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield namespace + entry.name, route, list(entry.pattern.converters) or _regex_groups(entry)


def _regex_groups(entry) -> list[str]:
    regex = getattr(entry.pattern, "regex", None)
    return list(regex.groupindex) if regex is not None else []


def walked_paths() -> list[str]:
    from wagtail.models import Page

    paths, missing = [], []
    for name, route, params in iter_routes():
        if route.startswith(EXEMPT_PREFIXES) or name.startswith("wagtail") or name in NOT_WALKED:
            continue
        if not params:
            paths.append(reverse(name))
        elif name in SAMPLES:
            paths.append(reverse(name, kwargs=SAMPLES[name]()))
        else:
            missing.append(f"{name} ({route})")
    assert not missing, "routes without a sample in test_every_page.SAMPLES: " + ", ".join(missing)
    paths += [reverse(name) for name in ACCOUNT_PAGES]
    paths += [page.url for page in Page.objects.live().specific() if page.depth > 1 and page.url]
    return sorted(set(paths))


@pytest.mark.slow
@pytest.mark.django_db
def test_every_html_page_has_the_quick_exit_and_none_fails(demo_seed):
    demo_seed()
    demo_paths = walked_paths()
    problems = []
    for visitor, email in VISITORS.items():
        problems += _walk(demo_paths, visitor, email)
    assert not problems, "\n".join(problems)
    assert len(demo_paths) > 10


def _walk(demo_paths: list[str], visitor: str, email: str | None) -> list[str]:
    client = Client()
    if email:
        client.force_login(User.objects.get(email=email))
    problems = []
    for path in demo_paths:
        response = client.get(path)
        if response.status_code >= 500:
            problems.append(f"{visitor} {path}: {response.status_code}")
            continue
        if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
            continue
        html = response.content.decode()
        if 'id="quick-exit"' not in html:
            problems.append(f"{visitor} {path}: no quick exit")
        if email and "no-store" not in response.get("Cache-Control", ""):
            problems.append(f"{visitor} {path}: cacheable while signed in")
    return problems
