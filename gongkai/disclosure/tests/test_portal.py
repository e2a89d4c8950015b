import datetime as dt

import pytest

from gongkai.disclosure.factories import InformationItemFactory
from gongkai.disclosure.models import GazetteIssuePage, Genre, ItemAttachment, Validity
from gongkai.disclosure.search_service import portal_search
from gongkai.organizations.factories import UnitFactory
from gongkai.organizations.models import Leader

from .helpers import docx_document, pdf_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit(cols):
    return UnitFactory(name="清河区人力资源和社会保障局", slug="hrss")


def publish_with_attachment(unit, document, capture, **kwargs):
    item = InformationItemFactory.build(unit=unit, **kwargs)
    item.attachments = [ItemAttachment(document=document, title="申领表")]
    from gongkai.disclosure.factories import unit_column

    item.live = False
    unit_column(unit).add_child(instance=item)
    with capture(execute=True):
        item.save_revision().publish()
    item.refresh_from_db()
    return item


def test_item_page_shows_every_metadata_field(unit, client):
    """Per-item metadata on disclosure pages: 索引号, 主题分类, 发布机构, 成文日期, 发布日期, 文号, 名称, 有效性, 关键词…"""
    item = InformationItemFactory(
        unit=unit,
        title="关于调整城乡居民最低生活保障标准的通知",
        document_number="清人社发〔2026〕7号",
        keywords="低保 标准",
        genre=Genre.NORMATIVE_DOCUMENT,
        summary="自2026年4月起提高低保标准。",
    )
    html = client.get(item.url).content.decode()
    for value in [
        item.index_number,
        "清河区人力资源和社会保障局",
        "清人社发〔2026〕7号",
        "2026-03-02",
        item.date_published.isoformat(),
        "低保 标准",
        "自2026年4月起提高低保标准。",
        '<meta name="ArticleTitle" content="关于调整城乡居民最低生活保障标准的通知">',
        '<meta name="PubDate"',
    ]:
        assert value in html, value


def test_repealed_document_stays_visible_marked_with_its_replacement(unit, client):
    """国办发〔2017〕47号: repealed documents are marked clearly on the original, with a link to what replaced it."""
    new = InformationItemFactory(unit=unit, title="清河区就业补贴管理办法（2026年修订）")
    old = InformationItemFactory(
        unit=unit,
        title="清河区就业补贴管理办法",
        date_written=dt.date(2020, 1, 1),
        validity=Validity.REPEALED,
        validity_changed_on=dt.date(2026, 3, 2),
        replaced_by=new,
    )
    response = client.get(old.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "validity-notice" in html and new.url in html
    assert old.url in client.get(new.url).content.decode()  # "This document replaces"


def test_find_item_by_a_word_only_in_its_docx_attachment(unit, client, django_capture_on_commit_callbacks):
    """Search inside attachments: a word that occurs only in the attached DOCX finds the item."""
    doc = docx_document("稳岗返还申领表", "申请单位须提供失业保险缴费凭证和职工花名册。")
    item = publish_with_attachment(
        unit, doc, django_capture_on_commit_callbacks, title="关于做好2026年稳就业工作的通知"
    )
    results = portal_search("花名册")
    assert results.ids == [f"item:{item.pk}"]
    assert "<mark>花名册</mark>" in results.hits[0].snippet
    page = client.get("/search/", {"q": "花名册"}).content.decode()
    assert item.url in page and "<mark>花名册</mark>" in page


def test_find_item_by_a_word_only_in_its_pdf_attachment(unit, django_capture_on_commit_callbacks):
    doc = pdf_document("公示名单", "拟认定的就业见习基地名单公示")
    item = publish_with_attachment(unit, doc, django_capture_on_commit_callbacks, title="见习基地认定结果")
    assert portal_search("见习基地").ids == [f"item:{item.pk}"]


def test_unpublishing_removes_the_item_from_search(unit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        item = InformationItemFactory(unit=unit, title="清河区公共租赁住房配租公告")
    assert portal_search("公共租赁住房").total == 1
    with django_capture_on_commit_callbacks(execute=True):
        item.unpublish()
    assert portal_search("公共租赁住房").total == 0


def test_catalogue_lists_and_downloads(unit, client):
    """Art. 12: the catalogue shows index, title, summary and date; it can be downloaded."""
    item = InformationItemFactory(unit=unit, title="清河区2026年部门预算公开", summary="部门收支预算总表。")
    html = client.get("/catalogue/").content.decode()
    assert item.index_number in html and item.url in html and "部门收支预算总表" in html
    csv = b"".join(client.get("/catalogue/download.csv").streaming_content).decode("utf-8-sig")
    assert item.index_number in csv and "清河区2026年部门预算公开" in csv
    xlsx = client.get("/catalogue/download.xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get("/catalogue/", {"year": "abc", "unit": "x"}).status_code == 200


def test_search_page_bad_input_is_a_clear_message_not_a_500(client, cols):
    response = client.get("/search/", {"q": "低保", "year": "二〇二六", "page": "-3"})
    assert response.status_code == 400
    assert "error" in response.content.decode()


def test_column_feed_and_meta(unit, client, cols):
    item = InformationItemFactory(unit=unit, category="a20_1", title="清河区行政规范性文件目录")
    column = cols["a20_1"]
    html = client.get(column.url).content.decode()
    assert item.url in html, "category columns list items of every unit classified under them"
    assert '<meta name="ColumnName" content="' in html
    rss = client.get(f"/feeds/column/{column.pk}/rss/")
    assert rss.status_code == 200 and "清河区行政规范性文件目录" in rss.content.decode()
    atom = client.get(f"/feeds/column/{column.pk}/atom/").content.decode()
    assert "<feed" in atom and item.index_number in atom
    assert client.get("/feeds/column/999999/rss/").status_code == 404


def test_guide_page_is_built_from_the_organization_data(client, cols):
    """Art. 12: the guide gives the office's name, address, hours, telephone, fax and internet contact."""
    district = UnitFactory(
        kind="district_government", name="清河区人民政府", slug="district", office_fax="010-1234567"
    )
    html = client.get(cols["guide"].url).content.decode()
    for value in (
        district.office_name,
        district.office_address,
        district.office_hours,
        district.office_phone,
        "010-1234567",
    ):
        assert value in html


def test_institution_page_lists_functions_and_leaders(client, cols):
    unit = UnitFactory(functions="负责全区就业和社会保险工作。")
    Leader.objects.create(unit=unit, name="张伟", post="局长")
    html = client.get(cols["institution"].url).content.decode()
    assert "负责全区就业和社会保险工作。" in html and "张伟" in html


def test_gazette_issue_and_pdf(unit, client, cols):
    doc = InformationItemFactory(unit=unit, title="清河区人民政府关于印发某办法的通知")
    issue = GazetteIssuePage(
        title="清河区人民政府公报2026年第1期",
        slug="2026-1",
        year=2026,
        issue=1,
        date_issued=dt.date(2026, 3, 31),
    )
    cols["gazette"].add_child(instance=issue)
    issue.documents.set([doc])
    issue.save_revision().publish()
    assert doc.url in client.get(issue.url).content.decode()
    pdf = client.get(f"/gazette/{issue.pk}.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_home_and_sitemap(unit, client):
    item = InformationItemFactory(unit=unit)
    assert item.url in client.get("/").content.decode()
    assert item.url in client.get("/sitemap.xml").content.decode()
    assert client.get("/en/search/").status_code == 200


def test_long_columns_count_only_ten_pages_ahead(unit, client, settings):
    """A column of a million items cannot be counted on every view: the count stops ten pages past
    the page shown, and the page says "more than"."""
    from gongkai.disclosure import columns
    from gongkai.disclosure.factories import unit_column

    for n in range(7):
        InformationItemFactory(unit=unit, title=f"清河区就业补贴发放公示（第{n + 1}批）")
    column = unit_column(unit)
    paginator = columns.CappedPaginator(columns.items_for_column(column), 2, cap=4)
    assert paginator.count == 4 and paginator.capped and paginator.num_pages == 2
    exact = columns.CappedPaginator(columns.items_for_column(column), 2, cap=100)
    assert exact.count == 7 and not exact.capped and exact.num_pages == 4
    settings.LANGUAGE_CODE = "zh-hans"
    original = columns.PER_PAGE
    columns.PER_PAGE = 1  # ten pages ahead of page 1 is 11 items: 7 are all counted
    try:
        html = client.get(column.url, {"page": 2}).content.decode()
        assert "第2页，共7页" in html and "以上" not in html
    finally:
        columns.PER_PAGE = original
