"""Text extraction from uploaded files (PDF, DOCX, XLSX, plain text), for search.

Images carry no extractable text here (no OCR engine is installed); their title is indexed.
Errors never propagate: a broken file yields ``ExtractionResult(text="", error=...)``.
"""

import hashlib
import io
import logging
from dataclasses import dataclass
from pathlib import PurePath

logger = logging.getLogger(__name__)
MAX_CHARS = 500_000  # enough for any government document; protects the index from huge files


@dataclass
class ExtractionResult:
    text: str
    error: str = ""


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join((page.extract_text() or "") for page in reader.pages)


def _docx(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _xlsx(data: bytes) -> str:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    lines = []
    for sheet in workbook.worksheets:
        lines.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            cells = [str(v) for v in row if v is not None]
            if cells:
                lines.append(" ".join(cells))
    return "\n".join(lines)


def _text(data: bytes) -> str:
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


EXTRACTORS = {".pdf": _pdf, ".docx": _docx, ".xlsx": _xlsx, ".txt": _text, ".csv": _text}


def extract_text(data: bytes, filename: str) -> ExtractionResult:
    suffix = PurePath(filename).suffix.lower()
    extractor = EXTRACTORS.get(suffix)
    if extractor is None:
        return ExtractionResult("", error=f"no text extractor for {suffix or 'files without extension'}")
    try:
        return ExtractionResult(extractor(data)[:MAX_CHARS])
    except Exception as exc:  # corrupt or encrypted files: index without their text
        logger.warning("text extraction failed for %s: %s", filename, exc)
        return ExtractionResult("", error=f"{type(exc).__name__}: {exc}"[:300])
