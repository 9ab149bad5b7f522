"""Answers to requests the site cannot serve (400, 404): JSON under /api/, where clients read
JSON, and a page in the reader's language everywhere else."""

from django.core.exceptions import BadRequest, DisallowedHost
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from citymakers.missing_translation import other_languages

API_PREFIX = "/api/"


def is_api_request(request):
    return request.path_info.startswith(API_PREFIX)


def bad_request(request, exception=None):
    if is_api_request(request):
        reason = str(exception) if isinstance(exception, BadRequest) else "bad request"
        return JsonResponse({"message": reason}, status=400)
    try:
        request.get_host()
    except DisallowedHost:
        # The menus and context processors look the Site up by host, which raises again:
        # a page without them.
        return HttpResponseBadRequest(render_to_string("400_bare.html"))
    return render(request, "400.html", status=400)


def page_not_found(request, exception=None):
    if is_api_request(request):
        return JsonResponse({"message": "not found"}, status=404)
    elsewhere, nearest = other_languages(request)
    context = {"request_path": request.path, "elsewhere": elsewhere, "nearest": nearest}
    return render(request, "404.html", context, status=404)
