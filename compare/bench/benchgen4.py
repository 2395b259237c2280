"""Fourth benchmark generator: revisions as an editor, a translator's second pass or a consolidation
of amendments makes them.

Part of the benchmark (not of the pipeline), written as a held-out check from the issue's text
alone. The left side is N copies of the seed's paragraphs (ids numbered through); the right side
revises every copy with a seeded `random.Random`, each copy drawing at least three kinds of:
a paragraph rewritten in another register -- verbs nominalised ("stand ready to" -> "declare
their readiness to"), connectives changed, "The heads of state support X." turned passive
(``register``); the sentences of a paragraph reordered (``sentence_order``); a translator's
second pass -- British spellings, "UN" spelled out, numerals in words, "September 8, 2006" as
"8 September 2006" (``spelling``); typography only -- apostrophes and quotes curled or
straightened, spaced hyphens as dashes (``typography``); a paragraph's last sentence detached
into a new paragraph two to five paragraphs away (``detach_tail``); two paragraphs at least two
apart fused at either one's place (``fuse_apart``); a paragraph duplicated right after itself
with its date changed or a dated opening added (``duplicate_dated``); an item moved from the
seed's list into a new list of this module's own words at least three paragraphs away
(``list_transfer``); three consecutive paragraphs moved together past at least four
(``block_move``); a run of two or three paragraphs deleted (``delete_run``); new paragraphs in
this module's own words (``insert_new``). Both sides ``illustrative``.

Truth. Units are paragraphs (their own sentences) and list items. Every unit of either side is
in exactly one ``(relation, left ids, right ids)``: ``split`` one left unit to several right ones
(``detach_tail``), ``merged`` several left to one right (``fuse_apart``), the several ids in their
own document order; ``removed`` and ``added`` have one side empty (a duplicate is ``added``: the
original stays verbatim in place). The 1:1 pairs are ``moved`` when outside a longest
subsequence of 1:1 pairs in order on both sides, else ``unchanged`` when their texts are equal
after `plain` (Unicode NFKC, one form of quotes, apostrophes and dashes, whitespace collapsed:
DESIGN's "same text after normalisation") and ``reworded`` otherwise. Where several longest
subsequences exist, `resolve` takes the one the prediction agrees with most (a swap of
neighbours counts against neither answer); `generate` takes its own moves among ties.

What keeps the truth unambiguous. A reworded unit either keeps every sentence verbatim in another
order (``sentence_order``) or keeps at least `FLOOR` of its words in order (difflib ratio over word
lists, `similar_enough`); a rewrite that would fall below is not made. Split parts and merged
paragraphs keep their sentences verbatim (a merge may add a one-word connective), and every part has
at least `MIN_WORDS` words. Inserted paragraphs and items are on subjects the seed does not treat.
No unit takes two edits, except one paragraph of a moved block, which may be reworded in passing as
well (it stays ``moved``: the relation says where, the diff what). Identical copies could offer
another reading (a paragraph moved in copy i read as copy i+1's same paragraph, deleted there, or
as copy i+1's same paragraph moved too), so a seed unit that an edit relocates (moved, detached,
fused from afar, duplicated, list-transferred) is neither broken (deleted, split, merged) nor
relocated in the neighbouring copies, and one broken in a copy is not relocated in the next.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..model import Declaration
from .benchgen import Block, build_declaration

Triple = tuple[str, tuple[str, ...], tuple[str, ...]]
Truth = set[Triple]
Pred = Iterable[Triple]
RELATIONS = ("unchanged", "reworded", "moved", "split", "merged", "removed", "added")
ONE_TO_ONE = ("unchanged", "reworded", "moved")
FLOOR = 0.6
MIN_WORDS = 6

REGISTER: tuple[tuple[str, str], ...] = (
    (r"\bstand ready to\b", "declare their readiness to"),
    (r"\bintend to\b", "have the intention to"),
    (r"\bexpress concern over\b", "voice their concern about"),
    (r"\bnote the importance of\b", "take note of the importance of"),
    (r"\bnote the need for\b", "point to the need for"),
    (r"\bnote the important role of\b", "draw attention to the important role of"),
    (r"\bcall for\b", "make an appeal for"),
    (r"\bbelieve that\b", "are of the view that"),
    (r"\bconsistently stand for\b", "are consistent in their support for"),
    (r"\badvocate creating\b", "advocate the creation of"),
    (r"\bhave confirmed their readiness to\b", "confirmed that they are ready to"),
    (r"\breiterate that\b", "state once again that"),
    (r"\bshould be carried out\b", "ought to be pursued"),
    (r"\bcan only be created\b", "is only possible to build"),
    (r"\bcan be effectively addressed\b", "can be met effectively"),
    (r"\bin strict compliance with\b", "strictly complying with"),
    (r"\bin strict observance of\b", "strictly observing"),
    (r"\bon the basis of\b", "based on"),
    (r"\bin order to\b", "so as to"),
    (r"\bas well as\b", "and also"),
    (r"\bparticularly\b", "in particular"),
    (r"\bexpress their appreciation for\b", "voice appreciation of"),
    (r"\battach special importance to\b", "give special priority to"),
    (r"\bis open for cooperation with\b", "is open to cooperating with"),
    (r"\bthat are gaining momentum\b", "which are gathering pace"),
    (r"\bwelcome the adoption\b", "greet the adoption"),
    (r"\bin addressing\b", "in the handling of"),
    (r"\bwill contribute to\b", "will be a contribution to"),
)
_REGISTER = tuple((re.compile(p), r) for p, r in REGISTER)
PASSIVE = re.compile(r"^(The (?:SCO )?(?:[Mm]ember states|heads of state)) (support|welcome|note) "
                     r"(the \w+)(.*?)\.$")
PARTICIPLES = {"support": "supported", "welcome": "welcomed", "note": "noted"}

SPELLING = {
    "Organization": "Organisation", "organization": "organisation",
    "organizations": "organisations", "globalization": "globalisation",
    "civilizations": "civilisations", "programs": "programmes", "leveling": "levelling",
    "recognized": "recognised", "Recognizing": "Recognising", "UN": "United Nations",
    "Antiterrorist": "Anti-Terrorist", "manmade": "man-made", "defense": "defence",
}
_SPELLING = re.compile(r"\b(" + "|".join(sorted(SPELLING, key=len, reverse=True)) + r")\b")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_US_DATE = re.compile(r"\b(" + "|".join(MONTHS) + r") (\d{1,2}), (\d{4})\b")
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_YEAR = re.compile(r"\b(19|20)(\d\d)\b")
ONES = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen")
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
ORDINAL_ENDS = {"one": "first", "two": "second", "three": "third", "five": "fifth",
                "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}

CURL = (("'", "\u2019"), (" - ", " \u2013 "))
STRAIGHTEN = (("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), (" \u2013 ", " - "))

NEW_PARAS = (
    "The member states will hold an annual forum of their river basin authorities to exchange "
    "data on water levels and to plan the joint maintenance of shared reservoirs.",
    "The heads of state agree to open a common register of archaeological sites along the old "
    "caravan roads and to protect them during the construction of new highways.",
    "The SCO member states intend to set up a network of mountain rescue services with shared "
    "radio frequencies and a common training centre for avalanche specialists.",
    "The member states will encourage twinning between their provincial libraries, the "
    "exchange of rare manuscripts for exhibitions and the digitisation of old catalogues.",
    "The heads of state instruct their veterinary services to agree on one certificate for "
    "livestock crossing the borders of neighbouring pastures in spring and autumn.",
    "The SCO member states welcome the idea of a student orchestra formed every summer from "
    "conservatories of all member states, touring their capitals in turn.",
    "The member states will compile a shared glossary of customs terms in their official "
    "languages so that declarations at border posts can be read without translators.",
    "The heads of state support regular meetings of their meteorological offices to improve "
    "forecasts of dust storms and to warn farmers of late frosts in good time.",
)
NEW_LIST_INTROS = (
    "In the field of humanitarian contacts the member states agree to:",
    "To carry out the consolidated programme of measures the member states will:",
    "The heads of state have decided that the Organisation's secretariat shall:",
)
NEW_ITEMS = (
    "publish a yearly calendar of cultural festivals held in the member states;",
    "simplify visas for mountaineers, speleologists and field geologists;",
    "keep an open list of translators available for joint expert meetings;",
    "support summer schools in which teachers of history compare their textbooks;",
    "report every two years on the state of railway links between the capitals;",
    "collect the best practices of municipalities in managing household waste;",
)
CONNECTIVES = ("Moreover,", "Furthermore,", "Also,")
DATED = ("At their meeting of 16 August 2007,", "In the session of 15 June 2009,",
         "At the summit of 10 June 2011,")


def plain(text: str) -> str:
    """The text as compared for ``unchanged``: NFKC, one form of quotes and dashes, spaces."""
    t = unicodedata.normalize("NFKC", text)
    t = re.sub("[\u2018\u2019\u201a\u201b\u2032`]", "'", t)
    t = re.sub("[\u201c\u201d\u201e\u201f\u00ab\u00bb]", '"', t)
    t = re.sub("[\u2010-\u2015\u2212]", "-", t)
    return " ".join(t.split())


def similar_enough(a: str, b: str) -> bool:
    """Whether a rewording keeps `FLOOR` of its words in order (a careful reader pairs them)."""
    return SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio() >= FLOOR


def _words(n: int) -> str:
    if n < 20:
        return ONES[n]
    return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")


def _ordinal_words(n: int) -> str:
    w = _words(n)
    head, _, last = w.rpartition("-")
    end = ORDINAL_ENDS.get(last) or (last[:-1] + "ieth" if last.endswith("y") else last + "th")
    return f"{head}-{end}" if head else end


def _lower_first(s: str) -> str:
    return s[0].lower() + s[1:] if s[:4] in ("The ", "Thei", "They") else s


# --- the copy being revised ------------------------------------------------------------------


@dataclass
class _Unit:
    """A right unit under construction: sentences, its left ids, and what it is."""

    sentences: list[str]
    src: tuple[str, ...] = ()
    kind: str = "one"  # one | split | merged | added
    moved: bool = False  # the generator's intent (breaks ties between longest subsequences)
    edited: bool = False


@dataclass
class _Para:
    unit: _Unit
    items: list[_Unit] = field(default_factory=list)
    seed: int = -1  # seed paragraph index, -1 for new ones
    free: bool = True


@dataclass
class _Copy:
    paras: list[_Para]
    rng: random.Random
    prev_broken: frozenset[str]
    prev_relocated: frozenset[str]
    broken: set[str] = field(default_factory=set)
    relocated: set[str] = field(default_factory=set)

    def allowed(self, broken: Iterable[str] = (), relocated: Iterable[str] = ()) -> bool:
        moved = set(relocated)
        return (not set(broken) & self.prev_relocated
                and not moved & (self.prev_broken | self.prev_relocated))

    def take(self, broken: Iterable[str] = (), relocated: Iterable[str] = ()) -> None:
        self.broken.update(broken)
        self.relocated.update(relocated)

    def free(self, lists: bool = False) -> list[int]:
        return [i for i, p in enumerate(self.paras)
                if p.free and p.seed >= 0 and (lists or not p.items)]


def _keys(p: _Para) -> list[str]:
    return [str(p.seed)] + [f"{p.seed}.{m}" for m in range(len(p.items))]


def _passed(c: _Copy, i: int, j: int) -> int:
    """How many seed paragraphs kept 1:1 in place a paragraph at `i` passes on its way to `j`."""
    return _kept(c.paras[i + 1:j] if j > i else c.paras[j:i])


def _kept(span: list[_Para]) -> int:
    return sum(p.seed >= 0 and p.unit.kind == "one" and not p.unit.moved for p in span)


def _far(c: _Copy, i: int, lo: int, hi: int) -> int | None:
    """A slot past at least `lo` and at most `hi` seed paragraphs kept 1:1 from paragraph `i`."""
    spots = [j for j in range(len(c.paras) + 1) if lo <= _passed(c, i, j) <= hi]
    return c.rng.choice(spots) if spots else None


# --- the edits -------------------------------------------------------------------------------


Rewrite = Callable[[list[str], random.Random], list[str] | None]


def _rewrite(c: _Copy, fn: Rewrite) -> bool:
    """Rewrite one unit not yet edited: a free paragraph's own text or one of its items."""
    units = [(p, u) for i in c.free(True) for p in (c.paras[i],)
             for u in (p.unit, *p.items) if not u.edited]
    for p, u in c.rng.sample(units, len(units)):
        new = fn(u.sentences, c.rng)
        if new is not None and new != u.sentences:
            u.sentences, u.edited = new, True
            p.free = p.free and u is not p.unit
            return True
    return False


def _register(sents: list[str], rng: random.Random) -> list[str] | None:
    old = " ".join(sents)
    out = []
    for s in sents:
        m = PASSIVE.match(s)
        if m and rng.random() < 0.7:
            plural = m.group(3).endswith("s")
            obj = "T" + m.group(3)[1:] + m.group(4)
            s = f"{obj} {'are' if plural else 'is'} {PARTICIPLES[m.group(2)]} by " \
                f"{_lower_first(m.group(1))}."
        out.append(s)
    rules = [(rx, r) for rx, r in _REGISTER if any(rx.search(s) for s in out)]
    for rx, r in rng.sample(rules, min(len(rules), rng.randint(2, 4))):
        trial = [rx.sub(r, s, count=1) for s in out]
        if similar_enough(old, " ".join(trial)):
            out = trial
    new = " ".join(out)
    return out if plain(new) != plain(old) and similar_enough(old, new) else None


def _sentence_order(sents: list[str], rng: random.Random) -> list[str] | None:
    if len(sents) < 2:
        return None
    out = sents[:]
    while out == sents:
        rng.shuffle(out)
    return out


def _spell(s: str) -> str:
    s = _SPELLING.sub(lambda m: SPELLING[m.group(1)], s)
    s = _US_DATE.sub(lambda m: f"{m.group(2)} {m.group(1)} {m.group(3)}", s)
    return _ORDINAL.sub(lambda m: _ordinal_words(int(m.group(1))), s)


def _spelling(sents: list[str], rng: random.Random) -> list[str] | None:
    out = [_spell(s) for s in sents]
    return out if out != sents else None


def _typography(sents: list[str], rng: random.Random) -> list[str] | None:
    for table in (CURL, STRAIGHTEN) if rng.random() < 0.5 else (STRAIGHTEN, CURL):
        out = sents
        for a, b in table:
            out = [s.replace(a, b) for s in out]
        if out != sents:
            return out
    return None


def e_register(c: _Copy) -> bool:
    return _rewrite(c, _register)


def e_sentence_order(c: _Copy) -> bool:
    return _rewrite(c, _sentence_order)


def e_spelling(c: _Copy) -> bool:
    return _rewrite(c, _spelling)


def e_typography(c: _Copy) -> bool:
    done = sum(_rewrite(c, _typography) for _ in range(c.rng.randint(1, 3)))
    return done > 0


def e_detach_tail(c: _Copy) -> bool:
    for i in c.rng.sample(c.free(), len(c.free())):
        p = c.paras[i]
        s = p.unit.sentences
        key = str(p.seed)
        if (len(s) < 2 or len(s[-1].split()) < MIN_WORDS
                or len(" ".join(s[:-1]).split()) < MIN_WORDS or not c.allowed([key], [key])):
            continue
        j = _far(c, i, 2, 5)
        if j is None:
            continue
        tail = _Para(_Unit([s[-1]], p.unit.src, "split"), free=False)
        p.unit.sentences, p.unit.kind, p.free = s[:-1], "split", False
        c.paras.insert(j, tail)
        c.take([key], [key])
        return True
    return False


def e_fuse_apart(c: _Copy) -> bool:
    free = c.free()
    pairs = [(a, b) for a in free for b in free if b > a and _passed(c, a, b) >= 2]
    for a, b in c.rng.sample(pairs, len(pairs)):
        pa, pb = c.paras[a], c.paras[b]
        keys = [str(pa.seed), str(pb.seed)]
        at_first = c.rng.random() < 0.5
        far = keys[1] if at_first else keys[0]
        if not c.allowed(keys, [far]):
            continue
        second = pb.unit.sentences[:]
        if c.rng.random() < 0.5 and second[0].startswith("The "):
            second[0] = f"{c.rng.choice(CONNECTIVES)} {_lower_first(second[0])}"
        fused = _Para(_Unit(pa.unit.sentences + second, pa.unit.src + pb.unit.src, "merged"),
                      seed=pa.seed if at_first else pb.seed, free=False)
        c.paras[a if at_first else b] = fused
        del c.paras[b if at_first else a]
        c.take(keys, [far])
        return True
    return False


def _redate(text: str, rng: random.Random) -> str | None:
    delta = rng.randint(1, 3)
    new = _YEAR.sub(lambda m: str(int(m.group(0)) + delta), text)
    new = _ORDINAL.sub(lambda m: _ordinal_suffix(int(m.group(1)) + delta), new)
    return new if new != text else None


def _ordinal_suffix(n: int) -> str:
    end = "th" if 10 <= n % 100 < 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{end}"


def e_duplicate_dated(c: _Copy) -> bool:
    for i in c.rng.sample(c.free(), len(c.free())):
        p = c.paras[i]
        key = str(p.seed)
        if not c.allowed([], [key]):
            continue
        dup = [s for s in p.unit.sentences]
        redated = _redate(dup[0], c.rng)
        if redated is not None:
            dup[0] = redated
        elif dup[0].startswith("The "):
            dup[0] = f"{c.rng.choice(DATED)} {_lower_first(dup[0])}"
        else:
            continue
        p.free = False
        c.paras.insert(i + 1, _Para(_Unit(dup, (), "added"), free=False))
        c.take([], [key])
        return True
    return False


def e_list_transfer(c: _Copy) -> bool:
    for i in c.free(True):
        p = c.paras[i]
        if len(p.items) < 2:
            continue
        untouched = [m for m, it in enumerate(p.items) if not it.edited]
        if not untouched:
            continue
        m = c.rng.choice(untouched)
        key = f"{p.seed}.{m}"
        j = _far(c, i, 3, 8)
        if j is None or not c.allowed([], [key]):
            continue
        item = p.items.pop(m)
        item.moved = True
        new = [_Unit([t], (), "added") for t in c.rng.sample(NEW_ITEMS, 2)]
        new.insert(c.rng.randint(0, 2), item)
        intro = _Unit([c.rng.choice(NEW_LIST_INTROS)], (), "added")
        p.free = False
        c.paras.insert(j, _Para(intro, new, free=False))
        c.take([], [key])
        return True
    return False


def e_block_move(c: _Copy) -> bool:
    free = set(c.free())
    starts = [i for i in sorted(free) if i + 1 in free and i + 2 in free]
    for i in c.rng.sample(starts, len(starts)):
        keys = [str(c.paras[k].seed) for k in range(i, i + 3)]
        if not c.allowed([], keys):
            continue
        block = c.paras[i:i + 3]
        del c.paras[i:i + 3]
        spots = [j for j in range(len(c.paras) + 1)
                 if _kept(c.paras[i:j] if j >= i else c.paras[j:i]) >= 4]
        if not spots:
            c.paras[i:i] = block
            continue
        j = c.rng.choice(spots)
        for b in block:
            b.unit.moved, b.free = True, False
        if c.rng.random() < 0.5:  # revised in passing: one paragraph moved and reworded
            b = c.rng.choice(block)
            b.unit.sentences = (_register(b.unit.sentences, c.rng) or _spelling(b.unit.sentences,
                                c.rng) or b.unit.sentences)
        c.paras[j:j] = block
        c.take([], keys)
        return True
    return False


def e_delete_run(c: _Copy) -> bool:
    free = set(c.free(True))
    size = c.rng.randint(2, 3)
    starts = [i for i in sorted(free) if all(i + k in free for k in range(size))]
    for i in c.rng.sample(starts, len(starts)):
        keys = [k for p in c.paras[i:i + size] for k in _keys(p)]
        if c.allowed(keys, []):
            del c.paras[i:i + size]
            c.take(keys, [])
            return True
    return False


def e_insert_new(c: _Copy) -> bool:
    for text in c.rng.sample(NEW_PARAS, c.rng.randint(1, 2)):
        j = c.rng.randint(0, len(c.paras))
        c.paras.insert(j, _Para(_Unit([text], (), "added"), free=False))
    return True


# In-place rewrites first (they pick among all paragraphs), then the edits that restructure,
# deletions before moves so that a move's distance is counted among paragraphs that stay.
EDITS: dict[str, Callable[[_Copy], bool]] = {
    "register": e_register, "sentence_order": e_sentence_order, "spelling": e_spelling,
    "typography": e_typography, "duplicate_dated": e_duplicate_dated,
    "detach_tail": e_detach_tail, "fuse_apart": e_fuse_apart, "delete_run": e_delete_run,
    "block_move": e_block_move, "list_transfer": e_list_transfer, "insert_new": e_insert_new,
}
KINDS = tuple(EDITS)
MIN_KINDS = 3


# --- generation ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Revision:
    """What `revise` makes: both sides, the truth, and the kinds of edit each copy received."""

    left: Declaration
    right: Declaration
    truth: Truth
    kinds: tuple[tuple[str, ...], ...]


def _seed_copy(blocks: list[Block], copy: int) -> list[_Para]:
    paras = []
    for k, b in enumerate(blocks):
        pid = f"para_{copy * len(blocks) + k + 1}"
        items = [_Unit(list(it), (f"{pid}__item_{m}",)) for m, it in enumerate(b.items, 1)]
        paras.append(_Para(_Unit(list(b.sentences), (pid,)), items, k))
    return paras


def _revise_copy(c: _Copy) -> tuple[str, ...]:
    drawn = c.rng.sample(KINDS, c.rng.randint(MIN_KINDS + 1, 6))
    done = [k for k in KINDS if k in drawn and EDITS[k](c)]
    for k in c.rng.sample(KINDS, len(KINDS)):  # top up to three kinds when some found no unit
        if len(done) >= MIN_KINDS:
            break
        if k not in done and EDITS[k](c):
            done.append(k)
    return tuple(sorted(done, key=KINDS.index))


def revise(blocks: list[Block], n: int, seed: int) -> Revision:
    """Left: `n` copies of `blocks`; right: each copy revised; the truth (see the docstring)."""
    rng = random.Random(seed)
    left = build_declaration("benchgen4-left", [b for _ in range(n) for b in blocks],
                             "Benchmark left (illustrative)")
    paras: list[_Para] = []
    kinds = []
    broken: frozenset[str] = frozenset()
    relocated: frozenset[str] = frozenset()
    for copy in range(n):
        c = _Copy(_seed_copy(blocks, copy), rng, broken, relocated)
        kinds.append(_revise_copy(c))
        paras.extend(c.paras)
        broken, relocated = frozenset(c.broken), frozenset(c.relocated)
    right = build_declaration("benchgen4-right",
                              [Block(p.unit.sentences, [it.sentences for it in p.items])
                               for p in paras], "Benchmark right (illustrative)")
    units = [u for p in paras for u in (p.unit, *p.items)]
    ids = [u.id for u in right.units()]
    raw, intent = _raw_truth(left, units, ids)
    return Revision(left, right, resolve(raw, intent, left, right), tuple(kinds))


def generate(blocks: list[Block], n: int, seed: int) -> tuple[Declaration, Declaration, Truth]:
    """Left: `n` copies of `blocks`; right: each copy revised; the truth (see the docstring)."""
    r = revise(blocks, n, seed)
    return r.left, r.right, r.truth


def _raw_truth(left: Declaration, units: list[_Unit], ids: list[str]) -> tuple[Truth, Truth]:
    """The relations by construction (1:1 pairs all ``moved`` until `resolve` orders them), and
    the generator's own reading of its moves as a prediction to break ties with."""
    truth: Truth = set()
    intent: Truth = set()
    splits: dict[str, list[str]] = {}
    lpos = {u.id: i for i, u in enumerate(left.units())}
    seen: set[str] = set()
    for u, rid in zip(units, ids, strict=True):
        seen.update(u.src)
        if u.kind == "added":
            truth.add(("added", (), (rid,)))
        elif u.kind == "merged":
            truth.add(("merged", tuple(sorted(u.src, key=lpos.__getitem__)), (rid,)))
        elif u.kind == "split":
            splits.setdefault(u.src[0], []).append(rid)
        else:
            truth.add(("moved", u.src, (rid,)))
            intent.add(("moved" if u.moved else "in order", u.src, (rid,)))
    truth.update(("split", (lid,), tuple(rids)) for lid, rids in splits.items())
    truth.update(("removed", (u.id,), ()) for u in left.units() if u.id not in seen)
    return truth, intent


# --- resolution and scoring ------------------------------------------------------------------


def _chain(pairs: list[tuple[int, int, int]]) -> set[int]:
    """Indices of a heaviest chain of `pairs` (left, right, weight) increasing on both sides
    (left and right positions distinct): a Fenwick tree of prefix maxima, O(n log n)."""
    size = max((r for _, r, _ in pairs), default=0) + 2
    val = [0] * (size + 1)
    arg = [-1] * (size + 1)
    best = [0] * len(pairs)
    back = [-1] * len(pairs)
    for i in sorted(range(len(pairs)), key=lambda k: pairs[k][0]):
        _, r, w = pairs[i]
        v, a, pos = 0, -1, r  # positions 1..r hold right positions 0..r-1
        while pos > 0:
            if val[pos] > v:
                v, a = val[pos], arg[pos]
            pos -= pos & -pos
        best[i], back[i] = v + w, a
        pos = r + 1
        while pos <= size:
            if best[i] > val[pos]:
                val[pos], arg[pos] = best[i], i
            pos += pos & -pos
    out: set[int] = set()
    i = max(range(len(pairs)), key=lambda k: (best[k], -k), default=-1)
    while i >= 0:
        out.add(i)
        i = back[i]
    return out


def resolve(truth: Truth, pred: Pred, left: Declaration, right: Declaration) -> Truth:
    """The truth with its 1:1 pairs relabelled by the longest in-order subsequence that agrees
    most with `pred` (every such subsequence is a defensible answer, see the docstring)."""
    lpos = {u.id: i for i, u in enumerate(left.units())}
    rpos = {u.id: i for i, u in enumerate(right.units())}
    ltext = {u.id: u.text for u in left.units()}
    rtext = {u.id: u.text for u in right.units()}
    ones = sorted((t for t in truth if t[0] in ONE_TO_ONE), key=lambda t: lpos[t[1][0]])
    stated = set(pred)
    labels = ["unchanged" if plain(ltext[t[1][0]]) == plain(rtext[t[2][0]]) else "reworded"
              for t in ones]
    heavy = 2 * len(ones) + 2  # any longer chain outweighs every difference in agreement
    weights = [heavy + ((lab, t[1], t[2]) in stated or ("in order", t[1], t[2]) in stated)
               - (("moved", t[1], t[2]) in stated) for t, lab in zip(ones, labels, strict=True)]
    chain = _chain([(lpos[t[1][0]], rpos[t[2][0]], w)
                    for t, w in zip(ones, weights, strict=True)])
    out = {t for t in truth if t[0] not in ONE_TO_ONE}
    out.update((lab if i in chain else "moved", t[1], t[2])
               for i, (t, lab) in enumerate(zip(ones, labels, strict=True)))
    return out


def _prf(tp: int, npred: int, ntrue: int) -> tuple[float, float, float, int]:
    p = tp / npred if npred else (1.0 if not ntrue else 0.0)
    r = tp / ntrue if ntrue else (1.0 if not npred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, ntrue


def score(pred: Pred, truth: Truth, left: Declaration, right: Declaration
          ) -> dict[str, tuple[float, float, float, int]]:
    """Precision, recall, F1 and support per relation and "overall", against the truth
    resolved towards `pred` (`resolve`)."""
    pred = set(pred)
    gold = resolve(truth, pred, left, right)
    out = {}
    for rel in RELATIONS:
        p = {t for t in pred if t[0] == rel}
        g = {t for t in gold if t[0] == rel}
        out[rel] = _prf(len(p & g), len(p), len(g))
    out["overall"] = _prf(len(pred & gold), len(pred), len(gold))
    return out
