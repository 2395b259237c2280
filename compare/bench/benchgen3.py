"""Third benchmark generator: revisions modelled on how negotiated texts change between drafts.

Part of the benchmark (not of the pipeline), written from the drafting angle rather than from the
aligner's. The left side is N copies of the seed's paragraphs (ids numbered through); the right
side revises every copy with a seeded `random.Random`, each copy drawing its own mix (at least
three kinds drawn) of: a clause split in two -- at a sentence boundary or at a coordinated "... and
<verb> ..." clause, the second half restarting with "They" or "The member states also" -- with one
or two new clauses inserted between the halves (``split_insert``); a split whose one half goes at
least three paragraphs away, past at least two untouched ones (``split_move``); two clauses at
least three paragraphs apart merged into one at the first one's place (``merge_apart``);
neighbouring paragraphs or list items swapped (``swap``); one to three clauses each reworded over
three to five accumulating small steps -- a synonym, an inserted qualifier or adverb, a dropped
adjective, a leading participial phrase moved to the end or a coordinated pair reordered -- each
step kept only while the clause still shares half its words, by difflib ratio (``reword_steps``);
renumbering (``renumber``: each copy numbered on, restarted, kept to the draft's numbers with
"bis"/"ter" for new paragraphs, or unnumbered, with list markers to match); the list turned into
one running sentence (``list_to_text``) and sentences or coordinated clauses turned into an intro
and a list (``text_to_list``); new paragraphs and list items in this module's own words
(``insert``); deleted paragraphs, lists and items (``delete``); and a paragraph moved past at least
three untouched ones, within its copy (``long_move``). Edits run in-place ones first, moves last,
then the rewording (which may touch split halves, merged and moved units). Both sides
``illustrative``.

Truth. Units are paragraphs (their own sentences: the intro for a list) and items. Every unit of
either side is in exactly one ``(relation, left ids, right ids)``: ``split`` is one left unit to
several right ones and ``merged`` several left to one right, the several ids in their own
document order (a list turned into a sentence is its intro and items ``merged``; the reverse is a
``split`` into the new intro and its items); ``removed`` and ``added`` have one side empty. A 1:1
pair is ``moved`` when it is out of the document order of the other 1:1 pairs: the moved pairs
are the complement of a longest subsequence of 1:1 pairs in order on both sides, the pairs in it
``unchanged`` when their `match_key` is equal and ``reworded`` otherwise. Paragraph numbers and
list markers are not text: a renumbered paragraph is ``unchanged``. Split and merged units do not
take part in the order (a pair is not moved for passing one).

Ambiguity. Where several longest in-order subsequences exist, each is a defensible answer: a swap
of neighbours (either one moved) is the common case; a paragraph moved past two that were also
swapped is another. `score` resolves the truth against the prediction (`resolve`): among the
longest subsequences it takes the one the prediction agrees with most, and scores against that;
answers with more moves than needed are not accepted. The truth `generate` returns takes the
generator's own moves among ties. Identical copies could offer other answers (a paragraph moved
to the end of its copy, read as the next copy's same paragraph, deleted there); the generator
rules these out: a seed paragraph moved in a copy (moved, swapped, its half moved away, or merged
into a paragraph elsewhere) is kept 1:1 in the neighbouring copies, and one not kept 1:1 in a
copy is not moved in the next. Moves and swaps take paragraphs without lists only (a list moves
with its items; its items may be swapped among themselves).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from ..alignment.normalize import match_key
from ..model import Declaration
from .benchgen import Block, build_declaration

Truth = set[tuple[str, tuple[str, ...], tuple[str, ...]]]
RELATIONS = ("unchanged", "reworded", "moved", "split", "merged", "removed", "added")
KINDS = ("split_insert", "split_move", "merge_apart", "swap", "reword_steps", "renumber",
         "list_to_text", "text_to_list", "insert", "delete", "long_move")
ONE_TO_ONE = ("unchanged", "reworded", "moved")

# --- this module's own words ---------------------------------------------------------------

NEW_CLAUSES = (
    "The member states agree to hold regular consultations of their experts on the safety of "
    "cross-border pipelines.",
    "The heads of state instruct the Council of Foreign Ministers to prepare a plan of joint "
    "measures against the smuggling of cultural property.",
    "The parties will exchange information on floods, earthquakes and other natural hazards "
    "through a common early warning network.",
    "The member states welcome the opening of a permanent forum of rectors of their technical "
    "universities.",
    "The heads of state agree that transit procedures at border crossings should be simplified "
    "on the basis of mutual recognition of documents.",
    "The member states intend to set up a working group on the protection of mountain glaciers "
    "and the rational use of water resources.",
    "The parties support holding a joint conference of young scientists every two years.",
    "The member states will draw up common rules for the exchange of statistical data on trade "
    "in agricultural products.",
    "The heads of state note the progress made in connecting the national railway networks of "
    "the region.",
    "The member states call for closer contacts between their customs services in the fight "
    "against counterfeit medicines.",
    "The parties agree to examine the possibility of a joint fund for small and medium-sized "
    "enterprises.",
    "The heads of state instruct the Secretariat to report on the implementation of this "
    "Declaration at their next meeting.",
)
NEW_ITEMS = (
    "take into account the specific conditions of landlocked countries;",
    "rule out the use of economic pressure as a means of settling disputes;",
    "strengthen confidence-building measures in military matters along common borders;",
    "ensure equal access of all states to the peaceful benefits of space research;",
)
SYNONYMS = {
    "cooperation": "interaction", "strengthening": "reinforcing", "efforts": "endeavours",
    "important": "significant", "note": "underline", "support": "back",
    "believe": "are convinced", "ensure": "secure", "threats": "dangers", "intend": "plan",
    "advocate": "call for", "consider": "deem", "promote": "advance", "express": "voice",
    "activities": "work", "problems": "issues", "urgent": "pressing", "role": "part",
    "reform": "renewal", "stability": "steadiness", "create": "build", "created": "built",
    "partners": "counterparts", "states": "countries", "settlement": "resolution",
}
QUALIFIERS = {
    "cooperation": "practical", "efforts": "concerted", "dialogue": "constructive",
    "development": "sustainable", "partnership": "long-term", "consultations": "regular",
    "measures": "effective", "interests": "legitimate", "assistance": "comprehensive",
    "problems": "pressing", "stability": "lasting", "approaches": "shared",
}
ADVERBS = ("firmly", "further", "actively", "jointly", "resolutely")
VERBS = ("stand", "support", "note", "call", "welcome", "express", "believe", "intend",
         "attach", "reiterate", "advocate", "consider", "develop", "promote", "reflect",
         "guarantee", "preserve", "cooperate")
DROPPABLE = ("effective", "effectively", "strict", "consistently", "special", "key", "possible",
             "closely", "genuine", "practical", "mutual", "respective", "rapid", "massive",
             "great", "full", "comprehensive", "broadest", "reliable", "universally", "global",
             "existing", "successful", "sustainable", "collective", "consistent")
SUBJECTS = ("The heads of the SCO member states", "The SCO Member States", "The SCO member states",
            "The heads of state", "The member states", "They")
SECOND_VERBS = ("consider", "welcome", "attach", "step up", "believe", "express", "support")
LEADS = ("Recognizing", "Expressing", "Within", "Guided", "Noting", "Reaffirming")


# --- rewording steps -------------------------------------------------------------------------


def _patterns(template: str, words: Iterable[str]) -> dict[str, re.Pattern[str]]:
    """One compiled pattern per word (`template` with {w} for the word)."""
    return {w: re.compile(template.replace("{w}", w)) for w in words}


# a qualifier goes only where no adjective precedes the noun (after a function word)
BEFORE_NOUN = r"\b(the |of |for |in |to |and |on |with |its |their |develop |promote )"
_SYN = _patterns(r"\b{w}\b", SYNONYMS)
_NOUN = _patterns(BEFORE_NOUN + r"{w}\b", QUALIFIERS)
_VERB = _patterns(r"(?<=[a-z] ){w}\b", VERBS)
_HAS_ADVERB = _patterns(rf"\b(?:{'|'.join(ADVERBS)}) {{w}}\b", VERBS)
_DROP = _patterns(r"(?<!\b[Aa] )(?<!\b[Aa]n )\b{w} ", DROPPABLE)
_LEAD = re.compile(rf"((?:{'|'.join(LEADS)})\b.*?), (the .*?)([.;:]?)$")
# "X and Y" swapped only where the pair ends a phrase (punctuation or a word that closes it)
PAIR = re.compile(r"\b([a-z]{4,}) and ([a-z]{4,})\b(?=[,.;]| (?:of|in|can|should|both|"
                  r"indivisible|development|security|conflicts|means|organizations|emergencies|"
                  r"states)\b)")
NOT_PAIRED = frozenset(("globally", "region", *QUALIFIERS.values(), *DROPPABLE, *ADVERBS))


def _present(s: str, patterns: dict[str, re.Pattern[str]]) -> list[str]:
    """The words of `patterns` whose pattern matches `s` (one scan for candidates first)."""
    words = set(_ANY_WORD.findall(s))
    return [w for w, pat in patterns.items() if w.split()[0] in words and pat.search(s)]


_ANY_WORD = re.compile(r"[A-Za-z]+")


def _swap_word(s: str, rng: random.Random) -> str | None:
    found = _present(s, _SYN)
    if not found:
        return None
    w = rng.choice(found)
    return _SYN[w].sub(SYNONYMS[w], s, count=1)


def _qualify(s: str, rng: random.Random) -> str | None:
    nouns = _present(s, _NOUN)
    verbs = [v for v in _present(s, _VERB) if not _HAS_ADVERB[v].search(s)]
    if nouns and (not verbs or rng.random() < 0.5):
        n = rng.choice(nouns)
        return _NOUN[n].sub(rf"\1{QUALIFIERS[n]} {n}", s, count=1)
    if verbs:
        v = rng.choice(verbs)
        return _VERB[v].sub(f"{rng.choice(ADVERBS)} {v}", s, count=1)
    return None


def _drop(s: str, rng: random.Random) -> str | None:
    found = _present(s, _DROP)
    if not found:
        return None
    return _DROP[rng.choice(found)].sub("", s, count=1)


def _reorder(s: str, rng: random.Random) -> str | None:
    m = _LEAD.match(s)
    if m and rng.random() < 0.6:
        lead, rest, end = m.groups()
        return f"{rest[0].upper()}{rest[1:]}, {lead[0].lower()}{lead[1:]}{end or '.'}"
    pairs = [m for m in PAIR.finditer(s) if not {m.group(1), m.group(2)} & NOT_PAIRED]
    if not pairs:
        return None
    p = rng.choice(pairs)
    return f"{s[:p.start()]}{p.group(2)} and {p.group(1)}{s[p.end():]}"


STEPS: tuple[Callable[[str, random.Random], str | None], ...] = (_swap_word, _qualify, _drop,
                                                                  _reorder)
FLOOR = 0.5  # a reworded clause keeps at least this share of its words (difflib ratio)


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, match_key(a).split(), match_key(b).split(),
                           autojunk=False).ratio()


def reword_steps(sentence: str, rng: random.Random, steps: int) -> str:
    """`sentence` after up to `steps` accumulating small edits, each kept while the result still
    shares `FLOOR` of the original's words; the result's match_key differs when any applied."""
    out = sentence
    for _ in range(steps):
        ops = list(STEPS)
        rng.shuffle(ops)
        for op in ops:
            new = op(out, rng)
            if new and match_key(new) != match_key(out) and similarity(sentence, new) >= FLOOR:
                out = new
                break
    return out


# --- clause splitting ------------------------------------------------------------------------


def clause_split(sentence: str) -> tuple[str, str, str] | None:
    """(subject, first clause, second clause) of "Subject verb1 ... and verb2 ...", or None."""
    subj = next((s for s in SUBJECTS if sentence.startswith(s + " ")), None)
    if subj is None:
        return None
    m = re.search(rf" and ({'|'.join(SECOND_VERBS)})\b", sentence)
    if m is None:
        return None
    first = sentence[len(subj) + 1:m.start()]
    return subj, first, sentence[m.start() + 5:]


def halves(sentences: list[str], rng: random.Random) -> tuple[list[str], list[str]] | None:
    """Two parts of a paragraph: at a sentence boundary, or at a coordinated clause."""
    if len(sentences) > 1:
        k = rng.randrange(1, len(sentences))
        return sentences[:k], sentences[k:]
    parts = clause_split(sentences[0])
    if parts is None:
        return None
    subj, first, second = parts
    return [f"{subj} {first}."], [f"{rng.choice(('They', 'The member states also'))} {second}"]


# --- the copy being revised --------------------------------------------------------------------

Src = tuple[str, tuple[str, ...]]  # ("keep" | "split" | "merge" | "new", left ids)


@dataclass(eq=False)
class _Unit:
    sentences: list[str]
    src: Src
    moved: bool = False  # the generator moved it (a preference between equally short truths)


@dataclass(eq=False)
class _Para:
    head: _Unit
    items: list[_Unit] = field(default_factory=list)
    seed: int | None = None  # the seed paragraph it still is, untouched, or None
    number: str | None = None  # the left number it keeps under the "bis" style


@dataclass
class _Copy:
    rng: random.Random
    paras: list[_Para]
    avoid_move: set[int]  # seed paragraphs not kept 1:1 in the previous copy
    avoid_touch: set[int]  # seed paragraphs moved in the previous copy
    kinds: set[str] = field(default_factory=set)
    moved: set[int] = field(default_factory=set)
    disturbed: set[int] = field(default_factory=set)

    def plain(self, *, moving: bool = False, lists: bool = False) -> list[int]:
        """Positions of untouched seed paragraphs (not the chapeau) open to an edit."""
        out = []
        for i, p in enumerate(self.paras):
            if p.seed in (None, 0) or (bool(p.items) != lists):
                continue
            if p.seed in self.avoid_touch or (moving and p.seed in self.avoid_move):
                continue
            out.append(i)
        return out

    def take(self, i: int, moving: bool = False) -> _Para:
        p = self.paras[i]
        assert p.seed is not None
        (self.moved if moving else self.disturbed).add(p.seed)
        self.disturbed.add(p.seed)
        p.seed = None
        return p


def _new(text: list[str]) -> _Unit:
    return _Unit(list(text), ("new", ()))


def _far(c: _Copy, i: int, gap: int = 3) -> list[int]:
    """Insertion points at least `gap` positions from `i`, past the chapeau."""
    return [j for j in range(1, len(c.paras) + 1) if abs(j - i) > gap]


def _jumped_plain(c: _Copy, i: int, j: int) -> int:
    """How many untouched paragraphs a paragraph at `i` passes when it goes before `j`."""
    span = c.paras[i + 1:j] if j > i else c.paras[j:i]
    return sum(1 for p in span if p.head.src[0] == "keep" and p.seed is not None)


def e_split_insert(c: _Copy) -> bool:
    for i in c.rng.sample(c.plain(), len(c.plain())):
        parts = halves(c.paras[i].head.sentences, c.rng)
        if parts:
            p = c.take(i)
            src: Src = ("split", p.head.src[1])
            new = [_Para(_new([s])) for s in c.rng.sample(NEW_CLAUSES, c.rng.choice((1, 1, 2)))]
            c.paras[i:i + 1] = [_Para(_Unit(parts[0], src), number=p.number), *new,
                                _Para(_Unit(parts[1], src))]
            return True
    return False


def e_split_move(c: _Copy) -> bool:
    for i in c.rng.sample(c.plain(moving=True), len(c.plain(moving=True))):
        parts = halves(c.paras[i].head.sentences, c.rng)
        targets = [j for j in _far(c, i) if _jumped_plain(c, i, j) >= 2]
        if parts and targets:
            p = c.take(i, moving=True)
            src: Src = ("split", p.head.src[1])
            stay, away = (parts if c.rng.random() < 0.5 else parts[::-1])
            j = c.rng.choice(targets)
            c.paras.insert(j, _Para(_Unit(away, src)))
            c.paras[c.paras.index(p)] = _Para(_Unit(stay, src), number=p.number)
            return True
    return False


def e_merge_apart(c: _Copy) -> bool:
    firsts = c.plain()
    c.rng.shuffle(firsts)
    for i in firsts:
        others = [j for j in c.plain(moving=True) if abs(j - i) >= 3]
        if others:
            j = c.rng.choice(others)
            a, b = c.take(i), c.take(j, moving=True)
            ids = tuple(sorted(a.head.src[1] + b.head.src[1], key=_id_order))
            sents = a.head.sentences + b.head.sentences
            c.paras[i] = _Para(_Unit(sents, ("merge", ids)), number=a.number)
            c.paras.remove(b)
            return True
    return False


def e_swap(c: _Copy) -> bool:
    pl = c.plain(moving=True)
    adjacent = [i for i in pl if i + 1 in pl]
    lists = [i for i in c.plain(lists=True) if len(c.paras[i].items) > 1]
    if lists and (not adjacent or c.rng.random() < 0.3):
        items = c.paras[lists[0]].items
        k = c.rng.randrange(len(items) - 1)
        items[k], items[k + 1] = items[k + 1], items[k]
        items[k].moved = True
        c.take(lists[0], moving=True)
        return True
    if not adjacent:
        return False
    i = c.rng.choice(adjacent)
    a, b = c.take(i, moving=True), c.take(i + 1, moving=True)
    c.paras[i], c.paras[i + 1] = b, a
    c.rng.choice((a, b)).head.moved = True
    return True


def e_long_move(c: _Copy) -> bool:
    for i in c.rng.sample(c.plain(moving=True), len(c.plain(moving=True))):
        targets = [j for j in _far(c, i) if _jumped_plain(c, i, j) >= 3]
        if targets:
            j = c.rng.choice(targets)
            p = c.take(i, moving=True)
            p.head.moved = True
            c.paras.insert(j - 1 if j > i else j, c.paras.pop(i))
            return True
    return False


def e_insert(c: _Copy) -> bool:
    for _ in range(c.rng.choice((1, 1, 2))):
        c.paras.insert(c.rng.randrange(1, len(c.paras) + 1), _Para(_new([c.rng.choice(
            NEW_CLAUSES)])))
    lists = c.plain(lists=True)
    if lists and c.rng.random() < 0.5:
        items = c.paras[lists[0]].items
        items.insert(c.rng.randrange(len(items) + 1), _new([c.rng.choice(NEW_ITEMS)]))
        c.take(lists[0])
    return True


def e_delete(c: _Copy) -> bool:
    lists = c.plain(lists=True)
    if lists and c.rng.random() < 0.4:
        items = c.paras[lists[0]].items
        del items[c.rng.randrange(len(items))]
        c.take(lists[0])
        return True
    pool = c.plain() + (lists if c.rng.random() < 0.2 else [])
    if not pool:
        return False
    i = c.rng.choice(pool)
    c.take(i)
    del c.paras[i]
    return True


def e_list_to_text(c: _Copy) -> bool:
    lists = c.plain(lists=True)
    if not lists:
        return False
    p = c.take(lists[0])
    intro = p.head.sentences[-1].rstrip(":")
    texts = [" ".join(it.sentences).rstrip(";.") for it in p.items]
    body = "; ".join(texts[:-1]) + ("; and " if len(texts) > 1 else "") + texts[-1] + "."
    ids = p.head.src[1] + tuple(i for it in p.items for i in it.src[1])
    sents = [*p.head.sentences[:-1], f"{intro} {body}"]
    c.paras[lists[0]] = _Para(_Unit(sents, ("merge", ids)), number=p.number)
    return True


def e_text_to_list(c: _Copy) -> bool:
    for i in c.rng.sample(c.plain(), len(c.plain())):
        sents = c.paras[i].head.sentences
        parts = clause_split(sents[0]) if len(sents) == 1 else None
        if len(sents) > 1:
            intro, items = [sents[0].rstrip(".") + ":"], [[s.rstrip(".") + ";"] for s in sents[1:]]
        elif parts:
            intro, items = [f"{parts[0]}:"], [[parts[1] + ";"], [parts[2]]]
        else:
            continue
        items[-1] = [items[-1][0].rstrip(";.") + "."]
        p = c.take(i)
        src: Src = ("split", p.head.src[1])
        c.paras[i] = _Para(_Unit(intro, src), [_Unit(t, src) for t in items], number=p.number)
        return True
    return False


def e_reword(c: _Copy) -> bool:
    units = [u for p in c.paras if p.seed != 0 for u in (p.head, *p.items) if u.src[0] != "new"]
    done = False
    for u in c.rng.sample(units, min(len(units), c.rng.choice((1, 2, 2, 3)))):
        k = c.rng.randrange(len(u.sentences))
        new = reword_steps(u.sentences[k], c.rng, c.rng.randint(3, 5))
        done = done or match_key(new) != match_key(u.sentences[k])
        u.sentences[k] = new
    return done


EDITS: dict[str, Callable[[_Copy], bool]] = {
    "split_insert": e_split_insert, "merge_apart": e_merge_apart, "text_to_list": e_text_to_list,
    "list_to_text": e_list_to_text, "delete": e_delete, "insert": e_insert,
    "split_move": e_split_move, "long_move": e_long_move, "swap": e_swap,
    "reword_steps": e_reword,
}
ORDER = tuple(EDITS)  # in-place edits first, then the moves, then the rewording


def _id_order(uid: str) -> tuple[int, int]:
    m = re.fullmatch(r"para_(\d+)(?:__item_(\d+))?", uid)
    assert m, uid
    return int(m.group(1)), int(m.group(2) or 0)


# --- one copy, the documents, the truth ------------------------------------------------------

RATES = {"reword_steps": 0.8, "list_to_text": 0.3, "text_to_list": 0.4}
STYLES = ("continue", "restart", "bis", "none")
MARKERS: dict[str, Callable[[int], str | None]] = {
    "continue": lambda m: f"{chr(ord('a') + m % 26)})", "restart": lambda m: f"({m + 1})",
    "bis": lambda m: None, "none": lambda m: "-",
}  # how a numbering style marks list items (the left's items have no marker)
SUFFIXES = ("bis", "ter", "quater", "quinquies", "sexies")


def _seed_copy(blocks: list[Block], ids: list[tuple[str, list[str]]], numbers: list[str | None]
               ) -> list[_Para]:
    return [_Para(_Unit(list(b.sentences), ("keep", (pid,))),
                  [_Unit(list(it), ("keep", (iid,)))
                   for it, iid in zip(b.items, iids, strict=True)],
                  seed=i, number=num)
            for i, (b, (pid, iids), num) in enumerate(zip(blocks, ids, numbers, strict=True))]


def revise_copy(paras: list[_Para], rng: random.Random, prev: _Copy | None) -> _Copy:
    """One copy's revision: a random mix of edits, applied in-place ones first, moves last."""
    c = _Copy(rng, paras, prev.disturbed if prev else set(), prev.moved if prev else set())
    chosen = [k for k in ORDER if rng.random() < RATES.get(k, 0.5)]
    while len(chosen) < 3:
        extra = rng.choice(ORDER)
        chosen = [k for k in ORDER if k in chosen or k == extra]
    for kind in chosen:
        if EDITS[kind](c):
            c.kinds.add(kind)
    return c


def _number(paras: list[_Para], style: str, start: int) -> list[str | None]:
    if style == "none":
        return [None] * len(paras)
    if style != "bis":
        return [str(n) for n in range(start, start + len(paras))]
    out: list[str | None] = []
    base, extra = "0", 0
    for p in paras:
        if p.number is not None:
            base, extra = p.number, 0
            out.append(p.number)
        else:
            out.append(f"{base} {SUFFIXES[min(extra, len(SUFFIXES) - 1)]}")
            extra += 1
    return out


def _left(blocks: list[Block], n: int) -> Declaration:
    copies = [Block(list(b.sentences), [list(it) for it in b.items]) for _ in range(n)
              for b in blocks]
    return build_declaration("bench3-left", copies, "Seed copies (benchgen3, left)")


def _right(copies: list[_Copy], rng: random.Random) -> tuple[Declaration, list[_Unit]]:
    blocks, numbers, units, markers = [], [], [], []
    count = 1
    for c in copies:
        style = rng.choice(STYLES)
        numbers += _number(c.paras, style, count if style == "continue" else 1)
        count += len(c.paras)
        for p in c.paras:
            blocks.append(Block(p.head.sentences, [it.sentences for it in p.items]))
            units += [p.head, *p.items]
            markers.append(MARKERS[style])
    decl = build_declaration("bench3-right", blocks, "Revised copies (benchgen3, right)")
    paras = tuple(
        replace(p, number=num, items=tuple(replace(it, number=mark(m)) for m, it in
                                           enumerate(p.items)))
        for p, num, mark in zip(decl.paragraphs, numbers, markers, strict=True))
    return replace(decl, paragraphs=paras), units


def generate_logged(blocks: list[Block], n: int, seed: int
                    ) -> tuple[Declaration, Declaration, Truth, list[set[str]]]:
    """`generate`, with the edit kinds each copy received (for tests and the docstring's claims)."""
    rng = random.Random(f"benchgen3:{n}:{seed}")
    left = _left(blocks, n)
    lparas = left.paragraphs
    copies: list[_Copy] = []
    for k in range(n):
        own = lparas[k * len(blocks):(k + 1) * len(blocks)]
        ids = [(p.id, [it.id for it in p.items]) for p in own]
        paras = _seed_copy(blocks, ids, [p.number for p in own])
        copies.append(revise_copy(paras, rng, copies[-1] if copies else None))
    right, units = _right(copies, rng)
    truth = _truth(left, right, units)
    kinds = [c.kinds for c in copies]
    renumbered = _renumbered(left, right, units)
    for k in range(n):
        if renumbered & {p.id for p in lparas[k * len(blocks):(k + 1) * len(blocks)]}:
            kinds[k].add("renumber")
    return left, right, truth, kinds


def generate(blocks: list[Block], n: int, seed: int) -> tuple[Declaration, Declaration, Truth]:
    """Left: `n` copies of `blocks`; right: each copy revised; the truth (see the docstring)."""
    left, right, truth, _ = generate_logged(blocks, n, seed)
    return left, right, truth


def _renumbered(left: Declaration, right: Declaration, units: list[_Unit]) -> set[str]:
    """Left paragraphs kept 1:1 whose number differs on the right."""
    lnum = {p.id: p.number for p in left.paragraphs}
    src = dict(zip((u.id for u in right.units()), units, strict=True))
    return {src[p.id].src[1][0] for p in right.paragraphs
            if src[p.id].src[0] == "keep" and lnum[src[p.id].src[1][0]] != p.number}


def _truth(left: Declaration, right: Declaration, units: list[_Unit]) -> Truth:
    truth: Truth = set()
    splits: dict[str, list[str]] = {}
    ones: list[tuple[str, str, int]] = []
    for r, u in zip(right.units(), units, strict=True):
        kind, ids = u.src
        if kind == "new":
            truth.add(("added", (), (r.id,)))
        elif kind == "merge":
            truth.add(("merged", ids, (r.id,)))
        elif kind == "split":
            splits.setdefault(ids[0], []).append(r.id)
        else:
            ones.append((ids[0], r.id, -1 if u.moved else 0))
    truth |= {("split", (lid,), tuple(rids)) for lid, rids in splits.items()}
    truth |= _order(ones, left, right)
    used = {i for _, lids, _ in truth for i in lids}
    truth |= {("removed", (u.id,), ()) for u in left.units() if u.id not in used}
    return truth


def _order(ones: list[tuple[str, str, int]], left: Declaration, right: Declaration) -> Truth:
    """Label 1:1 pairs (left id, right id, weight): the longest in-order subsequence (most
    weight among equally long ones) unchanged or reworded by text, the others moved."""
    lunits = {u.id: (i, u.text) for i, u in enumerate(left.units())}
    runits = {u.id: (i, u.text) for i, u in enumerate(right.units())}
    pos = [(lunits[lid][0], runits[rid][0]) for lid, rid, _ in ones]
    keep = longest_in_order(pos, [w for _, _, w in ones])
    out: Truth = set()
    for i, (lid, rid, _) in enumerate(ones):
        same = match_key(lunits[lid][1]) == match_key(runits[rid][1])
        out.add(("moved" if i not in keep else "unchanged" if same else "reworded", (lid,), (rid,)))
    return out


def longest_in_order(pos: list[tuple[int, int]], weights: list[int]) -> set[int]:
    """Indices of a longest subsequence increasing on both sides, of most weight among the
    longest (a Fenwick tree over right positions: O(k log k))."""
    if not pos:
        return set()
    rank = {r: k + 1 for k, r in enumerate(sorted(r for _, r in pos))}
    size = len(pos)
    tree: list[tuple[int, int, int]] = [(0, 0, -1)] * (size + 1)
    back = [-1] * size
    for i in sorted(range(size), key=lambda i: pos[i][0]):
        r, best = rank[pos[i][1]], (0, 0, -1)
        x = r - 1
        while x > 0:
            best = max(best, tree[x])
            x -= x & -x
        back[i] = best[2]
        val = (best[0] + 1, best[1] + weights[i], i)
        x = r
        while x <= size:
            tree[x] = max(tree[x], val)
            x += x & -x
    out, i = set(), max(tree)[2]
    while i >= 0:
        out.add(i)
        i = back[i]
    return out


# --- scoring ---------------------------------------------------------------------------------

Pred = Iterable[tuple[str, tuple[str, ...], tuple[str, ...]]]


def resolve(truth: Truth, pred: Pred, left: Declaration, right: Declaration) -> Truth:
    """The truth with its 1:1 pairs relabelled by the longest in-order subsequence that agrees
    most with `pred` (every such subsequence is a defensible answer, see the docstring)."""
    said = set(pred)
    fixed = {t for t in truth if t[0] not in ONE_TO_ONE}
    ones = sorted((t[1][0], t[2][0]) for t in truth if t[0] in ONE_TO_ONE)
    ltext = {u.id: u.text for u in left.units()}
    rtext = {u.id: u.text for u in right.units()}
    weighted = []
    for lid, rid in ones:
        label = "unchanged" if match_key(ltext[lid]) == match_key(rtext[rid]) else "reworded"
        agree = int((label, (lid,), (rid,)) in said) - int(("moved", (lid,), (rid,)) in said)
        weighted.append((lid, rid, agree))
    return fixed | _order(weighted, left, right)


def score(pred: Pred, truth: Truth, left: Declaration, right: Declaration
          ) -> dict[str, tuple[float, float, float, int]]:
    """Precision, recall, F1 and support per relation and "overall", against the truth
    resolved towards `pred` (`resolve`)."""
    said = {(str(r), tuple(lids), tuple(rids)) for r, lids, rids in pred}
    want = resolve(truth, said, left, right)
    out = {rel: _prf({t for t in said if t[0] == rel}, {t for t in want if t[0] == rel})
           for rel in RELATIONS}
    out["overall"] = _prf(said, want)
    return out


def _prf(said: Truth, want: Truth) -> tuple[float, float, float, int]:
    tp = len(said & want)
    p = tp / len(said) if said else 1.0
    r = tp / len(want) if want else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, len(want)
