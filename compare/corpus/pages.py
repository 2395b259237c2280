"""Corpus pages: the timeline, track and site-index HTML, through the report's one environment.

Every page is one self-contained file under the report's promises: the report stage's Jinja2
`environment()` (autoescape for every name, strict undefined, invisible characters shown as
badges), `_corpus.css` inlined, and a Content-Security-Policy whose `style-src` is that CSS's
sha256 (`default-src 'none'`: no script, no request, no font, no frame). Charts are inline SVG
whose coordinates are computed here from numbers only.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from ..model import Declaration
from ..report.renderers import content_security_policy, environment
from .timeline import CODES

CSS_TEMPLATE = "_corpus.css"
CHART_STEP = 64
"""Horizontal pixels between two declarations in a track chart."""
CHART_HEIGHT = 180
SPARK_STEP = 16
"""Horizontal pixels between two declarations in a lineage's force line."""
SPARK_HEIGHT = 44
MAX_FORCE = 6


def _page(template: str, **context: Any) -> str:
    env = environment()
    css = env.get_template(CSS_TEMPLATE).render()
    text = env.get_template(template).render(csp=content_security_policy(css), **context)
    return text.replace("\r\n", "\n").rstrip("\n") + "\n"


def _illustrative(decls: Sequence[dict[str, Any]]) -> list[str]:
    return [d["id"] for d in decls if d.get("status") == "illustrative"]


def _spark(row: dict[str, Any], columns: list[str]) -> dict[str, Any] | None:
    at = {c["declaration"]: c["force"] for c in row["cells"] if c["force"] is not None}
    if not at:
        return None
    dots = [(5 + k * SPARK_STEP, SPARK_HEIGHT - 4 - round(at[d] * (SPARK_HEIGHT - 8) / MAX_FORCE))
            for k, d in enumerate(columns) if d in at]
    summary = ", ".join(f"{d} {at[d]}" for d in columns if d in at)
    return {"width": 10 + SPARK_STEP * max(1, len(columns) - 1), "height": SPARK_HEIGHT,
            "points": " ".join(f"{x},{y}" for x, y in dots), "dots": dots, "summary": summary}


def render_timeline_html(doc: dict[str, Any], links: bool = False, home: str = "") -> str:
    """The timeline page; with `links`, each cell links to `compare/LEFT--RIGHT.html`."""
    columns = [d["id"] for d in doc["declarations"]]
    before = {b: a for a, b in itertools.pairwise(columns)}
    rows = []
    for row in doc["lineages"]:
        at = {c["declaration"]: c for c in row["cells"]}
        cells = []
        for d in columns:
            c = at.get(d)
            if c is None:
                cells.append({"event": ""})
                continue
            text = c["event"] + (f" ({c['detail']})" if c["detail"] else "")
            href = f"compare/{before[d]}--{d}.html" if links and d in before else ""
            title = f"{CODES[c['event']]} {', '.join(c['units']) or 'no unit'}"
            cells.append({"event": c["event"], "text": text, "href": href, "title": title})
        rows.append({"id": row["id"], "anchor": "l-" + row["id"].replace("/", "-"),
                     "label": row["label"], "cells": cells, "chart": _spark(row, columns),
                     "changed": row["changed"], "commitment": row["commitment"]})
    return _page("timeline.html.j2", title="Timeline of clause lineages", doc=doc, rows=rows,
                 links=links, home=home, illustrative=_illustrative(doc["declarations"]))


def _chart(doc: dict[str, Any]) -> dict[str, Any]:
    decls = doc["declarations"]
    rates = [[p["per_1000_words"] for p in ph["by_declaration"]] for ph in doc["phrases"]]
    top = max([r for rs in rates for r in rs] + [1.0])
    width = 40 + CHART_STEP * max(1, len(decls))
    base = CHART_HEIGHT - 24

    def xy(k: int, r: float) -> tuple[int, int]:
        return 40 + k * CHART_STEP + CHART_STEP // 2, base - round(r * (base - 16) / top)

    series = []
    for n, (ph, rs) in enumerate(zip(doc["phrases"], rates, strict=True)):
        dots = [xy(k, r) for k, r in enumerate(rs)]
        series.append({"phrase": ph["phrase"], "style": n % 6, "dots": dots,
                       "points": " ".join(f"{x},{y}" for x, y in dots)})
    ticks = [(xy(k, 0)[0], (d["date"] or d["id"])[:4]) for k, d in enumerate(decls)]
    return {"width": width, "height": CHART_HEIGHT, "base": base, "top": f"{top:.2f}",
            "axis": f"36,8 36,{base} {width - 4},{base}", "series": series, "ticks": ticks}


def render_track_html(doc: dict[str, Any], home: str = "") -> str:
    """The track page of one or more phrases."""
    counts = [{p["declaration"]: (p["count"], f"{p['per_1000_words']:.2f}")
               for p in ph["by_declaration"]} for ph in doc["phrases"]]
    names = ", ".join(f"\u201c{p['phrase']}\u201d" for p in doc["phrases"])
    return _page("track.html.j2", title=f"Track {names}", doc=doc, counts=counts,
                 chart=_chart(doc), home=home, illustrative=_illustrative(doc["declarations"]))


def render_index_html(decls: Sequence[Declaration], consecutive: list[tuple[str, str]],
                      drafts: list[tuple[str, str]], tracks: list[tuple[str, str]]) -> str:
    """The site index: declarations, comparisons (`compare/L--R.html`), timeline, tracks."""
    rows = [{"id": d.id, "title": d.meta.title, "date": d.meta.meeting.date,
             "place": d.meta.meeting.place, "status": d.meta.status,
             "of": d.meta.version_of if d.meta.version_of != d.id else "",
             "units": len(d.units())} for d in decls]
    link = [{"left": a, "right": b, "href": f"compare/{a}--{b}.html"} for a, b in consecutive]
    dlink = [{"left": a, "right": b, "href": f"compare/{a}--{b}.html"} for a, b in drafts]
    return _page("site.html.j2", title="SCO declarations: corpus", declarations=rows,
                 consecutive=link, drafts=dlink,
                 tracks=[{"phrase": p, "href": h} for p, h in tracks],
                 illustrative=[r["id"] for r in rows if r["status"] == "illustrative"])
