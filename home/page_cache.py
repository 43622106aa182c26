"""The public page cache: whole responses of the pages anyone may read, for visitors who are not
signed in, in the shared cache (Redis in production).

What is stored, and for whom, is narrow on purpose:

- only pages that opt in (``PubliclyCachedPage``: home, catalog, course overview) and the
  certificate verification view, which is guarded (``public_cache_guarded``): its stored
  answer is served before the rest of the stack, but only after its rate limit has counted
  the lookup;
- only for a GET without a session cookie: such a request is anonymous by construction, so the
  lookup needs no database, and a visitor with a session (signed in, or holding a message, a
  password-restricted page's pass, a half-finished sign-in) is always served fresh;
- only a 200 that sets no cookie, says nothing of ``private`` or ``no-store`` and carries no
  CSRF token; anything else is served and forgotten.

Every key holds a generation token. Publishing, unpublishing, moving or deleting a page, and
saving any content a public page shows (course sessions and their seats, jurisdictions,
settings), replace the token, which drops every stored page at once; a certificate that
changes (revoked, superseded) drops the stored verification pages only. Public
pages list each other (the catalog lists courses, home features them), so per-page purging
would miss pages as often as it saved work. Entries also expire (``PAGE_CACHE_SECONDS``), for
what changes with time alone ("this session has taken place").
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, URLResolver, get_resolver, get_urlconf
from django.utils import translation
from django.utils.cache import patch_vary_headers

GENERATION_KEY = "public-pages:generation"
CACHE_STATUS_HEADER = "X-Page-Cache"
_MARK = "_public_cacheable"
_MAX_QUERY_LENGTH = 200
# Longer paths are resolved every time, not remembered: made-up paths must not fill the memory.
_MAX_REMEMBERED_PATH = 200
# Headers of the stored response that must not be replayed: they belong to one exchange.
_NOT_REPLAYED = {"set-cookie", "date", "content-length", CACHE_STATUS_HEADER.lower()}
# Rows written as people learn, not content a public page shows: saving one keeps the cache.
_NOT_CONTENT = {
    "courses.enrollment",
    "courses.lessonprogress",
    "courses.attendancecodeentry",
    "courses.quizattempt",
    "courses.courseevaluation",
    "courses.evaluationsubmitted",
    "courses.facultyquestion",
    "wagtailcore.pagelogentry",
    "wagtailcore.revision",
    "wagtailcore.modellogentry",
    "wagtailcore.pagesubscription",
    "wagtailimages.rendition",
}
_CONTENT_APPS = {"wagtailcore", "home", "courses", "certificates", "wagtailimages", "wagtaildocs"}


def page_cache_enabled() -> bool:
    return getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0


def request_is_cacheable(request: HttpRequest) -> bool:
    """A GET from a visitor without a session: the only request a stored page may answer."""
    return (
        page_cache_enabled()
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and len(request.META.get("QUERY_STRING", "")) <= _MAX_QUERY_LENGTH
    )


def response_is_storable(response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and b"csrfmiddlewaretoken" not in response.content
    )


def public_cache_mark(response: HttpResponse) -> HttpResponse:
    """Opt a response in: the middleware may store it if the request and response allow."""
    setattr(response, _MARK, True)
    return response


def _generation(namespace: str) -> str:
    key = f"{GENERATION_KEY}:{namespace}"
    generation = cache.get(key)
    if generation is None:
        # A random token, never a counter: an evicted counter would start again at a number
        # whose old pages may still be stored.
        cache.add(key, uuid.uuid4().hex, timeout=None)
        generation = cache.get(key)
    return generation


def public_cache_clear(*, namespace: str = "page") -> None:
    cache.set(f"{GENERATION_KEY}:{namespace}", uuid.uuid4().hex, timeout=None)


def _key(request: HttpRequest, namespace: str) -> str:
    identity = "\n".join(
        [
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            translation.get_language() or "",
        ]
    )
    digest = hashlib.sha256(identity.encode()).hexdigest()
    return f"public-pages:{namespace}:{_generation(namespace)}:{digest}"


def _stored(response: HttpResponse) -> dict:
    headers = [(name, value) for name, value in response.items() if name.lower() not in _NOT_REPLAYED]
    return {"content": response.content, "headers": headers}


def _replayed(entry: dict) -> HttpResponse:
    response = HttpResponse(entry["content"])
    for name, value in entry["headers"]:
        response[name] = value
    # Only a request without a session cookie is answered from the store, so the answer varies
    # with the cookie, as the fresh one said: SessionMiddleware adds that only when the session
    # was read, which a stored answer never does.
    patch_vary_headers(response, ("Cookie",))
    response[CACHE_STATUS_HEADER] = "hit"
    return response


@dataclass(frozen=True)
class _Guard:
    namespace: str
    admit: Callable[..., bool]


_GUARD_ATTRIBUTE = "public_cache_guard"


def public_cache_guarded(*, namespace: str, admit: Callable[..., bool]):
    """A view decorator: the middleware answers the view's requests from the store, kept under
    ``namespace``, once ``admit(request=request)`` has let each request through (a rate limit
    counts it there), before the rest of the stack runs.

    A refused request goes on to the view, which asks ``admit`` again, must get the same answer
    without counting twice, and answers the refusal itself, so that the refusal carries the
    headers of the rest of the stack. The view still opts its responses in with
    ``public_cache_mark``."""

    def decorate(view):
        setattr(view, _GUARD_ATTRIBUTE, _Guard(namespace=namespace, admit=admit))
        return view

    return decorate


def _resolved_guard(resolver: URLResolver, path: str) -> _Guard | None:
    try:
        match = resolver.resolve(path)
    except Resolver404:
        return None
    return getattr(match.func, _GUARD_ATTRIBUTE, None)


# Resolving a path costs a good share of a stored page's whole answer, and the paths of stored
# pages repeat. Keyed by the resolver, so a URLconf changed in a test starts afresh.
_remembered_guard = lru_cache(maxsize=1024)(_resolved_guard)


def _guard(request: HttpRequest) -> _Guard | None:
    resolver = get_resolver(get_urlconf())
    path = request.path_info
    if len(path) <= _MAX_REMEMBERED_PATH:
        return _remembered_guard(resolver, path)
    return _resolved_guard(resolver, path)


class PublicPageCacheMiddleware:
    """Answers a cacheable request from the store before the rest of the stack runs, and stores
    the responses that opted in; a request for a guarded view is let through by its guard
    first. It sits after LocaleMiddleware (the key holds the language) and before the
    middleware whose headers (CSP, X-Frame-Options) are stored with the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request_is_cacheable(request):
            return self.get_response(request)
        namespace = "page"
        guard = _guard(request)
        if guard is not None:
            if not guard.admit(request=request):
                # Nothing stored for a refused request: the view answers it.
                return self.get_response(request)
            namespace = guard.namespace
        key = _key(request, namespace)
        entry = cache.get(key)
        if entry is not None:
            return _replayed(entry)
        response = self.get_response(request)
        if getattr(response, _MARK, False) and response_is_storable(response):
            cache.set(key, _stored(response), timeout=settings.PAGE_CACHE_SECONDS)
            response[CACHE_STATUS_HEADER] = "miss"
        return response


class PubliclyCachedPage:
    """A page type whose published page is the same for every visitor who is not signed in."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):
            public_cache_mark(response)
        return response


def _clear_now_and_on_commit(namespace: str) -> None:
    # Now, for a request in this transaction; again after commit, for a request that rendered
    # the old content between the first clear and the commit and stored it.
    public_cache_clear(namespace=namespace)
    transaction.on_commit(partial(public_cache_clear, namespace=namespace))


def _content_changed(sender, created: bool = False, **kwargs) -> None:
    if sender._meta.label_lower in _NOT_CONTENT:
        return
    if sender._meta.app_label == "certificates":
        # Certificates show only on their own verification page, and a new one has none stored
        # (a code that finds nothing is never stored): issuing keeps every page.
        if not created:
            _clear_now_and_on_commit("verify")
        return
    _clear_now_and_on_commit("page")
    # The verification page names the course and its credit: content of the same kind.
    _clear_now_and_on_commit("verify")


def _page_event(sender=None, **kwargs) -> None:
    _clear_now_and_on_commit("page")
    _clear_now_and_on_commit("verify")


def page_cache_connect() -> None:
    """Wire the invalidation: Wagtail's page signals and every save or delete of content."""
    from django.apps import apps
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(_page_event, dispatch_uid="public-pages-published")
    page_unpublished.connect(_page_event, dispatch_uid="public-pages-unpublished")
    post_page_move.connect(_page_event, dispatch_uid="public-pages-moved")
    for model in apps.get_models():
        if model._meta.app_label in _CONTENT_APPS:
            uid = f"public-pages-{model._meta.label_lower}"
            post_save.connect(_content_changed, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(_content_changed, sender=model, dispatch_uid=f"{uid}-delete")
