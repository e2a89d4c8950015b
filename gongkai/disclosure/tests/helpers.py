import io

from django.core.files.base import ContentFile
from wagtail.documents.models import Document


def docx_document(title: str, text: str) -> Document:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    doc = Document(title=title)
    doc.file.save(f"{title}.docx", ContentFile(out.getvalue()), save=False)
    doc.save()
    return doc


def pdf_document(title: str, text: str) -> Document:
    from weasyprint import HTML

    pdf = HTML(string=f"<html><body><p>{text}</p></body></html>").write_pdf()
    doc = Document(title=title)
    doc.file.save(f"{title}.pdf", ContentFile(pdf), save=False)
    doc.save()
    return doc
