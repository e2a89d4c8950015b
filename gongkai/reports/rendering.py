"""The national layout of the tables (merged label cells, as in the templates) and the context the
page, the PDF and the staff screens render from."""

from dataclasses import dataclass

from .formats import (
    APPLICANT_HEADER,
    LEGAL_PERSON_HEADER,
    SECTIONS,
    TABLE2_SECTIONS,
    TABLE3_COLUMNS,
    TABLE3_HEADER_NOTE,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    TABLE4_LITIGATION_HEADER,
    table3_rows,
)


@dataclass
class LabelCell:
    text: str
    rowspan: int = 1
    colspan: int = 1


def table3_layout(fmt: str) -> list[tuple[list[LabelCell], str]]:
    """Body rows of Table III: the label cells that start on the row, and the row's key.

    Three label columns: 三、本年度办理结果 spans the 20 (2019) / 22 (2021) outcome rows; the groups
    （三）（四）（五） (and （六） in 2021) span their sub-rows in the second column.
    """
    rows = table3_rows(fmt)
    outcome_span = sum(1 for r in rows if r.key and (r.is_outcome or r.key == "total_processed"))
    layout: list[tuple[list[LabelCell], str]] = []
    pending_group: LabelCell | None = None
    first_outcome = True
    for index, row in enumerate(rows):
        if row.key is None and row.level == 0:
            continue  # 三、本年度办理结果 is emitted with the first outcome row
        if row.key is None:  # a group heading: spans its sub-rows
            span = 0
            for later in rows[index + 1 :]:
                if later.level != 2:
                    break
                span += 1
            pending_group = LabelCell(row.zh, rowspan=span)
            continue
        cells: list[LabelCell] = []
        if row.level == 0:
            cells.append(LabelCell(row.zh, colspan=3))
        else:
            if first_outcome:
                cells.append(LabelCell("三、本年度办理结果", rowspan=outcome_span))
                first_outcome = False
            if row.level == 1:
                cells.append(LabelCell(row.zh, colspan=2))
            else:
                if pending_group is not None:
                    cells.append(pending_group)
                    pending_group = None
                cells.append(LabelCell(row.zh))
        layout.append((cells, row.key))
    return layout


def table3_header() -> list[list[LabelCell]]:
    return [
        [LabelCell(TABLE3_HEADER_NOTE, rowspan=3, colspan=3), LabelCell(APPLICANT_HEADER, colspan=7)],
        [
            LabelCell(TABLE3_COLUMNS[0].zh, rowspan=2),
            LabelCell(LEGAL_PERSON_HEADER, colspan=5),
            LabelCell("总计", rowspan=2),
        ],
        [LabelCell(c.zh) for c in TABLE3_COLUMNS[1:6]],
    ]


def table4_header() -> list[list[LabelCell]]:
    return [
        [
            LabelCell(TABLE4_GROUPS[0][1], rowspan=2, colspan=5),
            LabelCell(TABLE4_LITIGATION_HEADER, colspan=10),
        ],
        [LabelCell(TABLE4_GROUPS[1][1], colspan=5), LabelCell(TABLE4_GROUPS[2][1], colspan=5)],
        [LabelCell(zh) for _g in TABLE4_GROUPS for _k, zh, _l in TABLE4_COLUMNS],
    ]


def display(value) -> str:
    return "" if value is None else f"{value}"


def tables_context(data, links=None) -> dict:
    """Rows ready for a template. ``links(table, row, column)`` gives a drill-down URL or None."""
    links = links or (lambda *args: None)
    table3 = []
    for label_cells, key in table3_layout(data.format):
        values = data.table3.get(key) or [None] * 7
        cells = [
            {"value": display(v), "url": links("table3", key, c.key)}
            for v, c in zip(values, TABLE3_COLUMNS, strict=True)
        ]
        table3.append({"labels": label_cells, "key": key, "cells": cells})
    # A 2021 report imported with the 2019 row keeps it visible.
    if (
        data.format == "2021"
        and "other_processing" in data.table3
        and not any(r["key"] == "other_processing" for r in table3)
    ):
        values = data.table3["other_processing"]
        table3.append(
            {
                "labels": [LabelCell("（六）其他处理（2019年格式）", colspan=3)],
                "key": "other_processing",
                "cells": [{"value": display(v), "url": None} for v in values],
            }
        )
    table4 = [
        {"value": display((data.table4.get(g) or {}).get(c)), "url": links("table4", g, c)}
        for g, _zh, _l in TABLE4_GROUPS
        for c, _czh, _cl in TABLE4_COLUMNS
    ]
    table2 = []
    for section in TABLE2_SECTIONS[data.format]:
        rows = [
            {
                "label": zh,
                "cells": [
                    {"value": display((data.table2.get(r) or {}).get(c)), "url": links("table2", r, c)}
                    for c, _czh in section.columns
                ],
            }
            for r, zh in section.rows
        ]
        table2.append({"title": section.zh, "columns": [czh for _c, czh in section.columns], "rows": rows})
    return {
        "table2": table2,
        "table3_header": table3_header(),
        "table3": table3,
        "table4_header": table4_header(),
        "table4": table4,
    }


def report_context(report, links=None) -> dict:
    from .assembly import report_data

    data = report_data(report)
    headings = {key: zh for key, zh, _label in SECTIONS}
    return {
        "report": report,
        "data": data,
        "headings": headings,
        "overview_paragraphs": [p for p in (report.overview or "").splitlines() if p.strip()],
        "problems_paragraphs": [p for p in (report.problems or "").splitlines() if p.strip()],
        "other_paragraphs": [p for p in (report.other_matters or "").splitlines() if p.strip()],
        **tables_context(data, links),
    }
