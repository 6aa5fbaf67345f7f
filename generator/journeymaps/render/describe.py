"""The words behind ``<title>`` and ``<desc>``: what a screen-reader user needs from each picture."""

from __future__ import annotations

from ..core.assemble import join
from ..model.journey import JourneyMap
from ..model.resolve import effective_scale, stage_name
from ..model.vocabulary import Vocabulary
from .emotion import point_text, series_of, value_text


def stage_names(m: JourneyMap, vocab: Vocabulary) -> list[str]:
    return [stage_name(m, s, vocab) for s in m.stages]


def emotion_sentences(m: JourneyMap, vocab: Vocabulary, w: dict[str, str]) -> list[str]:
    """Per persona: the highest and lowest stage (first one on a tie), or that it stays flat."""
    scale = effective_scale(m, vocab)
    names = stage_names(m, vocab)
    lo, hi = value_text(scale, scale.min), value_text(scale, scale.max)
    out = []
    for s in series_of(m):
        scored = s.scored()
        high = max(scored, key=lambda iv: (iv[1], -iv[0]))
        low = min(scored, key=lambda iv: (iv[1], iv[0]))
        if high[1] == low[1]:
            out.append(w["desc.flat"].format(persona=s.persona.name, lo=lo, hi=hi, v=point_text(scale, high[1])))
        else:
            out.append(w["desc.emotion"].format(
                persona=s.persona.name, lo=lo, hi=hi, high=names[high[0]], high_v=point_text(scale, high[1]),
                low=names[low[0]], low_v=point_text(scale, low[1])))
    return out or [w["desc.no_emotion"]]


def diagram_desc(m: JourneyMap, vocab: Vocabulary, w: dict[str, str]) -> str:
    names = stage_names(m, vocab)
    key = "desc.one_stage" if len(names) == 1 else "desc.stages"
    parts = [
        w["desc.head"].format(title=m.title, status=w["journey." + m.status]),
        w[key].format(n=len(names), names=join(names, w["list_sep"])),
        *emotion_sentences(m, vocab, w),
        w["desc.counts"].format(pains=sum(len(s.pain_points) for s in m.stages),
                                opps=sum(len(s.opportunities) for s in m.stages),
                                kpis=sum(len(s.kpis) for s in m.stages)),
    ]
    return join(parts, w["sentence_sep"])
