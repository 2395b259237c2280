"""Hand-built alignments for the report tests (no dependency on the aligner or the analyser).

`sample_alignment()` holds one pair of every relation, a list with items, a changed commitment
of each kind, entity changes, an invisible character in a change, and hostile clause text.
`synthetic_alignment(n)` is n paragraphs a side with the same mix, for timing.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import replace

from compare.model import (
    Alignment,
    Commitment,
    CommitmentChange,
    Declaration,
    Diff,
    EntityChange,
    Item,
    Meeting,
    Meta,
    Pair,
    Paragraph,
    Relation,
    Sentence,
    SentencePair,
)

HOSTILE = "</script><script>alert(1)</script> \"'<>& {{7*7}} {% if %} | `code` # not a heading"


def word_diff(left: str, right: str) -> Diff:
    """A lossless word diff (difflib over words and spaces), good enough for fixtures."""
    a, b = re.findall(r"\s+|\S+", left), re.findall(r"\s+|\S+", right)
    out: list[tuple[int, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append((0, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append((-1, "".join(a[i1:i2])))
        if j2 > j1:
            out.append((1, "".join(b[j1:j2])))
    return tuple(out)


def para(pid: str, *texts: str, items: tuple[str, ...] = ()) -> Paragraph:
    sentences = tuple(Sentence(f"{pid}__s_{k}", t) for k, t in enumerate(texts, 1))
    its = tuple(
        Item(f"{pid}__item_{m}", None, (Sentence(f"{pid}__item_{m}__s_1", t),))
        for m, t in enumerate(items, 1)
    )
    return Paragraph(pid, pid.split("_")[-1], sentences, its)


def meta(did: str, title: str, status: str) -> Meta:
    return Meta(
        id=did,
        title=title,
        kind="declaration",
        meeting=Meeting("Council of Heads of State", "Testville", "2001-02-03"),
        status=status,
        version_label="test text",
        version_of="test-adopted",
    )


LEFT = Declaration(
    meta("test-draft", "Test Declaration (illustrative draft)", "illustrative"),
    (
        para("para_1", "The member states declare the following."),
        para("para_2", "The member states will cooperate closely on water."),
        para("para_3", "Trade shall grow. Transport links will be built."),
        para("para_4", "The parties note the report."),
        para("para_5", "They welcome the plan."),
        para("para_6", "The heads of state support the regional treaty."),
        para("para_7", "This paragraph was dropped from the adopted text."),
        para("para_8", "The states advocate a security architecture that will:",
             items=("reflect the balance of interests;", "guarantee each state its path;")),
        para("para_9", "Hostile text: " + HOSTILE),
    ),
)

RIGHT = Declaration(
    meta("test-adopted", "Test Declaration", "adopted"),
    (
        para("para_1", "The member states declare the following."),
        para("para_2", "The member states intend to cooperate on water."),
        para("para_3", "Trade shall grow."),
        para("para_4", "Transport links will be built."),
        para("para_5", "The parties note the report. They welcome the plan."),
        para("para_6", "The states advocate a security architecture that will:",
             items=("reflect the balance of interests;",
                    "guarantee each state its own\u202e path;")),
        para("para_7", "The heads of state support the regional treaty."),
        para("para_8", "A new paragraph names the United Nations."),
        para("para_9", "Hostile text: " + HOSTILE + " <b>bold</b>"),
    ),
)


def _pair(rel: Relation, left: tuple[str, ...], right: tuple[str, ...], sim: float,
          notes: tuple[str, ...] = ()) -> Pair:
    lu = {u.id: u.text for u in LEFT.units()}
    ru = {u.id: u.text for u in RIGHT.units()}
    ltext, rtext = " ".join(lu[i] for i in left), " ".join(ru[i] for i in right)
    diff = word_diff(ltext, rtext) if ltext != rtext else ((0, ltext),)
    if not left:
        diff = ((1, rtext),)
    if not right:
        diff = ((-1, ltext),)
    return Pair(rel, left, right, sim, diff, notes)


def _commitment(side: str, sentence: str, text: str, phrase: str, force: int, level: str,
                hedges: tuple[str, ...] = ()) -> Commitment:
    unit = sentence.split("__s_")[0]
    return Commitment(sentence, unit, text, "member states", phrase, "cooperate", force, level,
                      force, False, hedges)


def sample_alignment() -> Alignment:
    r = Relation
    pairs = (
        _pair(r.UNCHANGED, ("para_1",), ("para_1",), 1.0),
        replace(
            _pair(r.REWORDED, ("para_2",), ("para_2",), 0.7142857),
            sentences=(
                SentencePair(r.REWORDED, "para_2__s_1", "para_2__s_1", 0.71,
                             word_diff(LEFT.paragraphs[1].text, RIGHT.paragraphs[1].text)),
            ),
        ),
        _pair(r.SPLIT, ("para_3",), ("para_3", "para_4"), 0.97),
        _pair(r.MERGED, ("para_4", "para_5"), ("para_5",), 1.0),
        _pair(r.REMOVED, ("para_7",), (), 0.0),
        _pair(r.UNCHANGED, ("para_8",), ("para_6",), 1.0),
        _pair(r.UNCHANGED, ("para_8__item_1",), ("para_6__item_1",), 1.0),
        _pair(r.REWORDED, ("para_8__item_2",), ("para_6__item_2",), 0.8,
              ("invisible-characters",)),
        _pair(r.MOVED, ("para_6",), ("para_7",), 1.0),
        _pair(r.ADDED, (), ("para_8",), 0.0),
        _pair(r.REWORDED, ("para_9",), ("para_9",), 0.9),
    )
    will = _commitment("left", "para_2__s_1", LEFT.paragraphs[1].text, "will", 5, "binding")
    intend = _commitment("right", "para_2__s_1", RIGHT.paragraphs[1].text, "intend to", 4,
                         "intention")
    support = _commitment("right", "para_7__s_1", RIGHT.paragraphs[6].text, "support", 3,
                          "support")
    commitments = (
        CommitmentChange("softened", will, intend, ("will \u2192 intend to",)),
        CommitmentChange("unchanged", replace(support, sentence="para_6__s_1", unit="para_6"),
                         support),
        CommitmentChange("dropped", _commitment("left", "para_7__s_1", "This paragraph was "
                                                "dropped from the adopted text.", "was", 1,
                                                "note"), None),
        CommitmentChange("added", None, _commitment("right", "para_8__s_1",
                                                    RIGHT.paragraphs[7].text, "names", 2,
                                                    "recognise")),
    )
    entities = (EntityChange("United Nations", "organisation", "newly named", ("para_8",)),)
    return Alignment(LEFT, RIGHT, pairs, commitments, entities)


def synthetic_alignment(n: int) -> Alignment:
    """n paragraphs a side: every fifth reworded, one in fifty removed/added, some moved."""
    words = "the member states will continue to promote dialogue on energy issues and trade"
    base = words.split()
    lpar, rpar, pairs = [], [], []
    for i in range(1, n + 1):
        text = " ".join(base[(i + k) % len(base)] for k in range(40)) + f" clause {i}."
        lpar.append(para(f"para_{i}", text))
        if i % 50 == 0:
            pairs.append(Pair(Relation.REMOVED, (f"para_{i}",), (), 0.0, ((-1, text),)))
            continue
        new = text.replace(" will ", " intend to ", 1) if i % 5 == 0 else text
        rid = f"para_{len(rpar) + 1}"
        rpar.append(para(rid, new))
        rel = Relation.REWORDED if new != text else Relation.UNCHANGED
        rel = Relation.MOVED if i % 97 == 0 else rel
        diff = word_diff(text, new) if new != text else ((0, text),)
        pairs.append(Pair(rel, (f"para_{i}",), (rid,), 0.95 if new != text else 1.0, diff))
    left = Declaration(meta("synthetic-left", "Synthetic left", "illustrative"), tuple(lpar))
    right = Declaration(meta("synthetic-right", "Synthetic right", "illustrative"), tuple(rpar))
    return Alignment(left, right, tuple(pairs))


# --- unseen inputs: other languages, scripts, sizes and metadata, through the real pipeline ---
# Every text below was written for these tests (illustrative); none is an SCO text.


def doc(did: str, paragraphs: list[str], language: str = "en", status: str = "illustrative",
        title: str | None = None, full_meta: bool = True) -> Declaration:
    """A declaration of one-sentence-or-more paragraphs ("|" separates sentences)."""
    paras = tuple(para(f"para_{i}", *text.split("|")) for i, text in enumerate(paragraphs, 1))
    if not full_meta:
        return Declaration(Meta(id=did, language=language, status=status), paras)
    m = replace(meta(did, title if title is not None else f"Illustrative {did}", status),
                language=language)
    return Declaration(m, paras)


RUSSIAN = (
    [
        "Государства-члены заявляют о следующем.",  # noqa: RUF001
        "Государства-члены будут тесно сотрудничать в области водных ресурсов.",
        "Стороны приветствуют план развития транспорта.",
        "Этот абзац был исключён из окончательного текста.",
        "Главы государств поддерживают региональный договор.",
    ],
    [
        "Государства-члены заявляют о следующем.",  # noqa: RUF001
        "Государства-члены намерены сотрудничать в области водных ресурсов и энергетики.",
        "Стороны приветствуют план развития транспорта.",
        "Главы государств поддерживают региональный договор.",
        "Стороны поддерживают создание новых торговых маршрутов.",
    ],
)

CHINESE = (
    [
        "成员国声明如下。",
        "成员国将在水资源领域密切合作。",
        "各方欢迎交通发展计划。",
        "本段已从最终文本中删除。",
        "各国元首支持地区条约。|各方将定期举行会晤。",
    ],
    [
        "成员国声明如下。",
        "成员国愿在水资源和能源领域开展合作。",
        "各方欢迎交通发展计划，并支持其实施。",  # noqa: RUF001
        "各国元首支持地区条约。|各方将每年举行会晤。",
        "各方支持建立新的贸易路线。",
    ],
)

RTL = (
    [
        "The parties welcome the delegation of the League (جامعة الدول العربية) as guests.",
        "الدول الأعضاء تعلن ما يلي.",
        "The member states will meet again next year.",
    ],
    [
        "The parties welcome the delegation of the League (جامعة الدول العربية) as observers.",
        "الدول الأعضاء تعلن ما يلي بوضوح.",
        "The member states will meet again next year.",
    ],
)


def long_paragraph(n: int, every: int) -> tuple[str, str]:
    """One paragraph of n sentences, and a copy with every `every`-th sentence reworded."""
    left = [f"Sentence {i} of the long clause says the member states will cooperate on item {i}."
            for i in range(1, n + 1)]
    right = [s.replace(" will cooperate ", " intend to cooperate closely ") if i % every == 0
             else s for i, s in enumerate(left, 1)]
    return "|".join(left), "|".join(right)


def pipeline(left: Declaration, right: Declaration) -> Alignment:
    """Align and analyse as `scodiff report` does."""
    from compare.alignment.aligner import align
    from compare.commitments import analyse

    return analyse(align(left, right))


def unseen_cases() -> dict[str, tuple[Declaration, Declaration]]:
    """Named pairs of declarations the report was not written against."""
    lp, rp = long_paragraph(400, 7)
    english = ["The member states declare the following.",
               "The member states will cooperate closely on water.",
               "The parties welcome the plan."]
    other = ["Trade routes across the region are the subject of this text.",
             "Nothing here repeats the other document.",
             "Every clause is new."]
    return {
        "russian": (doc("ru-left", RUSSIAN[0], "ru"), doc("ru-right", RUSSIAN[1], "ru")),
        "chinese": (doc("zh-left", CHINESE[0], "zh"), doc("zh-right", CHINESE[1], "zh")),
        "rtl": (doc("rtl-left", RTL[0]), doc("rtl-right", RTL[1])),
        "long-paragraph": (doc("long-left", [lp]), doc("long-right", [rp])),
        "nothing-in-common": (doc("common-left", english), doc("common-right", other)),
        "empty-right": (doc("empty-left", english), doc("empty-right", [])),
        "identical": (doc("same-left", english), doc("same-left", english)),
        "no-metadata": (doc("bare-left", english, full_meta=False),
                        doc("bare-right", [*english[:2], "The parties note the plan."],
                            full_meta=False)),
        "both-draft": (doc("draft-a", english, status="draft"),
                       doc("draft-b", english[::-1], status="draft")),
    }
