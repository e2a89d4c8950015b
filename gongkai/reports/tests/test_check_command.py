"""``manage.py annual_report check``: one JSON object per file, exit status 0 only if all are valid."""

import json
from io import StringIO
from pathlib import Path

import pytest

from django.core.management import call_command

DATA = Path(__file__).parent / "data"

EXPECTED = {
    "huairou_2019_consistent.json": (True, set()),
    "changping_2021_consistent.json": (True, set()),
    "changping_2021_other_processing_row.json": (True, {"format.other_processing_row"}),
    "huairou_2019_blank_cells.json": (True, {"blank_cells"}),
    "chengbei_2022_other_share.json": (True, {"other_processing_share"}),
    "changping_2021_column_balance.json": (False, {"table3.column_balance"}),
    "changping_2021_outcomes_sum.json": (False, {"table3.outcomes_sum"}),
    "changping_2021_narrative_mismatch.json": (False, {"narrative.applications_handled"}),
    "huairou_2019_applicant_columns.json": (False, {"table3.applicant_columns_sum", "table3.outcomes_sum"}),
    "huairou_2019_table4_group_sum.json": (False, {"table4.group_sum"}),
    "malformed.json": (False, {"schema.invalid_json"}),
    "not_a_report.json": (False, {"schema.not_an_object"}),
}


def run(*files):
    out = StringIO()
    code = 0
    try:
        call_command("annual_report", "check", *[str(DATA / f) for f in files], stdout=out)
    except SystemExit as exit_:
        code = exit_.code
    return code, [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.mark.parametrize(("name", "expected"), EXPECTED.items())
def test_each_fixture(name, expected):
    valid, rules = expected
    code, [result] = run(name)
    assert result["valid"] is valid
    assert code == (0 if valid else 1)
    assert {f["rule"] for f in result["errors"] + result["warnings"]} == rules
    assert set(result) >= {"agency", "year", "valid", "errors", "warnings"}
    for finding in result["errors"] + result["warnings"]:
        assert set(finding) >= {"rule", "cells", "detail"}


def test_all_valid_exits_0_and_one_line_per_file():
    code, results = run("huairou_2019_consistent.json", "changping_2021_consistent.json")
    assert code == 0
    assert [r["agency"] for r in results] == ["北京市怀柔区人民政府", "北京市昌平区人民政府"]


def test_consecutive_years_are_checked_for_continuity():
    code, results = run("chengbei_2022_other_share.json", "chengbei_2023_continuity.json")
    assert code == 0
    assert "continuity.carried_over" in {w["rule"] for w in results[1]["warnings"]}
    assert "continuity.carried_over" not in {w["rule"] for w in results[0]["warnings"]}


def test_missing_file_is_a_finding_not_a_traceback(tmp_path):
    out = StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("annual_report", "check", str(tmp_path / "nope.json"), stdout=out)
    assert exit_.value.code == 1
    assert json.loads(out.getvalue())["errors"][0]["rule"] == "schema.unreadable_file"
