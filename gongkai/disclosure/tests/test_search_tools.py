"""The import of an old portal's units, the portal_search command and the search evaluation."""

import json

import pytest

from django.core.management import CommandError, call_command

from gongkai.disclosure.models import InformationItemPage
from gongkai.disclosure.search_service import portal_search
from gongkai.organizations.models import Unit, UnitKind

pytestmark = pytest.mark.django_db

OLD_PORTAL = [
    {
        "index_number": "11110108MB0000012K/2024-00003",
        "title": "清河区老旧小区综合整治工作方案",
        "unit": "清河区住房和城乡建设委员会",
        "document_number": "清建发〔2024〕3号",
        "date_written": "2024-03-01",
        "date_published": "2024-03-05",
        "genre": "规划",
        "body": "推进老旧小区加装电梯和管线改造，完善无障碍设施。",
    },
    {
        "index_number": "11110108MB0000034P/2023-00010",
        "title": "清河区城北街道2023年社会救助资金发放情况",
        "unit": "清河区城北街道办事处",
        "date_written": "2023-12-20",
        "body": "本年度发放最低生活保障金和临时救助金。",
    },
    {
        "index_number": "local-0001",
        "title": "无法确定机构代码的文件",
        "unit": "某旧机构",
        "date_written": "2022-01-01",
    },
]


@pytest.fixture
def old_portal(tmp_path, cols, django_capture_on_commit_callbacks):
    path = tmp_path / "export.json"
    path.write_text(json.dumps(OLD_PORTAL, ensure_ascii=False), encoding="utf-8")
    return path


def test_import_refuses_unknown_units_unless_told_to_create_them(old_portal, capsys):
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_disclosure_items", str(old_portal))
    assert "--create-units" in capsys.readouterr().err
    assert not InformationItemPage.objects.exists()


def test_import_creates_missing_units_with_the_code_of_their_index_numbers(
    old_portal, capsys, django_capture_on_commit_callbacks
):
    """索引号 "由信息生成机构代码、信息类别、信息生成年度、年度信息流水号组成": the prefix is the unit's code."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_disclosure_items", str(old_portal), "--create-units")
    out, err = capsys.readouterr()
    assert "created 2" in out and "rejected 1" in out
    assert "“某旧机构” is not in the system and its code cannot be taken" in err
    housing = Unit.objects.get(name="清河区住房和城乡建设委员会")
    assert housing.code == "11110108MB0000012K" and housing.kind == UnitKind.BUREAU
    assert Unit.objects.get(code="11110108MB0000034P").kind == UnitKind.STREET_OFFICE
    item = InformationItemPage.objects.get(index_number="11110108MB0000012K/2024-00003")
    assert item.unit == housing and item.live


def test_portal_search_command_and_index_numbers_are_searchable(
    old_portal, capsys, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_disclosure_items", str(old_portal), "--create-units")
    item = InformationItemPage.objects.get(index_number="11110108MB0000012K/2024-00003")
    assert portal_search("11110108MB0000012K/2024-00003").ids == [f"item:{item.pk}"]
    capsys.readouterr()
    call_command("portal_search", "query", "加装电梯")
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 1 and data["hits"][0]["index_number"] == item.index_number
    assert "<mark>电梯</mark>" in data["hits"][0]["snippet"]


def test_search_evaluation_scores_a_judged_query_file(
    old_portal, tmp_path, capsys, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_disclosure_items", str(old_portal), "--create-units")
    judged = tmp_path / "queries.csv"
    judged.write_text(
        "query,relevant\n"
        "加装电梯,11110108MB0000012K/2024-00003\n"
        "清建发〔2024〕3号,11110108MB0000012K/2024-00003\n"
        "低保,11110108MB0000034P/2023-00010\n"
        "火星移民,11110108MB0000034P/2023-00010\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    call_command("portal_search", "eval", str(judged), "--details")
    report = json.loads(capsys.readouterr().out)
    # "低保" is not in the text (最低生活保障 is): jieba's words do not match it, nor 火星移民.
    assert report["queries"] == 4
    assert report["success_at_1"] == 0.5 and report["mrr"] == 0.5 and report["zero_results"] == 0.5
    assert {m["query"] for m in report["misses"]} == {"低保", "火星移民"}
    bad = tmp_path / "bad.csv"
    bad.write_text("q,answer\n", encoding="utf-8")
    with pytest.raises(CommandError, match="query,relevant"):
        call_command("portal_search", "eval", str(bad))


def test_shipped_search_set(cols, capsys, django_capture_on_commit_callbacks):
    """Regression gate on the independently written set in evaldata/ (see its README for the figures)."""
    from pathlib import Path

    data = Path(__file__).resolve().parent.parent / "evaldata"
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_disclosure_items", str(data / "items.json"), "--create-units")
    assert "created 60, updated 0, rejected 0" in capsys.readouterr().out
    call_command("portal_search", "eval", str(data / "queries.csv"))
    report = json.loads(capsys.readouterr().out)
    assert report["queries"] == 50 and report["zero_results"] == 0
    assert report["success_at_1"] >= 0.94 and report["mrr"] >= 0.94 and report["ndcg"] >= 0.85


def test_search_api_for_the_mini_program(old_portal, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_disclosure_items", str(old_portal), "--create-units")
    response = client.get("/api/v1/disclosure/search", {"q": "加装电梯", "sort": "date"})
    assert response.status_code == 200
    data = response.json()
    assert data["total"] == 1 and data["num_pages"] == 1 and not data["relaxed"]
    hit = data["hits"][0]
    assert (
        hit["index_number"] == "11110108MB0000012K/2024-00003" and hit["unit"] == "清河区住房和城乡建设委员会"
    )
    assert hit["document_number"] == "清建发〔2024〕3号" and hit["validity"] == "in_force"
    assert hit["url"].startswith("http://testserver/") and "<mark>电梯</mark>" in hit["snippet_html"]
    # Bad input: a clear message in the user's language, never a 500.
    bad = client.get(
        "/api/v1/disclosure/search", {"q": "电梯", "genre": "novel"}, HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert bad.status_code == 422 and "novel" in bad.json()["message"]
    assert client.get("/api/v1/disclosure/search", {"page": "abc"}).status_code == 422
    assert client.get("/api/v1/disclosure/search", {"per_page": 500}).status_code == 422
    assert "/api/v1/disclosure/search" in client.get("/api/v1/openapi.json").json()["paths"]


def test_a_failed_row_keeps_the_unit_it_created_for_the_next_rows(cols, tmp_path, capsys):
    rows = [
        {
            "index_number": "11110108MB0000056Q/2021-00001",
            "title": "清河区就业困难人员认定管理办法",
            "unit": "清河区人力资源和社会保障局",
            "date_written": "2021-08-10",
            "validity": "废止",  # no repeal date: the row is refused
        },
        {
            "index_number": "11110108MB0000056Q/2024-00002",
            "title": "清河区就业困难人员认定和援助管理办法",
            "unit": "清河区人力资源和社会保障局",
            "date_written": "2024-03-25",
        },
    ]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    call_command("import_disclosure_items", str(path), "--create-units")
    out, err = capsys.readouterr()
    assert "created 1" in out and "rejected 1" in out and "row 1: validity_changed_on" in err
    item = InformationItemPage.objects.get(index_number="11110108MB0000056Q/2024-00002")
    assert item.unit.code == "11110108MB0000056Q"
