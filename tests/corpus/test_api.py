"""The corpus API: series, versions and their works, the previous declaration."""

from __future__ import annotations

from pathlib import Path

from compare.corpus import lineages, load_corpus, previous, series, versions, work_of

ROOT = Path(__file__).resolve().parents[2]


def test_series_versions_previous_and_work() -> None:
    decls = load_corpus([ROOT / "declarations"])
    assert [d.id for d in series(decls)] == ["2007-bishkek", "2008-dushanbe",
                                             "2009-yekaterinburg", "2010-tashkent",
                                             "2011-astana"]
    assert [(v.id, w.id) for v, w in versions(decls)] == [("2007-bishkek-draft", "2007-bishkek")]
    work = work_of(decls, "2007-bishkek-draft")
    assert work is not None and work.id == "2007-bishkek"
    assert work_of(decls, "2007-bishkek") is None
    before = previous(decls, "2010-tashkent")
    assert before is not None and before.id == "2009-yekaterinburg"
    assert previous(decls, "2007-bishkek") is None
    assert previous(decls, "2007-bishkek-draft") is None
    assert "2007-bishkek-draft" not in lineages(decls).declarations


def test_every_bundled_unit_in_exactly_one_lineage() -> None:
    decls = series(load_corpus([ROOT / "declarations"]))
    result = lineages(decls)
    members = [(c.declaration, u) for lin in result.lineages for c in lin.cells for u in c.units]
    assert sorted(members) == sorted((d.id, u.id) for d in decls for u in d.units())
