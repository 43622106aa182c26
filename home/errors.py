from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template.loader import get_template


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # A static page: rendering with context could fail the same way the view did.
    return HttpResponseServerError(get_template("500.html").render())


def too_many_requests(request, exception=None):
    return render(request, "429.html", status=429)
