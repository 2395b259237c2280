"""Analyse stage, configuration: the commitment ladder and phrase lists, loaded and merged.

The shipped data is `compare/commitments/data/commitments.toml` (documented there). A user file of
the same shape extends it: lists are appended to (duplicates ignored), scalars replace, new levels
and languages are added. `load_config(path)` merges, in order, the shipped file, the file named by
the environment variable `SCODIFF_COMMITMENTS` (when set) and `path` (when given), then checks the
result and compiles it into per-language `Rules` of token tuples.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any

from ..errors import DeclarationError
from ..resources import data_path
from ..store.fsio import read_bytes
from ..store.tomlfile import parse_toml
from .entities import ACTOR_KINDS, Entity, load_entities
from .lexicon import Index, gerund, index, tokens, variants

ENV_VAR = "SCODIFF_COMMITMENTS"

@dataclass(frozen=True)
class Level:
    name: str
    force: int
    description: str = ""


@dataclass(frozen=True)
class Rules:
    """One language's lists, compiled: each index maps a first token to (tokens, value) pairs,
    longest first."""

    language: str
    actors: Index
    committers: frozenset[str]
    phrases: Index
    pronouns: frozenset[str]
    passive: Index
    passive_endings: tuple[str, ...]
    participles: frozenset[str]
    passive_actor: str
    passive_level: str
    conjunctions: Index
    gap: Index
    gap_suffixes: tuple[str, ...]
    negations: Index
    hedges: Index
    intensifiers: Index
    modals: frozenset[str] = frozenset()
    effort_levels: frozenset[str] = frozenset()
    impersonal: Index = field(default_factory=Index)
    not_after: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()
    list_lead: Index = field(default_factory=Index)
    apposable: frozenset[str] = frozenset()
    level_rank: Mapping[str, int] = field(default_factory=dict)
    weak: Index = field(default_factory=Index)
    weak_level: str = ""
    passive_levels: Mapping[str, str] = field(default_factory=dict)
    object_intensity: Index = field(default_factory=Index)
    comma_coordination: bool = False
    actor_heads: frozenset[str] = frozenset()
    relatives: frozenset[str] = frozenset()
    inner: frozenset[str] = frozenset()
    participle_phrases: Index = field(default_factory=Index)

    @cached_property
    def actor_starts(self) -> frozenset[str]:
        """The tokens an actor can start at past a sentence's first token: a listed actor's
        first word, a pronoun, "the" (of an unlisted one); the grammar tries no other."""
        return frozenset({*self.actors, *self.pronouns, "the"})

    @cached_property
    def passive_starts(self) -> frozenset[str]:
        """The tokens a passive ("will be held") or impersonal form ("It was agreed") can start
        at; the grammar tries no other."""
        return frozenset({*self.passive, *self.modals, *self.impersonal})

    @cached_property
    def openers(self) -> frozenset[str]:
        """Every token a clause other than a coordinated one can start at past a sentence's
        first: an actor, a passive or impersonal form, a participle."""
        return self.actor_starts | self.passive_starts | frozenset(self.participle_phrases)

    @cached_property
    def triggers(self) -> frozenset[str]:
        """The tokens of which a sentence holds one at least when it holds a clause: every
        clause has a phrase, a passive or impersonal form or a participle."""
        return frozenset(self.phrases) | self.passive_starts | frozenset(self.participle_phrases)

    @cached_property
    def adverb_starts(self) -> frozenset[str]:
        """The first tokens of negations, intensifiers and gap words (`passive.adverbs`)."""
        return frozenset(self.negations) | frozenset(self.intensifiers) | frozenset(self.gap)

    @cached_property
    def clause_starts(self) -> frozenset[str]:
        """The openers and the conjunctions (a coordinated clause starts at one)."""
        return self.openers | frozenset(self.conjunctions)


@dataclass(frozen=True)
class Config:
    levels: tuple[Level, ...]
    adjust: Mapping[str, int]
    languages: Mapping[str, Rules]

    def clamp(self, force: int) -> int:
        """A force kept on the ladder: between its lowest and its highest level's force."""
        return max(self.levels[0].force, min(self.levels[-1].force, force))

    def level(self, name: str) -> Level:
        return self._by_name[name] if name in self._by_name else next(iter(()))

    @cached_property
    def _by_name(self) -> dict[str, Level]:  # the first level of a name wins, as a search would
        return {lv.name: lv for lv in reversed(self.levels)}

    def rules(self, language: str) -> Rules | None:
        """The rules for a language tag ("en", "en-GB" -> "en"); None when there are none."""
        return self.languages.get(language.lower().split("-")[0].split("_")[0])


class _Languages(Mapping[str, Rules]):
    """Each language's `Rules`, compiled on first use: a comparison reads one language, and
    compiling the others (Chinese above all: its phrases' tokens need a pattern of CJK ranges)
    was half the time of loading the configuration. Every language was checked already."""

    def __init__(self, build: Mapping[str, Callable[[], Rules]]) -> None:
        self._build = build
        self._done: dict[str, Rules] = {}

    def __getitem__(self, code: str) -> Rules:
        if code not in self._done:
            self._done[code] = self._build[code]()
        return self._done[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._build)

    def __len__(self) -> int:
        return len(self._build)


ConfigArg = Config | str | os.PathLike[str] | None
"""A configuration, or the path of a user file to merge (see `load_config`), or None."""


def as_config(config: ConfigArg) -> Config:
    """The configuration itself, else the one `load_config` makes of the path (or None)."""
    return config if isinstance(config, Config) else load_config(config)


def merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """Deep merge: tables merge, lists append (levels by name), other values replace."""
    out = dict(base)
    for key, value in extra.items():
        old = out.get(key)
        if key == "levels" and isinstance(old, list) and isinstance(value, list):
            names = {lv.get("name") for lv in value if isinstance(lv, dict)}
            out[key] = [lv for lv in old if lv.get("name") not in names] + value
        elif isinstance(old, dict) and isinstance(value, dict):
            out[key] = merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            out[key] = old + [v for v in value if v not in old]
        else:
            out[key] = value
    return out


_TYPES = ((bool, "true or false"), (int, "an integer"), (float, "a number"), (str, "a string"),
          (list, "a list"), (dict, "a table"))


def _type_name(value: Any) -> str:
    return next(name for kind, name in _TYPES if isinstance(value, kind))


def check_shape(base: Mapping[str, Any], extra: Mapping[str, Any], where: str,
                path: str = "") -> None:
    """Refuse a user file whose values do not have the shipped file's types, naming the file,
    the key and what was expected (a key the shipped file lacks is checked when compiled)."""
    for key, value in extra.items():
        name = f"{path}.{key}" if path else key
        if key not in base:
            continue
        old = base[key]
        if name == "format" and value != old:
            raise DeclarationError(f"format: expected {old!r}, found {value!r}", where)
        if _type_name(value) != _type_name(old):
            raise DeclarationError(f"{name}: expected {_type_name(old)}, found {value!r}", where)
        if isinstance(old, dict):
            check_shape(old, value, where, name)
        elif isinstance(old, list) and old and isinstance(old[0], (str, dict)):
            kind = type(old[0])
            bad = next((v for v in value if not isinstance(v, kind)), None)
            if bad is not None:
                what = "strings" if kind is str else "tables"
                raise DeclarationError(f"{name}: expected a list of {what}, found {bad!r}", where)


def _read_toml(path: str) -> dict[str, Any]:
    data = data_path("commitments.toml").read_bytes() if path == "" else read_bytes(path)
    return parse_toml(data, path or None)


def load_config(
    path: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
    entities: tuple[Entity, ...] | None = None,
) -> Config:
    """The shipped ladder and lists, merged with $SCODIFF_COMMITMENTS and `path` if given."""
    env = os.environ if environ is None else environ
    doc = _read_toml("")
    where: str | None = None
    for extra in (env.get(ENV_VAR) or None, path):
        if extra is not None:
            name = os.fspath(extra)
            user = _read_toml(name)
            check_shape(doc, user, name)
            doc = merge(doc, user)
            where = name
    return compile_config(doc, load_entities() if entities is None else entities, where)


def _strings(value: Any, what: str, where: str | None) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DeclarationError(f"{what}: expected a list of strings, found {value!r}", where)
    return value


def _levels(doc: Mapping[str, Any], where: str | None) -> tuple[Level, ...]:
    rows = doc.get("levels")
    if not isinstance(rows, list) or not rows:
        raise DeclarationError("expected [[levels]] tables with name and force", where)
    out = []
    for row in rows:
        name, force = row.get("name"), row.get("force")
        if not isinstance(name, str) or not isinstance(force, int) or isinstance(force, bool):
            raise DeclarationError(
                f"level: expected a string `name` and an integer `force`, found {row!r}", where
            )
        if not 1 <= force <= 5:
            raise DeclarationError(f"levels.{name}.force: expected a force from 1 to 5 (the "
                                   f"one scale), found {force}", where)
        out.append(Level(name, force, str(row.get("description", ""))))
    return tuple(sorted(out, key=lambda lv: (lv.force, lv.name)))


def _index(pairs: list[tuple[str, str]], inflect: bool = False) -> Index:
    """Index phrases (with their values) by first token, longest first, deterministic order."""
    return index([(tokens(variant), value) for text, value in pairs
                  for variant in (variants(text) if inflect else (text,))])


def compile_config(
    doc: Mapping[str, Any], entities: tuple[Entity, ...] = (), where: str | None = None
) -> Config:
    """Check a merged TOML document and compile it into a `Config`."""
    levels = _levels(doc, where)
    adjust = doc.get("adjust", {})
    if not all(isinstance(adjust.get(k, 0), int) for k in ("hedge", "intensifier", "negation")):
        raise DeclarationError(f"[adjust]: expected integers, found {adjust!r}", where)
    langs = doc.get("languages", {})
    rank = {lv.name: i for i, lv in enumerate(levels)}
    for code, body in langs.items():  # every language checked now, in order; compiled when read
        _rules(code, body, rank, entities, where, _unindexed)
    build = {code: partial(_rules, code, body, rank, entities, where)
             for code, body in sorted(langs.items())}
    return Config(levels, {k: int(adjust.get(k, 0)) for k in ("hedge", "intensifier", "negation")},
                  _Languages(build))


def _unindexed(pairs: list[tuple[str, str]], inflect: bool = False) -> Index:
    return Index()


def _rules(
    code: str, body: Mapping[str, Any], rank: Mapping[str, int], entities: tuple[Entity, ...],
    where: str | None, indexer: Callable[..., Index] = _index,
) -> Rules:
    """One language's lists checked and compiled (with `_unindexed`: checked only)."""
    levels = set(rank)
    phrases: list[tuple[str, str]] = []
    for level, items in body.get("phrases", {}).items():
        if level not in levels:
            raise DeclarationError(
                f"languages.{code}.phrases: expected a level in {sorted(levels)}, found {level!r}",
                where,
            )
        phrases.extend((p, level) for p in _strings(items, f"phrases.{level}", where))
    actors = [
        (form, canon)
        for canon, forms in body.get("actors", {}).items()
        for form in _strings(forms, f"actors.{canon}", where)
    ]
    if code == "en":  # entity aliases are English; other languages list their actors
        for e in entities:
            if e.kind in ACTOR_KINDS:
                actors.extend((f"the {a}", e.name) for a in e.aliases)
                actors.extend((a, e.name) for a in e.aliases)
    passive_level = str(body.get("passive_level", levels and sorted(levels)[0]))
    if body.get("passive") and passive_level not in levels:
        raise DeclarationError(f"passive_level: expected a level, found {passive_level!r}", where)

    def plain(key: str) -> Index:
        return indexer([(w, w) for w in _strings(body.get(key, []), key, where)])

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in _strings(body.get(key, []), key, where))

    return Rules(
        language=code,
        actors=indexer(actors),
        committers=frozenset(body.get("actors", {})),
        phrases=indexer(phrases, inflect=code == "en"),
        pronouns=frozenset(_strings(body.get("pronouns", []), "pronouns", where)),
        passive=indexer([(w, w) for w in _strings(body.get("passive", []), "passive", where)
                        + list(_table(body, "passive_levels", levels, where))]),
        passive_endings=tuple(_strings(body.get("passive_endings", []), "passive_endings", where)),
        participles=words("participles"),
        passive_actor=str(body.get("passive_actor", "")),
        passive_level=passive_level,
        conjunctions=plain("conjunctions"),
        gap=plain("gap"),
        gap_suffixes=tuple(_strings(body.get("gap_suffixes", []), "gap_suffixes", where)),
        negations=plain("negations"),
        hedges=plain("hedges"),
        intensifiers=plain("intensifiers"),
        modals=words("modals"),
        effort_levels=frozenset(_levels_named(body, "effort_levels", levels, where)),
        impersonal=plain("impersonal"),
        not_after=words("not_after"),
        optional=words("optional"),
        list_lead=plain("list_lead"),
        apposable=frozenset(_strings(body.get("apposable", []), "apposable", where)),
        level_rank=dict(rank),
        weak=plain("weak"),
        weak_level=_level_named(body, "weak_level", levels, where),
        passive_levels=_table(body, "passive_levels", levels, where),
        object_intensity=plain("object_intensity"),
        comma_coordination=_flag(body, "comma_coordination", where),
        actor_heads=words("actor_heads"),
        relatives=words("relatives"),
        inner=frozenset(w for key in ("intensifiers", "gap")
                        for w in _strings(body.get(key, []), key, where) if " " not in w),
        participle_phrases=indexer([(gerund(p), level) for p, level in phrases
                                     if code == "en" and gerund(p)]),
    )


def _levels_named(body: Mapping[str, Any], key: str, levels: set[str], where: str | None
                  ) -> list[str]:
    names = _strings(body.get(key, []), key, where)
    for name in names:
        _level_named({key: name}, key, levels, where)  # each must name a level
    return names


def _level_named(body: Mapping[str, Any], key: str, levels: set[str], where: str | None) -> str:
    name = body.get(key, "")
    if name != "" and name not in levels:
        raise DeclarationError(f"{key}: expected a level in {sorted(levels)}, found {name!r}",
                               where)
    return str(name)


def _table(body: Mapping[str, Any], key: str, levels: set[str], where: str | None
           ) -> dict[str, str]:
    table = body.get(key, {})
    if not isinstance(table, dict) or not all(
            isinstance(k, str) and v in levels for k, v in table.items()):
        raise DeclarationError(
            f"{key}: expected a table of phrase = level in {sorted(levels)}, found {table!r}",
            where)
    return dict(table)


def _flag(body: Mapping[str, Any], key: str, where: str | None) -> bool:
    value = body.get(key, False)
    if not isinstance(value, bool):
        raise DeclarationError(f"{key}: expected true or false, found {value!r}", where)
    return value
