"""One name, one date format and proper plurals on the pages attorneys and mentors read."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import formats

from tests.factories import CaseOfferFactory, attorney_with_profile

pytestmark = pytest.mark.django_db


def test_one_project_date_format():
    day = datetime.date(2026, 12, 1)
    assert formats.date_format(day) == "1 Dec 2026"
    assert formats.date_format(datetime.datetime(2026, 12, 1, 14, 30), "DATETIME_FORMAT") == "1 Dec 2026, 14:30"


def test_an_offer_has_the_same_name_on_the_dashboard_and_in_my_offers(client_for):
    attorney = attorney_with_profile()
    offer = CaseOfferFactory(attorney=attorney)
    client = client_for(attorney)
    mine = client.get(reverse("mentorship:my_offers")).content.decode()
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert offer.case.reference in mine and offer.case.reference in dashboard
    assert "Offer of " not in mine
    detail = client.get(reverse("mentorship:offer_detail", args=[offer.pk])).content.decode()
    assert f"Case offer {offer.case.reference}" in detail


def test_home_page_title_names_the_site_once(client):
    from wagtail.models import Page

    home = Page.objects.get(depth=2)
    home.title = settings.SITE_NAME
    home.save()
    html = client.get(home.url).content.decode()
    assert f"<title>{settings.SITE_NAME}</title>" in html


def test_other_titles_are_followed_by_the_site_name(client_for):
    html = client_for(attorney_with_profile()).get(reverse("dashboard")).content.decode()
    assert f"<title>Dashboard · {settings.SITE_NAME}</title>" in html


def test_matching_settings_labels_read_as_words():
    from mentorship.forms import MatchingSettingsForm

    labels = {name: str(field.label) for name, field in MatchingSettingsForm().fields.items()}
    assert labels["min_ilr_default"] == "Minimum ILR speaking level proposed at intake"
    assert not any(label.lower() == name.replace("_", " ") for name, label in labels.items())


def test_engaged_minutes_are_pluralised():
    from courses.selectors import ProgressFacts, enrollment_requirements
    from tests.factories import EnrollmentFactory

    enrollment = EnrollmentFactory()
    enrollment.course.minimum_engaged_minutes = 1
    enrollment.course.require_all_lessons = False
    facts = ProgressFacts(engaged_seconds=60)
    time_req = next(r for r in enrollment_requirements(enrollment=enrollment, facts=facts) if r.key == "time")
    assert time_req.detail == "1 minute so far"
    assert time_req.label == "Spend at least 1 minute engaged"
