"""Thin public views: the full-page assistant and an entry's own page (its answer and sources)."""

from django.http import Http404
from django.shortcuts import render

from .answering import entry_result
from .models import Entry


def assistant_page(request):
    return render(request, "assistant/page.html", {"assistant_open": True})


def entry_page(request, answer_id: str):
    entry = Entry.objects.live().select_related("unit").filter(external_id=answer_id).first()
    if entry is None:
        raise Http404("no such entry")
    result = entry_result(entry)
    return render(request, "assistant/entry.html", {"entry": entry, "result": result})
