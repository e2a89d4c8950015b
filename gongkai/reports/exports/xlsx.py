"""The tables as a workbook: one sheet per table, in the national layout (merged label cells)."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Side

from ..rendering import report_context

THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _number(value: str):
    if value == "":
        return None  # blank stays blank (§1.6 item 9)
    try:
        return int(value)
    except ValueError:
        try:
            return float(value)
        except ValueError:
            return value


def _write(sheet, rows, start_row=1):
    occupied = set()
    r = start_row
    for cells in rows:
        c = 1
        for text, rowspan, colspan, numeric in cells:
            while (r, c) in occupied:
                c += 1
            cell = sheet.cell(row=r, column=c, value=_number(text) if numeric else text)
            cell.alignment = Alignment(
                wrap_text=True, vertical="center", horizontal="center" if numeric else "left"
            )
            for dr in range(rowspan):
                for dc in range(colspan):
                    occupied.add((r + dr, c + dc))
                    sheet.cell(row=r + dr, column=c + dc).border = BORDER
            if rowspan > 1 or colspan > 1:
                sheet.merge_cells(
                    start_row=r, start_column=c, end_row=r + rowspan - 1, end_column=c + colspan - 1
                )
            c += colspan
        r += 1
    return r


def report_xlsx(report) -> bytes:
    ctx = report_context(report)
    book = Workbook()
    sheet2 = book.active
    sheet2.title = "二、主动公开"
    row = 1
    for section in ctx["table2"]:
        n = len(section["columns"]) + 1
        rows = [
            [(section["title"], 1, n, False)],
            [("信息内容", 1, 1, False)] + [(c, 1, 1, False) for c in section["columns"]],
        ]
        rows += [
            [(r["label"], 1, 1, False)] + [(cell["value"], 1, 1, True) for cell in r["cells"]]
            for r in section["rows"]
        ]
        row = _write(sheet2, rows, row) + 1
    sheet3 = book.create_sheet("三、收到和处理申请")
    rows = [[(c.text, c.rowspan, c.colspan, False) for c in r] for r in ctx["table3_header"]]
    rows += [
        [(c.text, c.rowspan, c.colspan, False) for c in r["labels"]]
        + [(cell["value"], 1, 1, True) for cell in r["cells"]]
        for r in ctx["table3"]
    ]
    _write(sheet3, rows)
    for column, width in zip("ABC", (12, 16, 40), strict=True):
        sheet3.column_dimensions[column].width = width
    sheet4 = book.create_sheet("四、复议诉讼")
    rows = [[(c.text, c.rowspan, c.colspan, False) for c in r] for r in ctx["table4_header"]]
    rows.append([(cell["value"], 1, 1, True) for cell in ctx["table4"]])
    _write(sheet4, rows)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
