"""The commitment reader's output, byte for byte, on small cases recorded before its speed-ups.

The golden `commitments/reader-identity.txt` holds, per case, the SHA-256 of both sides'
`scodiff commitments` table and JSON (`reader_identity.reader_outputs`) and of the commitment and
entity changes over a fixed alignment (units paired by id, sentences left to the diff's own
matching: `change_outputs`, independent of the aligner), and the same of every labelled
sentence's reading: a change in any decision shows as a changed digest. For the large cases run
`python tests/commitments/reader_identity.py DIR` before and after and diff the folders. Also:
a shared reading cache gives what reading each declaration alone gives, and the fast paths
(`match`'s trie, `tokenise`'s split, `Rules.triggers`, the field copies) agree with what they
replace.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import fields, replace
from pathlib import Path

from commitments_helpers import hand_alignment
from reader_identity import DECLS, change_outputs, labelled_readings, reader_outputs

import compare
from compare.bench import distinct
from compare.bench.benchgen import seed_blocks
from compare.bench.run import make_case
from compare.commitments.config import load_config
from compare.commitments.grammar import find_clauses
from compare.commitments.lexicon import TOKEN, match, tokenise
from compare.commitments.passive import Clause, find_passive
from compare.commitments.read import PLACED_FIELDS, Cache, find_commitments
from compare.model import Commitment, Declaration

SOURCE = DECLS / "2007-bishkek.xml"


def _cases() -> list[tuple[str, Declaration, Declaration]]:
    draft, adopted = compare.load(DECLS / "2007-bishkek-draft.xml"), compare.load(SOURCE)
    out = [("draft--adopted", draft, adopted),
           ("2007--2008", adopted, compare.load(DECLS / "2008-dushanbe.xml"))]
    for name, n, seed in (("benchgen", 2, 1), ("benchgen2", 2, 2), ("benchgen3", 2, 3)):
        left, right, _ = make_case(name, n, seed, SOURCE)
        out.append((f"{name}-n{n}-s{seed}", left, right))
    left, right = distinct.generate(seed_blocks(SOURCE), 2)
    out.append(("distinct-n2", left, right))
    return out


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_reader_output_is_unchanged(golden: Callable[[str | Path, str], None]) -> None:
    lines = []
    for name, left, right in _cases():
        lines.append(f"{name} reader {_digest(reader_outputs(left, right))}")
        changes = change_outputs(hand_alignment(left, right, sentences=False))
        lines.append(f"{name} changes {_digest(changes)}")
    lines.append(f"labelled {_digest(labelled_readings())}")
    golden("commitments/reader-identity.txt", "\n".join(lines) + "\n")


def test_shared_cache_reads_as_alone() -> None:
    for _name, left, right in _cases():
        cache = Cache()
        shared = (find_commitments(left, cache=cache), find_commitments(right, cache=cache))
        assert shared == (find_commitments(right), find_commitments(left))[::-1]
        again = (find_commitments(right, cache=cache), find_commitments(left, cache=cache))
        assert again == shared[::-1]


def test_placed_copies_every_field() -> None:
    assert tuple(f.name for f in fields(Commitment)) == PLACED_FIELDS
    found = find_commitments(compare.load(SOURCE))
    assert found and all(tuple(vars(c)) == PLACED_FIELDS for c in found)
    assert all(replace(c) == c and hash(replace(c)) == hash(c) for c in found)
    clause = Clause(0, "the member states", (2, 3), "will", False, ("firmly",), 4, True,
                    ("consider",), "will")
    assert clause.ending(6) == replace(clause, end=6)
    assert clause.ending(6, ("may",), ()) == replace(clause, end=6, hedges=("may",),
                                                     intensifiers=())
    assert hash(clause.ending(4)) == hash(clause)


def test_tokenise_spans_and_gaps_agree_with_the_text() -> None:
    texts = ["", "  ", "The member states will act.", "İstanbul, Ünion's long-term co-operation",
             "中国 and 俄罗斯 的合作", "a--b c'd \u2019e", "x  ,y;\tz", "WILL  Not"]
    for text in texts:
        s = tokenise(text)
        assert s.toks == tuple(m.group(0).lower() for m in TOKEN.finditer(text))
        assert s.spans == tuple(m.span() for m in TOKEN.finditer(text))
        assert s.gaps == tuple(text[s.spans[k - 1][1] : s.spans[k][0]] if k else ""
                               for k in range(len(s.spans)))


def test_match_finds_the_longest_entry() -> None:
    rules = load_config(environ={}).rules("en")
    assert rules is not None
    texts = ["The Council of Heads of State of the SCO member states will not be held",
             "the the Shanghai Cooperation Organisation and the Russian Federation are ready",
             "they are fully determined to stand ready to"]
    for idx in (rules.actors, rules.phrases, rules.hedges, rules.passive):
        for text in texts:
            toks = tokenise(text).toks
            for i in range(len(toks) + 1):
                want = next(((i + len(e), v) for e, v in idx.get(toks[i] if i < len(toks)
                                                                  else "", ())
                             if toks[i : i + len(e)] == e), None)
                assert match(idx, toks, i) == want


def test_a_sentence_without_triggers_has_no_clause() -> None:
    rules = load_config(environ={}).rules("en")
    assert rules is not None
    texts = [s.text for p in sorted(DECLS.glob("*.xml")) for u in compare.load(p).units()
             for s in u.sentences]
    texts += ["The member states discussed trade.", "Trade, which grew, matters."]
    skipped = 0
    for text in texts:
        s = tokenise(text)
        if rules.triggers.isdisjoint(s.toks):
            skipped += 1
            assert find_clauses(rules, s, "the member states") == []
            assert find_passive(rules, s.toks) is None
    assert skipped


def test_a_change_made_as_a_dict_is_the_dataclass_s() -> None:
    from compare.commitments.diff import _change
    from compare.model import CommitmentChange

    c = find_commitments(compare.load(SOURCE))[0]
    made = _change("softened", c, c, ("why",))
    plain = CommitmentChange("softened", c, c, ("why",))
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    assert tuple(vars(made)) == tuple(f.name for f in fields(CommitmentChange))
