from django.http import Http404


def branches_json(request):
    raise Http404


def branch_json(request, slug):
    raise Http404


def branch_ical(request, slug):
    raise Http404
