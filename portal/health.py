"""The cheapest answer Django can give: the baseline the benchmark compares pages with."""

from django.http import HttpResponse


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")
