"""Information processing fees, 国办函〔2020〕109号 (domain-rules.md §4)."""

import json
from io import StringIO

import pytest
from hypothesis import given
from hypothesis import strategies as st

from django.core.management import call_command

from gongkai.applications import fees


def test_worked_case_2219_pages():
    """Art. 5: "≤ 30 pages free; 31–100 at 10 元/页; 101–200 at 20 元/页; 201 and up at 40 元/页" — 2,219 pages → 83,460 元."""
    quote = fees.per_page(2219)
    assert quote.amount_yuan == 83460
    assert [(b.first, b.count, b.subtotal_yuan) for b in quote.breakdown] == [
        (1, 30, 0), (31, 70, 700), (101, 100, 2000), (201, 2019, 80760)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("pages", "yuan"), [(0, 0), (30, 0), (31, 10), (100, 700), (101, 720), (200, 2700), (201, 2740)]
)
def test_page_band_edges(pages, yuan):
    """Art. 5: bands include their upper bound ("含30页", "含100页", "含200页")."""
    assert fees.per_page(pages).amount_yuan == yuan


@pytest.mark.parametrize(
    ("count", "yuan"),
    [(10, 0), (11, 100), (30, 2000), (31, 2200), (35, 3000), (40, 4000), (41, 4300), (50, 7000)],
)
def test_per_application_monthly_totals(count, yuan):
    """Art. 4: "≤ 10 件 free; 11–30 at 100元/件; from 31, 以10件为一档，每增加一档，收费标准提高100元/件"."""
    assert fees.per_application(count).amount_yuan == yuan


def test_command_prints_json_quotes():
    """The `fees quote` command prints the quote as JSON."""
    out = StringIO()
    call_command("fees", "quote", "--per-page", "2219", stdout=out)
    data = json.loads(out.getvalue())
    assert data["method"] == "per_page" and data["amount_yuan"] == 83460 and len(data["breakdown"]) == 4
    out = StringIO()
    call_command("fees", "quote", "--per-application", "35", stdout=out)
    data = json.loads(out.getvalue())
    assert data == {**data, "method": "per_application", "amount_yuan": 3000}


@given(st.integers(min_value=0, max_value=20000))
def test_per_page_is_progressive_and_consistent(pages):
    """Art. 3: "均按照超额累进方式计算收费金额" — each page costs its band's rate, bands add up."""
    quote = fees.per_page(pages)
    assert sum(b.count for b in quote.breakdown) == pages
    rate = 0 if pages <= 30 else 10 if pages <= 100 else 20 if pages <= 200 else 40
    assert quote.amount_yuan - fees.per_page(max(pages - 1, 0)).amount_yuan == (rate if pages else 0)


@given(st.integers(min_value=1, max_value=500))
def test_per_application_marginal_rate(count):
    """Art. 4: the n-th application of the month costs 0 (n ≤ 10), 100 (11–30), then +100 per band of 10."""
    expected = 0 if count <= 10 else 100 if count <= 30 else 100 + 100 * ((count - 31) // 10 + 1)
    assert fees.per_application(count).amount_yuan - fees.per_application(count - 1).amount_yuan == expected
    assert fees.per_application_marginal(count - 1).amount_yuan == expected


@given(st.integers(min_value=0, max_value=300), st.integers(min_value=0, max_value=50))
def test_marginal_quotes_add_up(earlier, items):
    """Art. 4: the monthly count is cumulative (per applicant per calendar month)."""
    assert (
        fees.per_application(earlier).amount_yuan + fees.per_application_marginal(earlier, items).amount_yuan
        == fees.per_application(earlier + items).amount_yuan
    )


def test_negative_quantities_are_refused():
    with pytest.raises(ValueError):
        fees.per_page(-1)
