"""A cut-off copy in the alignment JSON (issue 12, item 4): flagged, and what lies past its end
listed apart under `cut_off`, never as dropped commitments."""

from __future__ import annotations

import json

from compare import align, analyse, to_json
from compare.model import Declaration, Meta, Paragraph, Sentence

TEXTS = ["The member states will strengthen cooperation in energy.",
         "The member states will expand trade in agricultural products.",
         "The heads of state support the work of the Secretariat.",
         "The member states stand ready to develop joint transport corridors."]


def decl(name: str, texts: list[str], truncated: bool = False) -> Declaration:
    paras = tuple(Paragraph(f"para_{n}", str(n), (Sentence(f"para_{n}__s_1", t),))
                  for n, t in enumerate(texts, 1))
    return Declaration(Meta(id=name, title=name, status="illustrative", truncated=truncated),
                       paras)


def test_commitments_past_the_end_of_a_cut_off_copy_are_listed_apart() -> None:
    whole, cut = decl("whole", TEXTS), decl("cut", [*TEXTS[:2], "The heads of state supp"], True)
    doc = json.loads(to_json(analyse(align(whole, cut))))
    assert doc["right"]["truncated"] is True and "truncated" not in doc["left"]
    dropped = [c for c in doc["commitments"] if c["change"] == "dropped"]
    assert [c["left"] for c in dropped] == []  # nothing past the end counts as dropped
    assert [c["left"] for c in doc["cut_off"]] == ["para_3__s_1", "para_4__s_1"]


def test_a_whole_copy_has_no_cut_off_key() -> None:
    doc = json.loads(to_json(analyse(align(decl("a", TEXTS), decl("b", TEXTS[:3])))))
    assert "cut_off" not in doc and "truncated" not in doc["right"]
    assert [c["left"] for c in doc["commitments"] if c["change"] == "dropped"] == ["para_4__s_1"]
