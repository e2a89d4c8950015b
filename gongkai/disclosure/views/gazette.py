"""The electronic edition of a gazette issue, as PDF (WeasyPrint, Noto CJK fonts)."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string

from ..models import GazetteIssuePage


def gazette_pdf(request, issue_id):
    issue = get_object_or_404(GazetteIssuePage.objects.live(), pk=issue_id)
    documents = issue.documents.all().live().select_related("unit").order_by("date_written")
    html = render_to_string(
        "disclosure/gazette_pdf.html", {"issue": issue, "documents": documents}, request=request
    )
    from weasyprint import HTML

    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="gazette-{issue.year}-{issue.issue}.pdf"'
    return response
