"""The report as PDF (WeasyPrint), with CJK fonts from Debian's fonts-noto-cjk."""

from django.template.loader import render_to_string

from ..rendering import report_context

CSS = """
@page { size: A4; margin: 18mm 15mm; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", serif; font-size: 10.5pt; }
h1 { text-align: center; font-size: 16pt; }
h2 { font-size: 12pt; margin-top: 1.2em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; page-break-inside: auto; }
th, td { border: 0.6pt solid #000; padding: 2pt 3pt; font-size: 8.5pt; }
td.num { text-align: center; }
"""


def report_pdf(report) -> bytes:
    from weasyprint import CSS as WeasyCSS
    from weasyprint import HTML

    html = render_to_string("reports/pdf.html", report_context(report))
    return HTML(string=html).write_pdf(stylesheets=[WeasyCSS(string=CSS)])
