"""Downloads of a report: DOCX and PDF (the whole report), XLSX (the tables), JSON (exchange format)."""

import json

from .docx import report_docx
from .pdf import report_pdf
from .xlsx import report_xlsx

MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def report_json(report) -> bytes:
    from ..assembly import report_data

    data = report_data(report).to_json()
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


EXPORTERS = {"docx": report_docx, "pdf": report_pdf, "xlsx": report_xlsx, "json": report_json}


def export_report(report, kind: str) -> tuple[bytes, str]:
    """Raises KeyError for an unknown kind."""
    return EXPORTERS[kind](report), MIME[kind]
