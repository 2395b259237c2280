"""A small series with known lineages, written for these tests (illustrative, our own words).

Five declarations, 2001-2005. Clause letters name the lineages: A unchanged throughout; B
reworded in 2002; C dropped in 2002 and revived in 2004 (a gap of two summits); D split into D1
and D2 in 2003; E and F merged into one paragraph in 2004; G moved to the end in 2003; H new in
2002 and dropped in 2005.
"""

from __future__ import annotations

from compare.model import Declaration, Meeting, Meta, Paragraph, Sentence

A = "The member states welcome the opening of a joint centre for mountain weather forecasting."
B1 = "The parties support regular meetings of the ministers of culture and of education."
B2 = "The parties support regular meetings of the ministers of culture, of education and of sport."
C = "The heads of state call for a treaty on the protection of shared rivers and glaciers."
D = ("The member states will expand cooperation in railway transport across the region. "
     "They will build a common timetable for freight trains by the end of the decade.")
D1 = "The member states will expand cooperation in railway transport across the region."
D2 = "They will build a common timetable for freight trains by the end of the decade."
E = "The ministers of agriculture will exchange data on locust swarms every spring."
F = "The ministers will also set up a shared laboratory for crop diseases in the valley."
EF = ("The ministers of agriculture will exchange data on locust swarms every spring "
      "and will also set up a shared laboratory for crop diseases in the valley.")
G = "The organization remains open to dialogue with observers on questions of desert tourism."
H = "The heads of state note the proposal to hold a festival of folk music in the capital."

SERIES: dict[int, list[tuple[str, str]]] = {
    2001: [("a", A), ("b", B1), ("c", C), ("d", D), ("e", E), ("f", F), ("g", G)],
    2002: [("a", A), ("b", B2), ("h", H), ("d", D), ("e", E), ("f", F), ("g", G)],
    2003: [("a", A), ("b", B2), ("h", H), ("d1", D1), ("d2", D2), ("e", E), ("f", F), ("g", G)],
    2004: [("a", A), ("b", B2), ("c", C), ("h", H), ("d1", D1), ("d2", D2), ("ef", EF), ("g", G)],
    2005: [("g", G), ("a", A), ("b", B2), ("c", C), ("d1", D1), ("d2", D2), ("ef", EF)],
}


def declaration(year: int, clauses: list[tuple[str, str]], status: str = "illustrative"
                ) -> Declaration:
    paras = []
    for name, text in clauses:
        parts = text.split(". ")
        sents = [p if p.endswith(".") else p + "." for p in parts]
        paras.append(Paragraph(f"p_{name}", None, tuple(
            Sentence(f"p_{name}__s_{k}", s) for k, s in enumerate(sents, 1))))
    meta = Meta(id=f"{year}-test", title=f"Test declaration {year}", kind="declaration",
                meeting=Meeting("Council", "Testville", f"{year}-06-01"), status=status)
    return Declaration(meta, tuple(paras))


def series() -> list[Declaration]:
    return [declaration(y, c) for y, c in sorted(SERIES.items())]
