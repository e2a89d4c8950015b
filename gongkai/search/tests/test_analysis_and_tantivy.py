import datetime as dt

import pytest

from gongkai.search import analysis
from gongkai.search.backends.base import SearchDocument, SearchQuery
from gongkai.search.backends.tantivy_backend import TantivyBackend
from gongkai.search.extraction import extract_text


def test_user_dictionary_keeps_government_terms_whole():
    """The government user dictionary ships in the repository (jieba format)."""
    assert analysis.load_user_dictionary() > 50
    assert "依申请公开" in analysis.index_tokens("关于依申请公开的答复")
    assert "行政规范性文件" in [t.word for t in analysis.query_terms("行政规范性文件清理")]


def test_query_terms_drop_stopwords_and_punctuation_and_normalize_width():
    words = [t.word for t in analysis.query_terms("关于，ＡＢＣ的低保！")]
    assert words == ["abc", "低保"]


def test_long_words_also_match_by_their_parts():
    (term,) = analysis.query_terms("社会保障")
    assert term.parts == ("社会", "保障")


def test_snippet_escapes_html_and_marks_words():
    terms = analysis.query_terms("低保")
    html = analysis.snippet("<script>x</script>城乡低保标准提高", terms)
    assert "<script>" not in html and "&lt;script&gt;" in html and "<mark>低保</mark>" in html


def test_replacing_a_document_by_id_and_reader_reload(tmp_path):
    writer = TantivyBackend(tmp_path / "idx")
    reader = TantivyBackend(tmp_path / "idx")  # a web worker: read-only, reloads
    writer.index([SearchDocument("a", "城乡低保", date=dt.date(2026, 1, 1))])
    writer.index([SearchDocument("a", "公租房配租", date=dt.date(2026, 1, 1))])
    reader._last_reload = 0
    assert reader.search(SearchQuery("低保")).total == 0
    assert reader.search(SearchQuery("公租房")).ids == ["a"]
    writer.delete(["a"])
    reader._last_reload = 0
    assert reader.count() == 0


def test_unknown_filter_or_sort_is_rejected():
    with pytest.raises(ValueError, match="unknown filter"):
        SearchQuery("x", filters={"colour": ["red"]})
    with pytest.raises(ValueError, match="sort"):
        SearchQuery("x", sort="random")


def test_extraction_of_xlsx_and_broken_files():
    import io

    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["姓名", "补贴金额"])
    wb.active.append(["张三", 1500])
    out = io.BytesIO()
    wb.save(out)
    assert "补贴金额" in extract_text(out.getvalue(), "名单.xlsx").text
    broken = extract_text(b"not a pdf", "x.pdf")
    assert broken.text == "" and broken.error
    assert extract_text(b"\xc7\xe5\xba\xd3", "gbk.txt").text == "清河"
    assert extract_text(b"", "photo.jpg").error.startswith("no text extractor")
