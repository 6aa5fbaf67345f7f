"""The few words the pictures print themselves, in the map's language (en, zh, pl; else English)."""

from __future__ import annotations

from typing import Final

_WORDS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "lane.actions": "Actions", "lane.touchpoints": "Touchpoints", "lane.thoughts": "Thoughts",
        "lane.emotion": "Emotion", "lane.pain_points": "Pain points", "lane.opportunities": "Opportunities",
        "lane.kpis": "KPIs", "stage": "Stage", "frontstage": "Frontstage", "backstage": "Backstage",
        "line_of_visibility": "line of visibility",
        "status.idea": "idea", "status.planned": "planned", "status.piloting": "piloting", "status.shipped": "shipped",
        "status.dropped": "dropped",
        "impact": "Impact", "effort": "Effort", "low": "low", "high": "high",
        "q.quick_wins": "Quick wins", "q.big_bets": "Big bets", "q.fill_ins": "Fill-ins", "q.money_pits": "Money pits",
        "matrix.none": "No opportunities yet", "q.between": "on a quadrant boundary",
        "desc.between": "On a quadrant boundary: {items}.",
        "goal": "Goal: {goal}", "quote": "\u201c{text}\u201d", "sentence_sep": " ",
        "sev.low": "Low severity", "sev.medium": "Medium severity", "sev.high": "High severity",
        "sev.critical": "Critical severity",
        "opp.meta": "Impact {impact} \u00b7 Effort {effort} \u00b7 {status}",
        "kpi.values": "baseline {baseline} \u00b7 target {target}", "kpi.values_no_target": "baseline {baseline}",
        "kpi.now": " \u00b7 now {current}",
        "desc.head": "{title} ({status}).",
        "journey.as-is": "as-is journey", "journey.to-be": "to-be journey",
        "desc.stages": "{n} stages: {names}.", "desc.one_stage": "1 stage: {names}.",
        "desc.emotion": "Emotion of {persona} on a scale of {lo} to {hi}: highest at {high} ({high_v}), "
                        "lowest at {low} ({low_v}).",
        "desc.flat": "Emotion of {persona} on a scale of {lo} to {hi}: {v} at every stage.",
        "desc.no_emotion": "No emotion scores.",
        "desc.counts": "{pains} pain points, {opps} opportunities, {kpis} KPIs.",
        "desc.matrix": "Priority matrix of {n} opportunities by impact and effort.",
        "desc.quadrant": "{quadrant}: {items}.",
        "desc.spark": "Emotion across {n} stages, {first} to {last}.",
        "title.matrix": "Opportunity priorities: {title}", "title.spark": "Emotion curve: {title}",
        "list_sep": ", ", "and": " and ",
    },
    "zh": {
        "lane.actions": "行为", "lane.touchpoints": "触点", "lane.thoughts": "想法", "lane.emotion": "情绪",
        "lane.pain_points": "痛点", "lane.opportunities": "机会", "lane.kpis": "关键指标", "stage": "阶段",
        "frontstage": "前台", "backstage": "后台", "line_of_visibility": "可见线",
        "status.idea": "构想", "status.planned": "已计划", "status.piloting": "试点中", "status.shipped": "已上线",
        "status.dropped": "已放弃",
        "impact": "影响", "effort": "投入", "low": "低", "high": "高",
        "q.quick_wins": "速赢", "q.big_bets": "重大投入", "q.fill_ins": "顺手改进", "q.money_pits": "无底洞",
        "matrix.none": "暂无机会", "q.between": "位于象限边界", "desc.between": "位于象限边界：{items}。",
        "goal": "目标：{goal}", "quote": "\u201c{text}\u201d", "sentence_sep": "",
        "sev.low": "严重度：低", "sev.medium": "严重度：中", "sev.high": "严重度：高", "sev.critical": "严重度：严重",
        "opp.meta": "影响 {impact} \u00b7 投入 {effort} \u00b7 {status}",
        "kpi.values": "基线 {baseline} \u00b7 目标 {target}", "kpi.values_no_target": "基线 {baseline}",
        "kpi.now": " \u00b7 当前 {current}",
        "desc.head": "{title}（{status}）。",
        "journey.as-is": "现状旅程", "journey.to-be": "目标旅程",
        "desc.stages": "{n} 个阶段：{names}。", "desc.one_stage": "1 个阶段：{names}。",
        "desc.emotion": "{persona}的情绪（{lo} 至 {hi}）：最高在{high}（{high_v}），最低在{low}（{low_v}）。",
        "desc.flat": "{persona}的情绪（{lo} 至 {hi}）：每个阶段均为 {v}。",
        "desc.no_emotion": "没有情绪评分。",
        "desc.counts": "{pains} 个痛点，{opps} 个机会，{kpis} 个关键指标。",
        "desc.matrix": "按影响与投入排列的 {n} 个机会的优先级矩阵。",
        "desc.quadrant": "{quadrant}：{items}。",
        "desc.spark": "{n} 个阶段的情绪，从{first}到{last}。",
        "title.matrix": "机会优先级：{title}", "title.spark": "情绪曲线：{title}",
        "list_sep": "、", "and": "和",
    },
    "pl": {
        "lane.actions": "Działania", "lane.touchpoints": "Punkty styku", "lane.thoughts": "Myśli",
        "lane.emotion": "Emocje", "lane.pain_points": "Problemy", "lane.opportunities": "Szanse",
        "lane.kpis": "Wskaźniki KPI", "stage": "Etap", "frontstage": "Front", "backstage": "Zaplecze",
        "line_of_visibility": "linia widoczności",
        "status.idea": "pomysł", "status.planned": "zaplanowane", "status.piloting": "pilotaż",
        "status.shipped": "wdrożone", "status.dropped": "porzucone",
        "impact": "Wpływ", "effort": "Nakład", "low": "niski", "high": "wysoki",
        "q.quick_wins": "Szybkie wygrane", "q.big_bets": "Duże zakłady", "q.fill_ins": "Drobne usprawnienia",
        "q.money_pits": "Studnie bez dna",
        "matrix.none": "Brak szans", "q.between": "na granicy ćwiartek", "desc.between": "Na granicy ćwiartek: {items}.",
        "goal": "Cel: {goal}", "quote": "\u201e{text}\u201d", "sentence_sep": " ",
        "sev.low": "Waga: niska", "sev.medium": "Waga: średnia", "sev.high": "Waga: wysoka",
        "sev.critical": "Waga: krytyczna",
        "opp.meta": "Wpływ {impact} \u00b7 Nakład {effort} \u00b7 {status}",
        "kpi.values": "punkt wyjścia {baseline} \u00b7 cel {target}", "kpi.values_no_target": "punkt wyjścia {baseline}",
        "kpi.now": " \u00b7 teraz {current}",
        "desc.head": "{title} ({status}).",
        "journey.as-is": "ścieżka obecna", "journey.to-be": "ścieżka docelowa",
        "desc.stages": "Etapy ({n}): {names}.", "desc.one_stage": "Jeden etap: {names}.",
        "desc.emotion": "Emocje: {persona}, skala od {lo} do {hi}: najwyżej na etapie {high} ({high_v}), "
                        "najniżej na etapie {low} ({low_v}).",
        "desc.flat": "Emocje: {persona}, skala od {lo} do {hi}: {v} na każdym etapie.",
        "desc.no_emotion": "Brak ocen emocji.",
        "desc.counts": "Problemy: {pains}, szanse: {opps}, wskaźniki KPI: {kpis}.",
        "desc.matrix": "Macierz priorytetów {n} szans według wpływu i nakładu.",
        "desc.quadrant": "{quadrant}: {items}.",
        "desc.spark": "Emocje na {n} etapach, od etapu {first} do etapu {last}.",
        "title.matrix": "Priorytety szans: {title}", "title.spark": "Krzywa emocji: {title}",
        "list_sep": ", ", "and": " i ",
    },
}


def words_for(lang: str) -> dict[str, str]:
    """The word table of ``lang`` (``zh-Hant`` uses ``zh``), falling back to English per key."""
    base = lang.split("-")[0]
    table = _WORDS.get(lang) or _WORDS.get(base) or {}
    return {**_WORDS["en"], **table}


def is_cjk_lang(lang: str) -> bool:
    return lang.split("-")[0] in ("zh", "ja", "ko")
