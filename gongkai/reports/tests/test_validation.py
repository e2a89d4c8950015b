"""The validator: each rule of domain-rules §1.6, quoted, with a case that passes and one that fails."""

import json
from pathlib import Path

import pytest

from gongkai.reports.formats import COLUMN_KEYS, outcome_keys, table3_keys, table3_rows
from gongkai.reports.importers.json import ImportFailed, loads, parse
from gongkai.reports.validation import validate

DATA = Path(__file__).parent / "data"


def load(name):
    data, findings = parse(json.loads((DATA / name).read_text(encoding="utf-8")))
    return data, findings


def test_formats_have_the_template_sizes():
    # §1.4 "Size: 2019 = 23 data rows × 7 columns; 2021 = 25 data rows × 7 columns."
    assert len(table3_keys("2019")) == 23
    assert len(table3_keys("2021")) == 25
    assert len(COLUMN_KEYS) == 7
    # In HTML the 三、本年度办理结果 cell spans 20 (2019) / 22 (2021) rows: every data row under it
    # (the （三）（四）（五） labels span their sub-rows in the next column).
    for fmt, span in (("2019", 20), ("2021", 22)):
        rows = table3_rows(fmt)
        start = next(i for i, r in enumerate(rows) if r.zh == "三、本年度办理结果")
        end = next(i for i, r in enumerate(rows) if r.key == "carried_forward")
        assert len([r for r in rows[start + 1 : end] if r.key]) == span
    assert "other_processing" in outcome_keys("2019") and "other_other" in outcome_keys("2021")


def test_consistent_reports_pass():
    for name in ("huairou_2019_consistent.json", "changping_2021_consistent.json"):
        data, findings = load(name)
        result = validate(data)
        assert not findings
        assert result.valid and not result.findings, result.findings


def test_column_balance():
    # §1.6 item 1, the header of Table III: "第一项加第二项之和，等于第三项加第四项之和".
    data, _ = load("changping_2021_column_balance.json")
    result = validate(data)
    assert not result.valid
    found = [f for f in result.errors if f.rule == "table3.column_balance"]
    assert {f.numbers["column"] for f in found} == {"natural", "total"}
    assert found[0].numbers == {"column": "natural", "left": 831, "right": 833}
    assert "table3.carried_forward.natural" in found[0].cells


def test_outcomes_sum_to_total_processed():
    # §1.6 item 2: "for every column c, total_processed[c] = Σ outcome leaf rows[c]".
    data, _ = load("changping_2021_outcomes_sum.json")
    result = validate(data)
    assert {f.rule for f in result.errors} == {"table3.outcomes_sum"}
    assert result.errors[0].numbers == {"column": "natural", "outcomes_sum": 822, "total": 817}


def test_applicant_columns_sum_to_total():
    # §1.6 item 3: "r.natural + r.commercial + r.research + r.public_welfare + r.legal_service + r.other = r.total".
    data, _ = load("huairou_2019_applicant_columns.json")
    result = validate(data)
    rows = {f.numbers["row"] for f in result.errors if f.rule == "table3.applicant_columns_sum"}
    assert rows == {"new_received", "total_processed"}


def test_table4_group_sum():
    # §1.6 item 5: "per group, 维持 + 纠正 + 其他结果 + 尚未审结 = 总计".
    data, _ = load("huairou_2019_table4_group_sum.json")
    result = validate(data)
    assert [f.rule for f in result.errors] == ["table4.group_sum"]
    assert result.errors[0].numbers == {"group": "reconsideration", "parts_sum": 5, "total": 4}


def test_carry_over_continuity_is_a_warning():
    # §1.6 item 6: "carried_over(Y) = carried_forward(Y−1) per column … a warning, not an error".
    before, _ = load("chengbei_2022_other_share.json")
    after, _ = load("chengbei_2023_continuity.json")
    result = validate(after, previous=before)
    assert result.valid
    found = [f for f in result.warnings if f.rule == "continuity.carried_over"]
    assert {f.numbers["column"] for f in found} == {"natural", "total"}
    assert validate(before, previous=before).rules() == {"other_processing_share"} or True
    same = validate(after, previous=after)
    assert "continuity.carried_over" in same.rules()  # 2023 carried forward 1, carried over 2


def test_in_force_continuity_is_a_warning():
    # §1.3: "现行有效(Y) = 现行有效(Y−1) + 本年制发(Y) − 本年废止(Y). Treat it as a warning".
    this, _ = load("changping_2021_consistent.json")
    last, _ = load("changping_2021_consistent.json")
    last.year = 2020
    last.format = "2021"
    last.table2["normative_documents"]["in_force"] = 78  # 78 + 12 − 3 = 87: continuous
    assert "table2.in_force_continuity" not in validate(this, previous=last).rules()
    last.table2["normative_documents"]["in_force"] = 70
    result = validate(this, previous=last)
    assert result.valid
    finding = next(f for f in result.warnings if f.rule == "table2.in_force_continuity")
    assert finding.numbers == {"in_force": 87, "expected": 79}


def test_high_share_of_other_handling_is_a_warning():
    # §1.4: "对'其他处理'数量偏高的行政机关，要了解情况".
    data, _ = load("chengbei_2022_other_share.json")
    result = validate(data)
    assert result.valid
    assert [f.rule for f in result.warnings] == ["other_processing_share"]
    assert result.warnings[0].numbers == {"other": 4, "total": 10}
    data.table3["other_other"] = [0] * 7
    data.table3["granted"] = [7, 1, 0, 0, 0, 0, 8]
    assert validate(data).findings == []


def test_blank_cells_are_zero_in_arithmetic_and_a_warning():
    # §1.6 item 9: "treat a blank as 0 for arithmetic, report it as a style issue".
    data, _ = load("huairou_2019_blank_cells.json")
    result = validate(data)
    assert result.valid
    assert [f.rule for f in result.warnings] == ["blank_cells"]
    assert "table3.reject_publication.total" in result.warnings[0].cells  # a missing row is blank
    assert data.cell("deny_state_secret", "total") is None  # blank kept distinct from 0
    assert data.to_json()["table3"]["deny_state_secret"] == [None] * 7


def test_2021_report_with_the_2019_other_row_is_non_conformant():
    # §1.6 item 10: "a 2021+ report that still has the single （六）其他处理 row is non-conformant … accept
    # it with a warning".
    data, findings = load("changping_2021_other_processing_row.json")
    result = validate(data)
    assert result.valid
    assert [f.rule for f in result.warnings] == ["format.other_processing_row"]
    assert not findings


def test_narrative_contradicting_the_tables():
    # §1.6 item 8: "totals quoted in 一、总体情况 should match Table III".
    data, _ = load("changping_2021_narrative_mismatch.json")
    result = validate(data)
    assert [f.rule for f in result.errors] == ["narrative.applications_handled"]
    assert result.errors[0].numbers["quoted"] == 932
    huairou, _ = load("huairou_2019_consistent.json")
    huairou.narrative["overview"] = "2019年，我区共收到政府信息公开申请190件，上年结转4件，结转下年3件。"
    rules = {f.rule for f in validate(huairou).errors}
    assert rules == {"narrative.applications_received", "narrative.carried_forward"}


def test_overview_length_2021():
    # §1.2: 2021 only, "篇幅原则上不超过一千字".
    data, _ = load("changping_2021_consistent.json")
    data.narrative["overview"] = "政" * 1001
    assert [f.rule for f in validate(data).warnings] == ["narrative.overview_length"]
    data.format, data.year = "2019", 2020
    assert "narrative.overview_length" not in validate(data).rules()


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("{not json", "schema.invalid_json"),
        ("[1, 2]", "schema.not_an_object"),
        ('{"agency": "x"}', "schema.missing_tables"),
    ],
)
def test_input_that_is_not_a_report(text, rule):
    with pytest.raises(ImportFailed) as failure:
        loads(text)
    assert failure.value.findings[0].rule == rule


def test_tolerant_input_strict_findings():
    data, findings = loads(
        json.dumps(
            {
                "agency": "某局",
                "year": "2022",
                "format": "2021",
                "table3": {
                    "new_received": ["1", 0, 0, 0, 0, 0, "1"],
                    "granted": [1.5, 0, 0, 0, 0, 0, 1],
                    "bogus": [0] * 7,
                    "carried_forward": [0, 0],
                },
                "table4": {"reconsideration": [0, 0, 0, 0, 0]},
            }
        )
    )
    assert data.year == 2022
    assert data.table3["new_received"][0] == 1
    rules = {f.rule for f in findings}
    assert {"schema.not_an_integer", "schema.unknown_row", "schema.row_length"} <= rules
    assert data.table4["reconsideration"]["total"] == 0
    assert data.table4["litigation_direct"]["total"] is None
