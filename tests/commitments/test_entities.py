"""Tests of named entities: found in the seed by alias, longest first, with a treaty fallback;
newly named and no longer named across two versions."""

from __future__ import annotations

from pathlib import Path

import pytest
from commitments_helpers import seed
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.commitments.entities import (
    entity_change_to_json,
    entity_changes,
    load_entities,
    mentions,
)
from compare.errors import DeclarationError
from compare.model import Declaration, Meta, Paragraph, Sentence


def decl_of(*texts: str) -> Declaration:
    paras = tuple(
        Paragraph(f"para_{i}", None, (Sentence(f"para_{i}__s_1", t),))
        for i, t in enumerate(texts, 1)
    )
    return Declaration(Meta("t"), paras)


def names(decl: Declaration) -> list[tuple[str, str]]:
    return [(m.name, m.kind) for m in mentions(decl)]


def test_seed_names_the_states_bodies_treaties_and_regions() -> None:
    found = dict(names(seed()))
    for name, kind in [
        ("Kazakhstan", "state"), ("China", "state"), ("Kyrgyzstan", "state"),
        ("Russia", "state"), ("Tajikistan", "state"), ("Uzbekistan", "state"),
        ("Afghanistan", "state"), ("SCO", "organisation"), ("UN", "organisation"),
        ("UN Security Council", "body"), ("UN General Assembly", "body"),
        ("SCO Regional Antiterrorist Structure", "body"),
        ("Contact Group SCO\u2013Afghanistan", "body"),
        ("Central Asia Nuclear-Weapon-Free Zone Treaty", "treaty"),
        ("Protocol on security guarantees", "treaty"), ("Central Asia", "region"),
    ]:
        assert found.get(name) == kind, name
    assert "CSTO" not in found and "India" not in found


def test_longest_alias_wins_and_spans_do_not_overlap() -> None:
    d = decl_of("The UN General Assembly and the Contact Group SCO - Afghanistan met.")
    assert names(d) == [("UN General Assembly", "body"),
                        ("Contact Group SCO\u2013Afghanistan", "body")]


def test_aliases_match_whole_words_case_sensitively() -> None:
    assert names(decl_of("Unilateral and uncommon steps; the sco; Indiana.")) == []
    assert names(decl_of("India and the Republic of India.")) == [("India", "state")] * 2


@pytest.mark.parametrize(("text", "expected"), [
    ("They signed the Treaty on Long-Term Good-Neighbourliness, Friendship and Cooperation.",
     "Treaty on Long-Term Good-Neighbourliness"),
    ("The Tashkent Agreement entered into force.", "Tashkent Agreement"),
    ("The Treaty was signed.", None),
    ("the treaty on trade", None),
])
def test_treaty_fallback(text: str, expected: str | None) -> None:
    found = names(decl_of(text))
    assert found == ([(expected, "treaty")] if expected else [])


def test_entity_changes_newly_and_no_longer_named() -> None:
    left = decl_of("The SCO works with the CIS.", "Afghanistan and ASEAN.")
    right = decl_of("The SCO works with the CSTO.", "ASEAN, India and the CSTO.")
    changes = entity_changes(left, right)
    assert [(c.name, c.change, c.units) for c in changes] == [
        ("CIS", "no longer named", ("para_1",)),
        ("Afghanistan", "no longer named", ("para_2",)),
        ("CSTO", "newly named", ("para_1", "para_2")),
        ("India", "newly named", ("para_2",)),
    ]
    assert entity_change_to_json(changes[0]) == {
        "name": "CIS", "kind": "organisation", "change": "no longer named", "units": ["para_1"]}
    assert entity_changes(left, left) == ()


def test_extension_file_adds_entities_and_aliases(tmp_path: Path) -> None:
    path = tmp_path / "more.toml"
    path.write_text(
        '[[entity]]\nname = "Bishkek"\nkind = "region"\naliases = ["Bishkek"]\n'
        '[[entity]]\nname = "UN"\nkind = "organisation"\naliases = ["Organisation des Nations"]\n',
        encoding="utf-8",
    )
    ents = load_entities(path)
    d = decl_of("In Bishkek, the Organisation des Nations met.")
    assert [(m.name, m.kind) for m in mentions(d, ents)] == [
        ("Bishkek", "region"), ("UN", "organisation")]
    assert len(ents) == len(load_entities()) + 1


@pytest.mark.parametrize(("text", "message"), [
    ('[[entity]]\nname = "X"\nkind = "planet"\n', "expected kind"),
    ('[[entity]]\nkind = "state"\n', "non-empty `name`"),
    ('[[entity]]\nname = "X"\nkind = "state"\naliases = "X"\n', "list of strings"),
    ("entity = [", "TOML"),
])
def test_bad_entity_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DeclarationError, match=message):
        load_entities(path)


def test_sco_councils_are_bodies_and_actors() -> None:
    d = decl_of("The Council of Foreign Ministers will meet; the Council of Heads of Government "
                "approved the budget.")
    assert names(d) == [("Council of Foreign Ministers", "body"),
                        ("Council of Heads of Government", "body")]
    from compare.commitments import api as cm
    from compare.commitments.config import load_config

    cfg = load_config(environ={})
    rules = cfg.rules("en")
    assert rules is not None
    c = cm.read_sentence("The Council of Foreign Ministers will meet.", rules, cfg)[0][0]
    assert c is not None and c.actor == "Council of Foreign Ministers"


@pytest.mark.parametrize(
    "written",
    ["Afghan\u200bistan and the Kyrgyz Republic.", "Afghanistan and the Kyrgyz\u00a0Republic.",
     "Afghanistan and the Kyrgyz  Republic.", "Afghanistan and the Kyrgyz\nRepublic.",
     "\u202aAfghanistan\u202c and the Kyrgyz Republic."],
)
def test_a_name_written_with_other_spaces_or_invisible_characters_is_the_same_name(
        written: str) -> None:
    """Found by tests/test_fuzz.py's folding edits: a pair "unchanged, normalisation-only" had
    Afghanistan or Kyrgyzstan "no longer named", because names were matched on the raw text."""
    left = decl_of("Afghanistan and the Kyrgyz Republic.")
    assert entity_changes(left, decl_of(written)) == ()
    assert names(decl_of(written)) == [("Afghanistan", "state"), ("Kyrgyzstan", "state")]


_ALIASES = ["Asia", "Asian", "Asia-Pacific", "Asia-Pacific region", "SCO", "SCO Secretariat",
            "Central Asia", "Central Asian", "C", "Ch", "China", "Chin-a"]


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from([*_ALIASES, " ", "-", "n", "s", " region", "x", ","]),
                max_size=12))
def test_the_alias_trie_matches_as_the_longest_first_alternation(pieces: list[str]) -> None:
    import re

    from compare.commitments.entities import _alternation

    aliases = sorted(set(_ALIASES), key=lambda a: (-len(a), a))
    plain = re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(a) for a in aliases)})(?![\w-])")
    trie = re.compile(rf"(?<![\w-])(?:{_alternation(aliases)})(?![\w-])")
    text = "".join(pieces)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_shipped_aliases_match_as_the_alternation_on_the_bundled_texts() -> None:
    import re

    import compare
    from compare.commitments.entities import _alias_pattern

    pattern, by_alias = _alias_pattern(load_entities())
    aliases = sorted(by_alias, key=lambda a: (-len(a), a))
    plain = re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(a) for a in aliases)})(?![\w-])")
    decls = Path(__file__).resolve().parents[2] / "declarations"
    texts = [s.text for p in sorted(decls.glob("*.xml")) for u in compare.load(p).units()
             for s in u.sentences]
    texts += [" ".join(aliases), "-".join(aliases), "".join(aliases)]
    for text in texts:
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)]
