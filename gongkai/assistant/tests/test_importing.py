import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.core.management import CommandError, call_command

from gongkai.assistant.importing import (
    ImportFileError,
    export_csv,
    export_xlsx,
    import_rows,
    read_rows,
)
from gongkai.assistant.models import Entry, ReviewStatus

from .conftest import SMALL_BASE

pytestmark = pytest.mark.django_db


def csv_bytes(rows):
    buffer = io.StringIO()
    csv.writer(buffer).writerows(
        [["id", "question", "variants", "answer", "category", "unit", "source_url"], *rows]
    )
    return buffer.getvalue().encode()


def test_import_creates_entries_with_variants_sources_and_known_unit(hrss):
    result = import_rows(read_rows(SMALL_BASE.encode(), "kb.csv"))
    assert (result.created, result.updated, result.errors) == (4, 0, [])
    entry = Entry.objects.get(external_id="SB004")
    assert entry.variant_list == ["社会保障卡遗失怎么办", "社保卡坏了怎么换新卡"]
    assert entry.unit == hrss and entry.status == ReviewStatus.APPROVED
    assert entry.answer.startswith("<p>社会保障卡遗失的")
    assert entry.source_list == [{"title": "/zwgk/bszn/sbk/", "url": "/zwgk/bszn/sbk/"}]
    again = import_rows(read_rows(SMALL_BASE.encode(), "kb.csv"))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)


def test_every_bad_row_is_reported_with_its_line_and_nothing_loads():
    data = csv_bytes(
        [
            ["A1", "好问题", "", "好答案", "", "", ""],
            ["", "没有编号", "", "答案", "", "", ""],
            ["A3", "", "", "答案", "", "", ""],
            ["A1", "重复编号", "", "答案", "", "", ""],
            ["A5", "链接不对", "", "答案", "", "", "javascript:alert(1)"],
        ]
    )
    result = import_rows(read_rows(data, "kb.csv"))
    assert not result.loaded
    assert [e.line for e in result.errors] == [3, 4, 5, 6]
    assert "id" in result.errors[0].message and "A1" in result.errors[2].message
    assert Entry.objects.count() == 0


def test_skip_errors_loads_the_good_rows_and_unknown_units_are_kept_as_text():
    data = csv_bytes(
        [["A1", "好问题", "", "好答案", "", "某某不存在的局", ""], ["", "坏", "", "x", "", "", ""]]
    )
    result = import_rows(read_rows(data, "kb.csv"), skip_errors=True)
    assert result.loaded and result.created == 1 and len(result.errors) == 1
    assert result.warnings[0].line == 2
    assert Entry.objects.get().unit_name == "某某不存在的局"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"foo,bar\n1,2\n", "Missing columns"),
        (b'id,question,answer\n"A1,"unterminated\n', None),
    ],
)
def test_malformed_files_give_a_clear_message(content, message):
    if message is None:  # a broken quote: either a file error or a row error, never a crash
        try:
            result = import_rows(read_rows(content, "kb.csv"))
        except ImportFileError:
            return
        assert result.errors or result.loaded
        return
    with pytest.raises(ImportFileError, match=message):
        read_rows(content, "kb.csv")


def test_garbage_xlsx_is_a_clear_error():
    with pytest.raises(ImportFileError, match="XLSX"):
        read_rows(b"not a workbook", "kb.xlsx")


def test_html_answers_are_sanitised():
    data = csv_bytes(
        [
            [
                "A1",
                "问题",
                "",
                '<p onclick="x()">好<script>alert(1)</script><a href="javascript:x">链接</a></p>',
                "",
                "",
                "",
            ]
        ]
    )
    import_rows(read_rows(data, "kb.csv"))
    assert Entry.objects.get().answer == "<p>好<a>链接</a></p>"


def test_xlsx_export_reimports_identically(hrss):
    import_rows(read_rows(SMALL_BASE.encode(), "kb.csv"))
    before = list(
        Entry.objects.order_by("external_id").values_list(
            "external_id", "question", "variants", "answer", "sources", "unit"
        )
    )
    workbook = export_xlsx()
    Entry.objects.all().delete()
    result = import_rows(read_rows(workbook, "kb.xlsx"))
    assert result.created == 4 and not result.errors
    after = list(
        Entry.objects.order_by("external_id").values_list(
            "external_id", "question", "variants", "answer", "sources", "unit"
        )
    )
    assert after == before


cell = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda s: s.strip() == s and "|" not in s and s.strip())


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.tuples(cell, cell, st.lists(cell, max_size=3, unique=True), cell),
        min_size=1,
        max_size=5,
        unique_by=lambda r: r[0],
    )
)
def test_csv_round_trip(rows):
    Entry.objects.all().delete()
    data = csv_bytes([[i, q, "|".join(v), a, "", "", ""] for i, q, v, a in rows])
    first = import_rows(read_rows(data, "kb.csv"))
    assert first.loaded, first.errors
    exported = export_csv()
    Entry.objects.all().delete()
    second = import_rows(read_rows(exported, "kb.csv"))
    assert second.loaded and second.created == len(rows)
    assert export_csv() == exported
    stored = {e.external_id: e for e in Entry.objects.all()}
    for i, q, v, _a in rows:
        assert stored[i].question == q and stored[i].variant_list == [x for x in v if x.strip()]


def test_import_command_reports_lines_and_refuses(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes([["A1", "", "", "x", "", "", ""]]))
    with pytest.raises(CommandError, match="nothing was loaded"):
        call_command(
            "assistant", "import", str(path), "--no-embed", stdout=io.StringIO(), stderr=io.StringIO()
        )
    with pytest.raises(CommandError, match="No such file"):
        call_command("assistant", "import", str(tmp_path / "missing.csv"), stdout=io.StringIO())


def test_error_messages_are_in_chinese_for_chinese_users():
    from django.utils import translation

    with translation.override("zh-hans"):
        result = import_rows(read_rows(csv_bytes([["", "问", "", "答", "", "", ""]]), "kb.csv"))
        assert str(result.errors[0]) == "第 2 行：“id”为空"
