"""Clause lineages on a series with known lineages, and their properties."""

from __future__ import annotations

from pathlib import Path

from corpus_samples import series
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.bench.seriesgen import generate_series
from compare.corpus.lineage import Lineages, build
from compare.model import Declaration, Meeting, Meta, Paragraph, Sentence

SEED = Path(__file__).resolve().parents[2] / "declarations" / "2007-bishkek.xml"


def _events(result: Lineages) -> dict[str, list[tuple[str, str]]]:
    return {lin.id: [(c.declaration[:4], c.event) for c in lin.cells]
            for lin in result.lineages}


def test_known_lineages() -> None:
    ev = _events(build(series()))
    assert ev["2001-test/p_a"] == [("2001", "first-seen"), ("2002", "unchanged"),
                                   ("2003", "unchanged"), ("2004", "unchanged"),
                                   ("2005", "unchanged")]
    assert ev["2001-test/p_b"][1] == ("2002", "reworded")
    assert ev["2001-test/p_c"] == [("2001", "first-seen"), ("2002", "dropped"),
                                   ("2004", "revived"), ("2005", "unchanged")]
    assert ev["2001-test/p_d"][2] == ("2003", "split")
    assert ev["2001-test/p_e"][3] == ("2004", "merged")
    assert ev["2001-test/p_f"][3] == ("2004", "merged-into")
    assert ev["2001-test/p_g"][2:] == [("2003", "unchanged"), ("2004", "unchanged"),
                                       ("2005", "moved")]
    assert ev["2002-test/p_h"] == [("2002", "first-seen"), ("2003", "unchanged"),
                                   ("2004", "unchanged"), ("2005", "dropped")]
    assert len(ev) == 8


def test_revival_records_the_gap_and_links_across_it() -> None:
    result = build(series())
    c = next(lin for lin in result.lineages if lin.id == "2001-test/p_c")
    revived = next(cell for cell in c.cells if cell.event == "revived")
    assert revived.detail == "2" and revived.sources == ("2001-test/p_c",)
    assert ("2001-test", "p_c", "2004-test", "p_c") in result.edges
    assert ("2002-test", "p_d", "2003-test", "p_d1") in result.edges
    assert ("2002-test", "p_d", "2003-test", "p_d2") in result.edges
    assert ("2003-test", "p_f", "2004-test", "p_ef") in result.edges


def _members(result: Lineages) -> list[tuple[str, str]]:
    return [(c.declaration, u) for lin in result.lineages for c in lin.cells for u in c.units]


WORDS = [
    "river", "glacier", "railway", "freight", "locust", "laboratory", "festival", "observer",
    "desert", "timetable", "customs", "vaccine", "harvest", "bridge", "pipeline", "archive",
    "satellite", "theatre", "border", "museum",
]


@st.composite
def corpora(draw: st.DrawFn) -> list[Declaration]:
    n = draw(st.integers(2, 6))
    pool = [f"The member states discuss the {WORDS[k]} and the {WORDS[(k * 7 + 3) % 20]} "
            f"questions of item {k}." for k in range(12)]
    decls = []
    for year in range(n):
        picked = draw(st.lists(st.integers(0, 11), min_size=1, max_size=8, unique=True))
        paras = []
        for pos, k in enumerate(picked):
            text = pool[k]
            if draw(st.booleans()):
                text = text[:-1] + f" with {WORDS[(k + year) % 20]} added."
            if draw(st.integers(0, 5)) == 0 and pos:
                paras[-1] = Paragraph(paras[-1].id, None, (*paras[-1].sentences,
                                                           Sentence(f"x{pos}", text)))
                continue
            paras.append(Paragraph(f"u{pos}", None, (Sentence(f"u{pos}__s_1", text),)))
        meta = Meta(id=f"{2000 + year}-h", meeting=Meeting(date=f"{2000 + year}-01-01"))
        decls.append(Declaration(meta, tuple(paras)))
    return decls


@settings(max_examples=60, deadline=None)
@given(corpora(), st.randoms(use_true_random=False))
def test_every_unit_in_exactly_one_lineage_whatever_the_order(decls, rnd) -> None:
    result = build(decls)
    members = _members(result)
    assert sorted(members) == sorted((d.id, u.id) for d in decls for u in d.units())
    assert len(members) == len(set(members))
    shuffled = list(decls)
    rnd.shuffle(shuffled)
    assert build(shuffled) == result


def test_generated_series_scores_well() -> None:
    s = generate_series(SEED, 8, 1, rng_seed=5)
    pred = build(list(reversed(s.declarations))).edges
    hit = len(pred & s.edges)
    assert hit / len(pred) >= 0.95 and hit / len(s.edges) >= 0.95
