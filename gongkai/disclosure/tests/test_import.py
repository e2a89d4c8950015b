import datetime as dt
import json

import pytest

from django.core.management import CommandError, call_command

from gongkai.disclosure import index_numbers
from gongkai.disclosure.models import InformationItemPage, Validity
from gongkai.organizations.factories import UnitFactory

pytestmark = pytest.mark.django_db

CSV = """索引号,标题,发布机构,文号,成文日期,发布日期,体裁,有效性,废止日期,内容概述,正文
11110199000000030X/2019-00012,清河区城乡居民临时救助实施办法,11110199000000030X,清民发〔2019〕5号,2019年3月1日,2019-03-08,规范性文件,废止,2024-01-01,临时救助的对象和标准。,第一条 为规范临时救助工作……
11110199000000030X/2024-00003,清河区临时救助实施办法,civil,清民发〔2024〕1号,2024/01/01,2024/01/05,规范性文件,有效,,,<p>第一条</p>
,没有日期的行,civil,,,,,,,,
"""


def test_import_keeps_index_numbers_and_dates(cols, tmp_path, capsys):
    """Import of existing content keeps the old portal's index numbers and dates."""
    unit = UnitFactory(slug="civil", code="11110199000000030X")
    path = tmp_path / "old.csv"
    path.write_text(CSV, encoding="utf-8")
    call_command("import_disclosure_items", str(path))
    out, err = capsys.readouterr()
    assert "created 2" in out and "rejected 1" in out
    assert "row 3: date_written: required" in err
    old = InformationItemPage.objects.get(index_number="11110199000000030X/2019-00012")
    assert old.live and old.unit == unit and old.date_written == dt.date(2019, 3, 1)
    assert old.date_published == dt.date(2019, 3, 8)
    assert old.first_published_at.date() == dt.date(2019, 3, 8)
    assert old.validity == Validity.REPEALED and old.validity_changed_on == dt.date(2024, 1, 1)
    # New numbers continue after imported ones.
    assert index_numbers.allocate(unit, dt.date(2024, 6, 1)) == "11110199000000030X/2024-00004"
    # Importing again updates instead of duplicating.
    call_command("import_disclosure_items", str(path))
    assert InformationItemPage.objects.filter(unit=unit).count() == 2


def test_import_json_and_bad_files(cols, tmp_path):
    UnitFactory(slug="civil")
    path = tmp_path / "old.json"
    path.write_text(
        json.dumps({"items": [{"title": "公告", "unit": "nobody", "date_written": "2024-01-01"}]})
    )
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_disclosure_items", str(path))
    path.write_text("{not json")
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("import_disclosure_items", str(path))
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_disclosure_items", str(tmp_path / "missing.csv"))
