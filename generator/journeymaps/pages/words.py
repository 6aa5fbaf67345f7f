"""Fixed wording of the pages (headings, column names) in the languages maps are written in,
and stable number formatting, so a Chinese map reads Chinese from top to bottom."""

from __future__ import annotations

import math

_WORDS: dict[str, dict[str, str]] = {
    "summary": {"zh": "概述", "pl": "Podsumowanie"},
    "objectives": {"zh": "目标", "pl": "Cele"},
    "personas": {"zh": "用户画像", "pl": "Persony"},
    "diagram": {"zh": "阶段图", "pl": "Diagram etapów"},
    "stages": {"zh": "逐阶段详情", "pl": "Etapy krok po kroku"},
    "kpis": {"zh": "关键绩效指标", "pl": "Wskaźniki KPI"},
    "downloads": {"zh": "下载", "pl": "Pobieranie"},
    "translations": {"zh": "其他语言版本", "pl": "Tłumaczenia"},
    "guides": {"zh": "引用此地图的方法指南", "pl": "Przewodniki, które cytują tę mapę"},
    "notes": {"zh": "备注", "pl": "Notatki"},
    "playbook": {"zh": "行动手册", "pl": "Plan działania"},
    "goal": {"zh": "目标", "pl": "Cel"},
    "actions": {"zh": "行动", "pl": "Działania"},
    "thoughts": {"zh": "想法", "pl": "Myśli"},
    "emotion": {"zh": "情绪", "pl": "Emocje"},
    "touchpoints": {"zh": "接触点", "pl": "Punkty styku"},
    "pain_points": {"zh": "痛点", "pl": "Problemy"},
    "opportunities": {"zh": "机会", "pl": "Szanse"},
    "tactics": {"zh": "策略", "pl": "Taktyki"},
    "moments_of_truth": {"zh": "关键时刻", "pl": "Momenty prawdy"},
    "goals": {"zh": "目标", "pl": "Cele"},
    "needs": {"zh": "需求", "pl": "Potrzeby"},
    "frustrations": {"zh": "挫折", "pl": "Frustracje"},
    "kpi": {"zh": "指标", "pl": "Wskaźnik"},
    "stage": {"zh": "阶段", "pl": "Etap"},
    "baseline": {"zh": "基线", "pl": "Punkt wyjścia"},
    "target": {"zh": "目标值", "pl": "Cel"},
    "current": {"zh": "当前值", "pl": "Obecnie"},
    "gap": {"zh": "差距", "pl": "Luka"},
    "unit": {"zh": "单位", "pl": "Jednostka"},
    "owner": {"zh": "负责人", "pl": "Właściciel"},
    "last_reviewed": {"zh": "最近审阅", "pl": "Ostatni przegląd"},
    "status": {"zh": "状态", "pl": "Status"},
    "industry": {"zh": "行业", "pl": "Branża"},
    "open_playbook": {"zh": "打开行动手册", "pl": "Otwórz plan działania"},
    "back_to_map": {"zh": "返回旅程地图", "pl": "Wróć do mapy"},
    "ranked": {"zh": "按影响与投入排序的机会", "pl": "Szanse według wpływu i nakładu"},
    "matrix": {"zh": "优先级矩阵", "pl": "Macierz priorytetów"},
    "pilot": {"zh": "首先试点", "pl": "Pilotaż na początek"},
    "monitor": {"zh": "需监测的指标", "pl": "Wskaźniki do monitorowania"},
    "who_owns": {"zh": "职责分工", "pl": "Kto za co odpowiada"},
    "opportunity": {"zh": "机会", "pl": "Szansa"},
    "impact": {"zh": "影响", "pl": "Wpływ"},
    "effort": {"zh": "投入", "pl": "Nakład"},
    "priority": {"zh": "优先级", "pl": "Priorytet"},
    "addresses": {"zh": "解决的痛点", "pl": "Rozwiązuje"},
    "severity": {"zh": "严重程度", "pl": "Waga"},
    "evidence": {"zh": "证据", "pl": "Dowody"},
    "measures": {"zh": "衡量", "pl": "Mierzy"},
    "no_pilot": {"zh": "没有待试点的机会。", "pl": "Brak szans do pilotażu."},
    "none": {"zh": "无", "pl": "brak"},
}
_EN = {
    "summary": "Summary", "objectives": "Objectives", "personas": "Personas", "diagram": "Stage diagram",
    "stages": "Stage by stage", "kpis": "KPIs", "downloads": "Downloads", "translations": "Translations",
    "guides": "Method guides that cite this map", "notes": "Notes", "playbook": "Playbook", "goal": "Goal",
    "actions": "Actions", "thoughts": "Thoughts", "emotion": "Emotion", "touchpoints": "Touchpoints",
    "pain_points": "Pain points", "opportunities": "Opportunities", "tactics": "Tactics",
    "moments_of_truth": "Moments of truth", "goals": "Goals", "needs": "Needs", "frustrations": "Frustrations",
    "kpi": "KPI", "stage": "Stage", "baseline": "Baseline", "target": "Target", "current": "Current",
    "gap": "Gap to target", "unit": "Unit", "owner": "Owner", "last_reviewed": "Last reviewed",
    "status": "Status", "industry": "Industry", "open_playbook": "Open the playbook",
    "back_to_map": "Back to the journey map", "ranked": "Opportunities ranked by impact and effort",
    "matrix": "Priority matrix", "pilot": "The pilot to run first", "monitor": "KPIs to monitor",
    "who_owns": "Who owns what", "opportunity": "Opportunity", "impact": "Impact", "effort": "Effort",
    "priority": "Priority", "addresses": "Addresses", "severity": "Severity", "evidence": "Evidence",
    "measures": "Measures", "no_pilot": "No open opportunity to pilot.", "none": "none",
}
LANG_NAMES = {"en": "English", "zh": "中文", "pl": "Polski"}


def word(key: str, lang: str) -> str:
    base = lang.split("-")[0]
    return _WORDS.get(key, {}).get(base) or _EN[key]


def num(x: float | int | None) -> str:
    """Fixed formatting: no exponent, at most 4 decimals, no trailing zeros, no `-0`."""
    if x is None:
        return "–"
    if isinstance(x, float) and not math.isfinite(x):
        return "–"
    s = f"{float(x):.4f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def signed(x: float) -> str:
    s = num(x)
    return s if s.startswith("-") or s == "0" else "+" + s
