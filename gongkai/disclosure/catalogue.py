"""The disclosure catalogue (公开目录). Art. 12: "政府信息公开目录包括政府信息的索引、名称、内容概述、
生成日期等内容" — index, title, summary and date produced, browsable and downloadable."""

import csv
import io

from openpyxl import Workbook

from .models import InformationItemPage

HEADERS = [
    "索引号 Index number",
    "名称 Title",
    "发布机构 Issuing unit",
    "文号 Document number",
    "内容概述 Summary",
    "生成日期 Date written",
    "发布日期 Date published",
    "有效性 Validity",
    "网址 URL",
]


def entries(unit_id=None, year=None, genre=None):
    qs = InformationItemPage.objects.public().select_related("unit").order_by("-date_published", "-pk")
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    if year:
        qs = qs.filter(date_written__year=year)
    if genre:
        qs = qs.filter(genre=genre)
    return qs


#: The most data rows an XLSX sheet can hold (1,048,576 rows including the header).
XLSX_MAX_ROWS = 1_048_575


def rows(queryset, base_url: str = ""):
    from .columns import LIST_FIELDS

    # Only the listed fields: the bodies of a million items are not read for a download.
    for item in queryset.only(*LIST_FIELDS).iterator(chunk_size=2000):
        yield [
            item.index_number or "",
            item.title,
            item.unit.name,
            item.document_number,
            item.summary,
            item.date_written.isoformat(),
            item.date_published.isoformat() if item.date_published else "",
            str(item.get_validity_display()),
            base_url + (item.url or ""),
        ]


def stream_csv(queryset, base_url: str = ""):
    """The catalogue as CSV, in chunks of encoded lines (a streamed download of any size)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")  # BOM: Excel opens UTF-8 CSV correctly
    writer.writerow(HEADERS)
    for n, row in enumerate(rows(queryset, base_url), start=1):
        writer.writerow(row)
        if n % 500 == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def as_xlsx(queryset, base_url: str = "") -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("公开目录")
    sheet.append(HEADERS)
    for n, row in enumerate(rows(queryset, base_url), start=1):
        if n > XLSX_MAX_ROWS:  # the format's limit; the CSV download has everything
            break
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
