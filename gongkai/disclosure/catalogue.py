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


def rows(queryset, base_url: str = ""):
    for item in queryset.iterator(chunk_size=2000):
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


def as_csv(queryset, base_url: str = "") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    writer.writerows(rows(queryset, base_url))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8 CSV correctly


def as_xlsx(queryset, base_url: str = "") -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("公开目录")
    sheet.append(HEADERS)
    for row in rows(queryset, base_url):
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
