"""Draft the text of sections 一 and 六 from the year's figures, for staff to edit (§1.2).

Section 一 "covers 主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障"; in the 2021 format it is "篇幅原则上
不超过一千字". The draft states what the system knows and leaves marked gaps for what it does not.
"""

import importlib

from .fees import fee_summary
from .formats import OVERVIEW_MAX_CHARS_2021
from .tables.data import ReportData

GAP = "【请补充】"


def _portal_figures(unit_ids, year) -> dict:
    """Figures the portal may provide (items published, interpretations, events, trainings)."""
    try:
        stats = importlib.import_module("gongkai.disclosure.stats")
    except ModuleNotFoundError:
        return {}
    figures = {}
    for name in ("items_published", "interpretations_published", "events_held", "trainings_held"):
        function = getattr(stats, name, None)
        if callable(function):
            figures[name] = function(list(unit_ids), year)
    return figures


def draft_overview(unit_name: str, unit_ids, data: ReportData) -> str:
    year = data.year
    t3 = data.table3
    new = (t3.get("new_received") or [0] * 7)[-1] or 0
    over = (t3.get("carried_over") or [0] * 7)[-1] or 0
    done = (t3.get("total_processed") or [0] * 7)[-1] or 0
    forward = (t3.get("carried_forward") or [0] * 7)[-1] or 0
    granted = ((t3.get("granted") or [0] * 7)[-1] or 0) + ((t3.get("partial") or [0] * 7)[-1] or 0)
    appeals = sum((data.table4.get(g) or {}).get("total") or 0 for g in data.table4)
    portal = _portal_figures(unit_ids, year)

    def figure(name, unit):
        value = portal.get(name)
        return f"{value}{unit}" if value is not None else f"{GAP}{unit}"

    parts = [
        f"{year}年，{unit_name}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。",
        f"（一）主动公开。全年主动公开政府信息{figure('items_published', '条')}，发布政策解读{figure('interpretations_published', '篇')}。",
        f"（二）依申请公开。{year}年共收到政府信息公开申请{new}件，上年结转{over}件，"
        f"办结{done}件，其中予以公开和部分公开{granted}件，结转下年度继续办理{forward}件。",
        f"因政府信息公开工作被申请行政复议、提起行政诉讼共{appeals}件。",
        f"（三）政府信息管理。{GAP}",
        f"（四）平台建设。{GAP}",
        f"（五）监督保障。组织政府信息公开培训{figure('trainings_held', '次')}，举办政府开放日等活动{figure('events_held', '场')}。{GAP}",
    ]
    text = "\n".join(parts)
    if data.format == "2021" and len(text) > OVERVIEW_MAX_CHARS_2021:
        text = text[:OVERVIEW_MAX_CHARS_2021]
    return text


def draft_other_matters(unit_ids, year: int) -> str:
    return fee_summary(unit_ids, year).sentence(year)
