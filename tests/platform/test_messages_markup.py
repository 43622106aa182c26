"""The flash messages every page can show keep their list semantics (axe's `listitem` rule)."""

import re

from django.contrib import messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.template.loader import render_to_string
from django.test import RequestFactory


def test_messages_are_a_list_announced_by_a_status_region_around_it():
    request = RequestFactory().get("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    messages.success(request, "Saved.")
    html = render_to_string("includes/messages.html", {"messages": messages.get_messages(request)})
    # A role on the <ul> itself would take away its list role and leave the <li> outside any list.
    assert not re.search(r"<ul[^>]*\brole=", html)
    assert re.search(
        r'role="status"[^>]*>\s*<ul class="messages">\s*<li class="message message--success">Saved\.</li>', html
    )
