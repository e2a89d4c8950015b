"""Read the tables of a published annual report from its HTML page (the national <table> layout).

Tables are expanded into a grid (rowspan/colspan resolved); Table III is the table with the row
一、本年新收…; each data row is recognised by its last label cell (e.g. "1.属于国家秘密") and its seven
figures are the cells after it. Table IV is the table whose header has 结果维持 and 行政复议; its figures
are the last row of fifteen cells. A page without these tables is reported, not a traceback.
"""

import re

from bs4 import BeautifulSoup

from django.utils.translation import gettext as _

from ..formats import TABLE3_ROWS, TABLE4_COLUMN_KEYS, TABLE4_GROUP_KEYS
from ..tables.data import ReportData
from ..validation import WARNING, Finding
from .json import ImportFailed, number


def _norm(text: str) -> str:
    text = re.sub(
        r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\(\s*[一二三四五六七八九十]+\s*\)|\d+\s*[\.．、])",
        "",
        text,
    )
    return re.sub(r"[^\u4e00-\u9fff0-9A-Za-z]", "", text)


LABELS = {}
for _row in TABLE3_ROWS:
    if _row.key:
        LABELS.setdefault(_norm(_row.zh), _row.key)
# Common shortened forms in published pages.
LABELS.setdefault(_norm("（二）部分公开"), "partial")
LABELS.setdefault(_norm("其他"), "other_other")
LABELS.setdefault(_norm("总计"), "total_processed")


def grid(table) -> list[list[str]]:
    """The table as a rectangular grid of cell texts, spans repeated in every cell they cover."""
    rows: list[list[str | None]] = []
    spans: dict[tuple[int, int], str] = {}
    for r, tr in enumerate(table.find_all("tr")):
        row: list[str] = []
        c = 0
        cells = tr.find_all(["td", "th"], recursive=False)
        for cell in cells:
            while (r, c) in spans:
                row.append(spans.pop((r, c)))
                c += 1
            text = cell.get_text(" ", strip=True)
            try:
                rowspan = max(1, int(cell.get("rowspan", 1) or 1))
                colspan = max(1, int(cell.get("colspan", 1) or 1))
            except ValueError:
                rowspan = colspan = 1
            for dc in range(colspan):
                row.append(text)
                for dr in range(1, rowspan):
                    spans[(r + dr, c + dc)] = text
            c += colspan
        while (r, c) in spans:
            row.append(spans.pop((r, c)))
            c += 1
        rows.append(row)
    return rows


_NUMERIC = re.compile(r"^[\d,，.\s]*$")


def _figures(cells: list[str]) -> tuple[int, list[str]]:
    """Index of the first of the trailing figure cells, and those cells."""
    index = len(cells)
    while index > 0 and _NUMERIC.match(cells[index - 1] or ""):
        index -= 1
    return index, cells[index:]


def parse_html(
    html: str | bytes, *, year: int | None = None, agency: str = ""
) -> tuple[ReportData, list[Finding]]:
    try:
        soup = BeautifulSoup(html, "lxml")
    except Exception as exc:  # lxml refuses some binary input
        raise ImportFailed(
            [Finding("html.unreadable", [], _("The page cannot be read as HTML: %(e)s") % {"e": exc})]
        ) from exc
    findings: list[Finding] = []
    tables = soup.find_all("table")
    t3 = next((t for t in tables if "本年新收" in t.get_text()), None)
    t4 = next((t for t in tables if "结果维持" in t.get_text() and "行政复议" in t.get_text()), None)
    if t3 is None and t4 is None:
        raise ImportFailed(
            [
                Finding(
                    "html.no_report_tables",
                    [],
                    _("No annual-report table was found on this page (looked for 本年新收… and 结果维持)."),
                )
            ]
        )
    title = (soup.title.get_text(strip=True) if soup.title else "") or (
        soup.find("h1").get_text(strip=True) if soup.find("h1") else ""
    )
    if year is None:
        match = re.search(r"(20\d{2})\s*年", title) or re.search(
            r"(20\d{2})\s*年度?政府信息公开", soup.get_text()
        )
        year = int(match.group(1)) if match else None
    if not agency and title:
        agency = re.split(r"20\d{2}\s*年", title)[0].strip()

    table3: dict[str, list] = {}
    if t3 is not None:
        for cells in grid(t3):
            start, figures = _figures(cells)
            if start == 0 or len(figures) < 7:
                continue
            key = LABELS.get(_norm(cells[start - 1]))
            if key is None:
                continue
            table3[key] = [
                number(v or None, f"table3.{key}.{i}", findings) for i, v in enumerate(figures[-7:])
            ]
        if not table3:
            findings.append(
                Finding(
                    "html.table3_unreadable",
                    ["table3"],
                    _("Table III was found but none of its rows could be read."),
                )
            )
    fmt = (
        "2021"
        if any(k in table3 for k in ("other_overdue_correction", "other_overdue_fee", "other_other"))
        else "2019"
    )
    if year and year >= 2021 and fmt == "2019" and "other_processing" in table3:
        fmt = "2021"  # a 2021+ report that kept the 2019 row: the validator flags it

    table4 = {g: dict.fromkeys(TABLE4_COLUMN_KEYS) for g in TABLE4_GROUP_KEYS}
    if t4 is not None:
        rows = [r for r in grid(t4) if len(_figures(r)[1]) >= 15]
        if rows:
            figures = _figures(rows[-1])[1][-15:]
            for i, group in enumerate(TABLE4_GROUP_KEYS):
                for j, column in enumerate(TABLE4_COLUMN_KEYS):
                    table4[group][column] = number(
                        figures[i * 5 + j] or None, f"table4.{group}.{column}", findings
                    )
        else:
            findings.append(
                Finding(
                    "html.table4_unreadable",
                    ["table4"],
                    _("Table IV was found but its figures could not be read."),
                    WARNING,
                )
            )

    text = soup.get_text("\n")
    narrative = {}
    match = re.search(r"一\s*、\s*总体情况(.*?)(?:二\s*、\s*主动公开|二\s*、\s*行政机关主动公开)", text, re.S)
    if match:
        narrative["overview"] = re.sub(r"\s+", "", match.group(1))
    data = ReportData(agency=agency, year=year, format=fmt, table3=table3, table4=table4, narrative=narrative)
    if year is None:
        findings.append(
            Finding("schema.year", ["year"], _("The report year could not be read from the page title."))
        )
    return data, findings
