"""The report as a Word document, with the tables in the national layout (merged label cells)."""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from ..rendering import report_context


def _font(document):
    style = document.styles["Normal"]
    style.font.name = "宋体"
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")


def _grid(document, header_rows, body_rows, n_cols):
    """Lay out rows of (label cells with spans) + values onto a table grid, merging spans."""
    all_rows = header_rows + body_rows
    table = document.add_table(rows=len(all_rows), cols=n_cols)
    table.style = "Table Grid"
    occupied = set()
    for r, cells in enumerate(all_rows):
        c = 0
        for cell in cells:
            while (r, c) in occupied:
                c += 1
            text, rowspan, colspan = cell
            target = table.cell(r, c)
            if rowspan > 1 or colspan > 1:
                target = target.merge(table.cell(r + rowspan - 1, c + colspan - 1))
            target.text = text
            for dr in range(rowspan):
                for dc in range(colspan):
                    occupied.add((r + dr, c + dc))
            c += colspan
    return table


def report_docx(report) -> bytes:
    ctx = report_context(report)
    document = Document()
    _font(document)
    title = document.add_heading(report.title, level=1)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("本报告根据《中华人民共和国政府信息公开条例》第五十条编制。")
    h = ctx["headings"]

    document.add_heading(h["overview"], level=2)
    for p in ctx["overview_paragraphs"]:
        document.add_paragraph(p)

    document.add_heading(h["table2"], level=2)
    for section in ctx["table2"]:
        n = len(section["columns"]) + 1
        header = [[(section["title"], 1, n)], [("信息内容", 1, 1)] + [(c, 1, 1) for c in section["columns"]]]
        body = [
            [(row["label"], 1, 1)] + [(cell["value"], 1, 1) for cell in row["cells"]]
            for row in section["rows"]
        ]
        _grid(document, header, body, n)
        document.add_paragraph()

    document.add_heading(h["table3"], level=2)
    header = [[(c.text, c.rowspan, c.colspan) for c in row] for row in ctx["table3_header"]]
    body = [
        [(c.text, c.rowspan, c.colspan) for c in row["labels"]]
        + [(cell["value"], 1, 1) for cell in row["cells"]]
        for row in ctx["table3"]
    ]
    _grid(document, header, body, 10)

    document.add_heading(h["table4"], level=2)
    header = [[(c.text, c.rowspan, c.colspan) for c in row] for row in ctx["table4_header"]]
    _grid(document, header, [[(cell["value"], 1, 1) for cell in ctx["table4"]]], 15)

    document.add_heading(h["problems"], level=2)
    for p in ctx["problems_paragraphs"]:
        document.add_paragraph(p)
    document.add_heading(h["other_matters"], level=2)
    for p in ctx["other_paragraphs"]:
        document.add_paragraph(p)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
