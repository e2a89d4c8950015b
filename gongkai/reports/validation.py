"""The validator of annual reports: every identity of domain-rules §1.6, plus format conformance.

``validate(data, previous=None)`` returns findings, each naming the rule (a stable id), the cells
concerned and the numbers. Errors make a report invalid; warnings ask for a look. The same validator
checks reports computed from records, entered by hand, and imported from JSON or HTML.
"""

import re
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _

from .formats import (
    APPLICANT_KEYS,
    COLUMN_KEYS,
    OTHER_2021_KEYS,
    OVERVIEW_MAX_CHARS_2021,
    TABLE4_COLUMN_KEYS,
    TABLE4_GROUP_KEYS,
    outcome_keys,
    table3_keys,
)
from .tables.data import ReportData

#: §1.4 note on （六）其他处理: "对'其他处理'数量偏高的行政机关，要了解情况". Above this share of the
#: total processed we ask for a look.
OTHER_PROCESSING_SHARE = 0.10

ERROR = "error"
WARNING = "warning"


@dataclass
class Finding:
    rule: str
    cells: list[str]
    detail: str
    severity: str = ERROR
    numbers: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        data = asdict(self)
        data.pop("severity")
        return data


@dataclass
class ValidationResult:
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def valid(self) -> bool:
        return not self.errors

    def rules(self) -> set[str]:
        return {f.rule for f in self.findings}

    def add(self, rule, cells, detail, severity=ERROR, **numbers):
        self.findings.append(Finding(rule, list(cells), detail, severity, numbers))

    def extend(self, findings):
        self.findings.extend(findings)


def n(value) -> int | float:
    """A blank counts as 0 in arithmetic (§1.6 item 9)."""
    return 0 if value is None else value


def cell(row: str, column: str) -> str:
    return f"table3.{row}.{column}"


def validate(data: ReportData, previous: ReportData | None = None) -> ValidationResult:
    result = ValidationResult()
    check_format(data, result)
    check_table3_columns(data, result)
    check_table3_outcomes(data, result)
    check_table3_applicant_columns(data, result)
    check_table4_groups(data, result)
    check_blank_cells(data, result)
    check_other_processing_share(data, result)
    check_narrative(data, result)
    if previous is not None:
        check_carry_over_continuity(data, previous, result)
        check_in_force_continuity(data, previous, result)
    return result


def _present_rows(data: ReportData) -> list[str]:
    """The rows the format expects plus any other row the report carries (e.g. a 2019 row in 2021)."""
    keys = table3_keys(data.format)
    if data.format == "2021" and "other_processing" in data.table3:
        # Non-conformant (see check_format); its three sub-rows are missing for that reason, not blank.
        keys = [k for k in keys if k not in OTHER_2021_KEYS or k in data.table3]
    extra = [k for k in data.table3 if k not in keys]
    return keys + extra


def _outcome_rows(data: ReportData) -> list[str]:
    """The leaf outcome rows of this report. A 2021 report that kept the single 2019 row uses it."""
    rows = outcome_keys(data.format)
    if data.format == "2019":
        # A 2019 report that used the 2021 sub-rows (flagged on import) still sums them.
        rows += [r for r in OTHER_2021_KEYS if r in data.table3]
    if data.format == "2021" and "other_processing" in data.table3:
        rows = [r for r in rows if r not in OTHER_2021_KEYS] + ["other_processing"]
        rows += [r for r in OTHER_2021_KEYS if r in data.table3]
    return rows


def check_format(data: ReportData, result: ValidationResult) -> None:
    """§1.6 item 10: a 2021+ report that still has the single （六）其他处理 row is non-conformant."""
    if data.year and data.year >= 2021 and data.format == "2019":
        result.add(
            "format.year_mismatch",
            [],
            _("Report year %(year)s must use the 2021 format, but the 2019 trial format was used.")
            % {"year": data.year},
            WARNING,
            year=data.year,
        )
    if data.year and data.year >= 2021 and "other_processing" in data.table3:
        result.add(
            "format.other_processing_row",
            [cell("other_processing", c) for c in COLUMN_KEYS],
            _(
                "The report for %(year)s uses the single 2019 row （六）其他处理; the 2021 format splits it into "
                "逾期不补正 / 逾期未缴费 / 其他. Its figures are counted as （六）3.其他."
            )
            % {"year": data.year},
            WARNING,
            total=data.table3["other_processing"][-1],
        )
    if data.year and data.year <= 2020 and data.format == "2021":
        result.add(
            "format.year_mismatch",
            [],
            _("Report year %(year)s predates the 2021 format; the 2019 trial format applies.")
            % {"year": data.year},
            WARNING,
            year=data.year,
        )


def check_table3_columns(data: ReportData, result: ValidationResult) -> None:
    """§1.6 item 1, the official identity printed in the header: "第一项加第二项之和，等于第三项加第四项之和".

    For every column c: new_received[c] + carried_over[c] = total_processed[c] + carried_forward[c].
    """
    for index, column in enumerate(COLUMN_KEYS):
        values = {r: n((data.table3.get(r) or [None] * 7)[index]) for r in _BALANCE_ROWS}
        left = values["new_received"] + values["carried_over"]
        right = values["total_processed"] + values["carried_forward"]
        if left != right:
            result.add(
                "table3.column_balance",
                [cell(r, column) for r in _BALANCE_ROWS],
                _(
                    "Column %(column)s: new (%(new)s) + carried over (%(over)s) = %(left)s, but total processed "
                    "(%(processed)s) + carried forward (%(forward)s) = %(right)s."
                )
                % {
                    "column": column,
                    "new": values["new_received"],
                    "over": values["carried_over"],
                    "left": left,
                    "processed": values["total_processed"],
                    "forward": values["carried_forward"],
                    "right": right,
                },
                column=column,
                left=left,
                right=right,
            )


_BALANCE_ROWS = ("new_received", "carried_over", "total_processed", "carried_forward")


def check_table3_outcomes(data: ReportData, result: ValidationResult) -> None:
    """§1.6 item 2: for every column, （七）总计 = the sum of the leaf outcome rows."""
    rows = _outcome_rows(data)
    for index, column in enumerate(COLUMN_KEYS):
        total = n((data.table3.get("total_processed") or [None] * 7)[index])
        summed = sum(n((data.table3.get(r) or [None] * 7)[index]) for r in rows)
        if total != summed:
            result.add(
                "table3.outcomes_sum",
                [cell(r, column) for r in rows] + [cell("total_processed", column)],
                _("Column %(column)s: the outcome rows add up to %(sum)s, but （七）总计 is %(total)s.")
                % {"column": column, "sum": summed, "total": total},
                column=column,
                outcomes_sum=summed,
                total=total,
            )


def check_table3_applicant_columns(data: ReportData, result: ValidationResult) -> None:
    """§1.6 item 3: for every row, the six applicant columns add up to 总计."""
    for row in _present_rows(data):
        values = data.table3.get(row)
        if not values:
            continue
        summed = sum(n(v) for v in values[: len(APPLICANT_KEYS)])
        total = n(values[-1])
        if summed != total:
            result.add(
                "table3.applicant_columns_sum",
                [cell(row, c) for c in COLUMN_KEYS],
                _("Row %(row)s: the applicant columns add up to %(sum)s, but 总计 is %(total)s.")
                % {"row": row, "sum": summed, "total": total},
                row=row,
                columns_sum=summed,
                total=total,
            )


def check_table4_groups(data: ReportData, result: ValidationResult) -> None:
    """§1.6 item 5: per group of Table IV, 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计."""
    for group in TABLE4_GROUP_KEYS:
        values = data.table4.get(group)
        if values is None:
            continue
        parts = TABLE4_COLUMN_KEYS[:-1]
        summed = sum(n(values.get(c)) for c in parts)
        total = n(values.get("total"))
        if summed != total:
            result.add(
                "table4.group_sum",
                [f"table4.{group}.{c}" for c in TABLE4_COLUMN_KEYS],
                _(
                    "Table IV, %(group)s: upheld + corrected + other + pending = %(sum)s, but the total is "
                    "%(total)s."
                )
                % {"group": group, "sum": summed, "total": total},
                group=group,
                parts_sum=summed,
                total=total,
            )


def check_blank_cells(data: ReportData, result: ValidationResult) -> None:
    """§1.6 item 9: a blank counts as 0 but is a style issue; the template expects 0 to be written."""
    blanks = []
    for row in _present_rows(data):
        values = data.table3.get(row)
        if values is None:
            blanks.extend(cell(row, c) for c in COLUMN_KEYS)
            continue
        blanks.extend(cell(row, c) for c, v in zip(COLUMN_KEYS, values, strict=False) if v is None)
    for group in TABLE4_GROUP_KEYS:
        values = data.table4.get(group) or {}
        blanks.extend(f"table4.{group}.{c}" for c in TABLE4_COLUMN_KEYS if values.get(c) is None)
    if blanks:
        result.add(
            "blank_cells",
            blanks,
            _("%(count)s cells are blank; write 0 where there is nothing to report.")
            % {"count": len(blanks)},
            WARNING,
            count=len(blanks),
        )


def check_other_processing_share(data: ReportData, result: ValidationResult) -> None:
    """§1.4: "对'其他处理'数量偏高的行政机关，要了解情况" — a high share of other handling is a warning."""
    total = n(data.total("total_processed"))
    rows = [r for r in ("other_processing", *OTHER_2021_KEYS) if r in data.table3]
    if data.format == "2021":
        # The two named grounds of the 2021 format are lawful endings, not residual handling.
        rows = [r for r in rows if r in ("other_processing", "other_other")]
    other = sum(n(data.total(r)) for r in rows)
    if total and other / total > OTHER_PROCESSING_SHARE:
        result.add(
            "other_processing_share",
            [cell(r, "total") for r in rows],
            _(
                "%(other)s of %(total)s processed applications (%(share).0f%%) were closed as other handling; "
                "the format asks that a high count be looked into."
            )
            % {"other": other, "total": total, "share": 100 * other / total},
            WARNING,
            other=other,
            total=total,
        )


# Figures quoted in section 一 (§1.6 item 8). Each pattern captures N; the allowed table values follow.
_NUM = r"([0-9][0-9,，]*)\s*(?:件|个|份|条)"
NARRATIVE_PATTERNS = [
    (
        "narrative.applications_received",
        re.compile(
            r"(?:共|累计|全年|总计)?(?:收到|接收|新收|受理)[^，。；0-9]{0,16}?申请(?:共|总计|合计)?\s*" + _NUM
        ),
        lambda d: {n(d.total("new_received")), n(d.total("new_received")) + n(d.total("carried_over"))},
        _("applications received"),
    ),
    (
        "narrative.applications_handled",
        re.compile(
            r"(?:共|累计|全年)?(?:办理|答复|办结|处理)[^，。；0-9]{0,16}?申请(?:共|总计|合计)?\s*" + _NUM
        ),
        lambda d: {n(d.total("total_processed")), n(d.total("new_received")) + n(d.total("carried_over"))},
        _("applications handled"),
    ),
    (
        "narrative.carried_over",
        re.compile(r"上年(?:度)?结转(?:申请)?\s*" + _NUM),
        lambda d: {n(d.total("carried_over"))},
        _("applications carried over"),
    ),
    (
        "narrative.carried_forward",
        re.compile(r"结转(?:至)?下(?:一)?年(?:度)?(?:继续办理)?(?:申请)?\s*" + _NUM),
        lambda d: {n(d.total("carried_forward"))},
        _("applications carried forward"),
    ),
]
NARRATIVE_CELLS = {
    "narrative.applications_received": ["table3.new_received.total", "table3.carried_over.total"],
    "narrative.applications_handled": ["table3.total_processed.total"],
    "narrative.carried_over": ["table3.carried_over.total"],
    "narrative.carried_forward": ["table3.carried_forward.total"],
}


def quoted_figures(text: str) -> list[tuple[str, int, str]]:
    """(rule, N, quoted phrase) for every figure the narrative quotes."""
    found = []
    for rule, pattern, _allowed, _label in NARRATIVE_PATTERNS:
        for match in pattern.finditer(text):
            number = int(re.sub(r"[,，]", "", match.group(1)))
            found.append((rule, number, match.group(0)))
    return found


def check_narrative(data: ReportData, result: ValidationResult) -> None:
    """§1.6 item 8: totals quoted in 一、总体情况 must match Table III; 2021: at most 1,000 characters."""
    text = data.narrative.get("overview") or ""
    if not text:
        return
    if data.format == "2021" and len(text) > OVERVIEW_MAX_CHARS_2021:
        result.add(
            "narrative.overview_length",
            ["narrative.overview"],
            _("Section 一 has %(count)s characters; the 2021 format asks for no more than 1,000.")
            % {"count": len(text)},
            WARNING,
            characters=len(text),
        )
    if not data.table3:
        return
    allowed_by_rule = {rule: allowed for rule, _p, allowed, _l in NARRATIVE_PATTERNS}
    labels = {rule: label for rule, _p, _a, label in NARRATIVE_PATTERNS}
    for rule, number, phrase in quoted_figures(text):
        allowed = allowed_by_rule[rule](data)
        if number not in allowed:
            result.add(
                rule,
                ["narrative.overview", *NARRATIVE_CELLS[rule]],
                _("Section 一 says “%(phrase)s” (%(number)s %(label)s), but Table III shows %(table)s.")
                % {
                    "phrase": phrase,
                    "number": number,
                    "label": labels[rule],
                    "table": " / ".join(str(v) for v in sorted(allowed)),
                },
                quoted=number,
                table=sorted(allowed),
            )


def check_carry_over_continuity(data: ReportData, previous: ReportData, result: ValidationResult) -> None:
    """§1.6 item 6 (a warning): carried_over(Y) = carried_forward(Y−1), column by column."""
    for column in COLUMN_KEYS:
        now, before = data.cell("carried_over", column), previous.cell("carried_forward", column)
        if n(now) != n(before):
            result.add(
                "continuity.carried_over",
                [cell("carried_over", column), f"previous.{cell('carried_forward', column)}"],
                _(
                    "Column %(column)s: %(year)s carried over %(now)s, but the %(prev)s report carried forward "
                    "%(before)s."
                )
                % {
                    "column": column,
                    "year": data.year,
                    "now": n(now),
                    "prev": previous.year,
                    "before": n(before),
                },
                WARNING,
                column=column,
                carried_over=n(now),
                previous_carried_forward=n(before),
            )


def check_in_force_continuity(data: ReportData, previous: ReportData, result: ValidationResult) -> None:
    """§1.3 (a warning): in_force(Y) = in_force(Y−1) + issued(Y) − repealed(Y) in the 2021 format."""
    if data.format != "2021" or previous.format != "2021":
        return
    for row in ("rules", "normative_documents"):
        now = data.table2.get(row) or {}
        before = previous.table2.get(row) or {}
        if now.get("in_force") is None or before.get("in_force") is None:
            continue
        expected = n(before["in_force"]) + n(now.get("issued")) - n(now.get("repealed"))
        if n(now["in_force"]) != expected:
            result.add(
                "table2.in_force_continuity",
                [f"table2.{row}.in_force", f"table2.{row}.issued", f"table2.{row}.repealed"],
                _(
                    "%(row)s: in force %(now)s, but last year's %(before)s + issued %(issued)s − repealed "
                    "%(repealed)s = %(expected)s (a clean-up may explain it)."
                )
                % {
                    "row": row,
                    "now": n(now["in_force"]),
                    "before": n(before["in_force"]),
                    "issued": n(now.get("issued")),
                    "repealed": n(now.get("repealed")),
                    "expected": expected,
                },
                WARNING,
                in_force=n(now["in_force"]),
                expected=expected,
            )
