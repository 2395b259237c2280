"""Analyse stage, part two: named entities (states, organisations, bodies, treaties, regions).

The list of entities is data (`compare/commitments/data/entities.toml`, extendable with a TOML file
of more `[[entity]]` entries). `named_entities(decl)` finds them in a declaration, longest alias
first, case-sensitively on word boundaries, plus a capitalised-phrase fallback for unlisted
treaties; `entity_changes(left, right)` says which are newly named and which no longer named. The
same list gives `commitments` its named actors ("The Russian Federation supports ...").
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

from ..alignment.normalize import canonical
from ..errors import DeclarationError
from ..model import Declaration, EntityChange
from ..resources import data_path
from ..store.fsio import read_bytes
from ..store.tomlfile import parse_toml

KINDS = ("state", "organisation", "body", "treaty", "region")
ACTOR_KINDS = ("state", "organisation", "body")

# A capitalised phrase ending in a treaty word, or a treaty word followed by "on ..." / "of ...".
_TREATY_WORD = r"(?:Treaty|Convention|Protocol|Agreement|Charter)"
_WORD = "[\\w'\u2019-]"
_CAP = rf"(?!(?:The|A|An|This|That|Its|Their)\s)[A-Z]{_WORD}*"
_STOP = r"(?:which|that|who|with|to|and|or|by|in|between|for|as|the|a|an|its|their)\b"
_TREATY_BEFORE = re.compile(rf"\b(?:{_CAP}\s+)+{_TREATY_WORD}\b")
_TREATY_AFTER = re.compile(
    rf"\b{_TREATY_WORD}\s+(?:on|of)\s+(?!{_STOP}){_WORD}+(?:\s+(?!{_STOP}){_WORD}+){{0,3}}"
)


@dataclass(frozen=True)
class Entity:
    name: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    """One place where an entity is named: which entity, the unit, the offsets in the sentence
    (in its `canonical` form, which is the text itself unless it holds invisible characters,
    unusual spaces or decomposed accents)."""

    name: str
    kind: str
    unit: str
    sentence: str
    start: int
    end: int


def _entities_from(doc: dict[str, Any], path: str) -> list[Entity]:
    rows = doc.get("entity", [])
    if not isinstance(rows, list):
        raise DeclarationError("expected [[entity]] tables, found a single value", path)
    out = []
    for i, row in enumerate(rows, 1):
        name, kind, aliases = row.get("name"), row.get("kind"), row.get("aliases", [])
        if not isinstance(name, str) or not name:
            raise DeclarationError(f"entity {i}: expected a non-empty `name`, found {name!r}", path)
        if kind not in KINDS:
            raise DeclarationError(
                f"entity {name!r}: expected kind in {KINDS}, found {kind!r}", path
            )
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            raise DeclarationError(
                f"entity {name!r}: expected `aliases` as a list of strings", path
            )
        out.append(Entity(name, kind, tuple(aliases) or (name,)))
    return out


def _merge(base: list[Entity], extra: list[Entity]) -> tuple[Entity, ...]:
    by_name = {e.name: e for e in base}
    order = [e.name for e in base]
    for e in extra:
        if e.name in by_name:
            old = by_name[e.name]
            aliases = old.aliases + tuple(a for a in e.aliases if a not in old.aliases)
            by_name[e.name] = Entity(old.name, e.kind, aliases)
        else:
            by_name[e.name] = e
            order.append(e.name)
    return tuple(by_name[n] for n in order)


def load_entities(path: str | os.PathLike[str] | None = None) -> tuple[Entity, ...]:
    """The shipped entity list, extended by the `[[entity]]` entries of the file at `path`."""
    base_path = data_path("entities.toml")
    base = _entities_from(parse_toml(base_path.read_bytes(), str(base_path)), str(base_path))
    if path is None:
        return tuple(base)
    name = os.fspath(path)
    return _merge(base, _entities_from(parse_toml(read_bytes(name), name), name))


def _alias_pattern(entities: tuple[Entity, ...]) -> tuple[re.Pattern[str], dict[str, Entity]]:
    by_alias: dict[str, Entity] = {}
    for e in entities:
        for a in e.aliases:
            by_alias.setdefault(canonical(a), e)
    aliases = sorted(by_alias, key=lambda a: (-len(a), a))
    body = _alternation(aliases) if all(aliases) else "|".join(re.escape(a) for a in aliases)
    # a look-ahead for the aliases' first characters first: the same matches, but the
    # matcher skips the other places at once instead of trying every alias there
    firsts = {a[0] for a in aliases} if all(aliases) else set()
    ahead = f"(?=[{re.escape(''.join(sorted(firsts)))}])" if firsts else ""
    return re.compile(rf"{ahead}(?<![\w-])(?:{body or r'(?!x)x'})(?![\w-])"), by_alias


def _alternation(aliases: list[str]) -> str:
    """The aliases as one pattern of their characters' trie ("Shanghai (?:Cooperation ...|
    Five)"): it matches what the aliases joined by "|", longest first, match, and compiles and
    runs in about half the time. At a place the text's characters choose one path through the
    trie, and a branch tries the longer aliases below it before ending (`?` is greedy), so the
    first alias found that the text's next character does not continue is the longest there,
    as in the longest-first alternation; on backtracking, the next shorter, as there."""
    trie: dict[str, dict[str, Any]] = {}
    for alias in aliases:
        node = trie
        for ch in alias:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branch(trie)


def _branch(node: dict[str, Any]) -> str:
    alts = []
    for ch, below in sorted(node.items()):
        if ch:
            run = [ch]  # the characters down to the next fork or alias end, escaped at once
            while len(below) == 1 and "" not in below:
                ((nxt, below),) = below.items()
                run.append(nxt)
            alts.append(re.escape("".join(run)) + _branch(below))
    if not alts:
        return ""
    if len(alts) == 1 and "" not in node:
        return alts[0]
    return f"(?:{'|'.join(alts)}){'?' if '' in node else ''}"

Found = tuple[tuple[str, str, int, int], ...]
"""Mentions of one sentence text as (name, kind, start, end), in order of start."""
Searcher = tuple[re.Pattern[str], dict[str, Entity], dict[str, Found], dict[str, str]]
"""The alias pattern, the entities by alias, the mentions found by sentence text, and the
texts' shown forms (`canonical`) computed so far."""


def _searcher(entities: tuple[Entity, ...], cache: dict[str, Found] | None,
              shown: dict[str, str] | None = None) -> Searcher:
    pattern, by_alias = _alias_pattern(entities)
    return pattern, by_alias, {} if cache is None else cache, {} if shown is None else shown


def _found(text: str, searcher: Searcher) -> Found:
    """The mentions of one sentence text, searched once per distinct text."""
    pattern, by_alias, cache, shown = searcher
    found = cache.get(text)
    if found is None:
        if (form := shown.get(text)) is None:
            form = shown[text] = canonical(text)
        found = cache[text] = _sentence_mentions(form, pattern, by_alias)
    return found


def mentions(decl: Declaration, entities: tuple[Entity, ...] | None = None,
             cache: dict[str, Found] | None = None) -> tuple[Mention, ...]:
    """Every entity named in `decl`, in document order (listed entities, then treaty fallback).
    Each distinct sentence text is searched once (`cache`, which the caller may share across
    declarations searched with the same entities): formulaic texts repeat sentences."""
    searcher = _searcher(load_entities() if entities is None else entities, cache)
    return tuple(Mention(name, kind, unit.id, s.id, a, b) for unit in decl.units()
                 for s in unit.sentences for name, kind, a, b in _found(s.text, searcher))


_TREATY_WORDS = ("Treaty", "Convention", "Protocol", "Agreement", "Charter")


def _sentence_mentions(text: str, pattern: re.Pattern[str], by_alias: dict[str, Entity]
                       ) -> Found:
    found = [(e.name, e.kind, *m.span())
             for m in pattern.finditer(text) for e in (by_alias[m[0]],)]
    # both fallbacks need a treaty word
    if any(word in text for word in _TREATY_WORDS) and (more := _treaty_fallback(text, found)):
        return tuple(sorted([*found, *more], key=lambda m: m[2]))
    return tuple(found)  # in order of start already, as `finditer` finds them


def _treaty_fallback(text: str, known: list[tuple[str, str, int, int]]
                     ) -> list[tuple[str, str, int, int]]:
    out: list[tuple[str, str, int, int]] = []
    for rx in (_TREATY_BEFORE, _TREATY_AFTER):
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for _, _, a, b in known + out):
                continue
            name = re.sub(r"\s+", " ", m.group(0)).strip()
            out.append((name, "treaty", m.start(), m.end()))
    return out


def _first_units(decl: Declaration, searcher: Searcher
                 ) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Entity name -> (kind, units naming it), in order of first mention."""
    out: dict[str, tuple[str, dict[str, None]]] = {}
    seen = searcher[2]  # the mentions by text: looked up here first (formulaic texts repeat)
    for unit in decl.units():
        for s in unit.sentences:
            found = seen.get(s.text)
            for name, kind, _, _ in _found(s.text, searcher) if found is None else found:
                out.setdefault(name, (kind, {}))[1][unit.id] = None
    return {name: (kind, tuple(units)) for name, (kind, units) in out.items()}


def entity_changes(
    left: Declaration, right: Declaration, entities: tuple[Entity, ...] | None = None,
    shown: dict[str, str] | None = None,
) -> tuple[EntityChange, ...]:
    """Entities no longer named (in left order), then newly named (in right order). `shown`:
    sentence texts' `canonical` forms known already (the commitment reader's), added to."""
    searcher = _searcher(load_entities() if entities is None else entities, None, shown)
    lnames = _first_units(left, searcher)
    rnames = _first_units(right, searcher)
    gone = [
        EntityChange(name, kind, "no longer named", units)
        for name, (kind, units) in lnames.items()
        if name not in rnames
    ]
    new = [
        EntityChange(name, kind, "newly named", units)
        for name, (kind, units) in rnames.items()
        if name not in lnames
    ]
    return tuple(gone + new)


def entity_change_to_json(change: EntityChange) -> dict[str, Any]:
    return {"name": change.name, "kind": change.kind, "change": change.change,
            "units": list(change.units)}
