# ruff: noqa: RUF001, RUF002 -- Chinese full-width punctuation and Cyrillic letters are meant here
"""A short label ending in a colon over a few numbered entries, in English, Russian and Chinese.

A declaration may set a list under a label rather than a sentence ("Key sectors:", "重点合作领域：",
"Главные задачи:"): the label is the paragraph's intro and the entries are its items, so that a
version adding an entry reads as an item added, not as a heading changed over the paragraph
under the list. A contents list ("Contents:" over the titles of the parts, printed again further
down as the parts' own headings) is no such list: under the title it is front matter, as a
contents list with dot leaders is; after running text it keeps today's shape. A numbered heading
standing alone over its paragraph ("1. General provisions") stays a heading. Every text here is
illustrative, written for these tests.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from compare.ingest import importer as ingest
from compare.model import Declaration


class Labelled(NamedTuple):
    title: str
    opening: str
    label: str
    entries: tuple[str, ...]
    after: str
    closing: str


EN = Labelled(
    title="Joint Statement of the Ministers of Agriculture of the Member States of the "
          "Shanghai Cooperation Organisation",
    opening="The Ministers of Agriculture of the Member States met in Samarkand on 3 June 2320 "
            "and reviewed the harvest of the past season.",
    label="Key sectors:",
    entries=("Grain", "Irrigation", "Orchards and vineyards"),
    after="The Member States will set up a working group for each of these sectors and shall "
          "hear its report at the next meeting of Ministers.",
    closing="Done at Samarkand on 3 June 2320 in the Chinese and Russian languages.",
)
RU = Labelled(
    title="Совместное заявление министров сельского хозяйства государств-членов Шанхайской "
          "организации сотрудничества",
    opening="Министры сельского хозяйства государств-членов провели встречу в Самарканде "
            "3 июня 2320 года и обсудили итоги прошедшего сезона.",
    label="Главные задачи:",
    entries=("Зерно", "Орошение", "Сады и виноградники"),
    after="Государства-члены создадут рабочую группу по каждому из этих направлений и "
          "заслушают её доклад на следующем совещании министров.",
    closing="Совершено в городе Самарканде 3 июня 2320 года на русском и китайском языках.",
)
ZH = Labelled(
    title="上海合作组织成员国农业部长会议联合声明",
    opening="2320年6月3日，上海合作组织成员国农业部长在撒马尔罕举行会议，总结了上一季度的收成情况。",
    label="重点合作领域：",
    entries=("粮食", "灌溉", "果园和葡萄园"),
    after="成员国将为上述每个领域设立工作组，并在下次部长会议上听取其报告。",
    closing="本声明于2320年6月3日在撒马尔罕签署，用中文和俄文写成，两种文本同等作准。",
)
TEXTS = {"en": EN, "ru": RU, "zh": ZH}
MARKS = {"1.": lambda k: f"{k}. ", "1、": lambda k: f"{k}\u3001",
         "一、": lambda k: f"{'一二三'[k - 1]}\u3001",
         "I.": lambda k: f"{('I', 'II', 'III', 'IV')[k - 1]}. "}


def _import(t: Labelled, mark: str = "1.", apart: bool = False) -> Declaration:
    sep = "\n\n" if apart else "\n"
    entries = sep.join(MARKS[mark](k) + x for k, x in enumerate(t.entries, 1))
    decl, _ = ingest.parse_text("\n\n".join(
        [t.title, t.opening, f"{t.label}\n{entries}", t.after, t.closing]) + "\n")
    return decl


CASES = [("en", "1.", False), ("en", "1.", True), ("en", "I.", False), ("ru", "1.", False),
         ("ru", "1.", True), ("ru", "I.", False),
         ("zh", "1.", False), ("zh", "1、", False), ("zh", "一、", False), ("zh", "1.", True)]


@pytest.mark.parametrize(("lang", "mark", "apart"), CASES)
def test_a_label_over_numbered_entries_is_a_paragraph_with_items(
        lang: str, mark: str, apart: bool) -> None:
    t = TEXTS[lang]
    decl = _import(t, mark, apart)
    assert decl.meta.title == t.title and decl.furniture == ()
    assert [p.text for p in decl.paragraphs] == [t.opening, t.label, t.after, t.closing]
    assert not any(p.heading for p in decl.paragraphs)
    listed = decl.paragraphs[1]
    assert [(i.number, i.text) for i in listed.items] == [
        (MARKS[mark](k).strip(), x) for k, x in enumerate(t.entries, 1)]


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_an_entry_added_under_a_label_is_an_item_added(lang: str) -> None:
    """Two versions, the second with one more entry: the same paragraphs, one more item."""
    t = TEXTS[lang]
    extra = {"en": "Livestock", "ru": "Животноводство", "zh": "畜牧业"}[lang]
    old, new = _import(t), _import(t._replace(entries=(*t.entries, extra)))
    assert [p.text for p in old.paragraphs] == [p.text for p in new.paragraphs]
    assert [p.heading for p in old.paragraphs] == [p.heading for p in new.paragraphs]
    assert [i.text for i in new.paragraphs[1].items] == [*t.entries, extra]
    from compare import align
    from compare.model import Relation

    changed = [(p.relation, p.left, p.right) for p in align(old, new).pairs
               if p.relation != Relation.UNCHANGED]
    assert changed == [(Relation.ADDED, (), ("para_2__item_4",))]


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_a_pages_label_over_numbered_paragraphs_is_a_paragraph_with_items(lang: str) -> None:
    t = TEXTS[lang]
    paragraphs = [t.opening, t.label, *(f"{k}. {x}" for k, x in enumerate(t.entries, 1)),
                  t.after, t.closing]
    page = (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{t.title}"
            f"</title></head><body><article><h1>{t.title}</h1>"
            + "".join(f"<p>{x}</p>" for x in paragraphs) + "</article></body></html>")
    decl, _ = ingest.parse_html(page.encode())
    assert [(p.text, [i.text for i in p.items]) for p in decl.paragraphs] == [
        (t.opening, []), (t.label, list(t.entries)), (t.after, []), (t.closing, [])]
    assert decl.furniture == () and not any(p.heading for p in decl.paragraphs)


def test_one_entry_under_a_label_or_long_entries_stay_as_today() -> None:
    """One entry is no list; an entry that is a whole sentence is a numbered paragraph."""
    one = _import(EN._replace(entries=("Grain",)))
    assert not any(p.items for p in one.paragraphs)
    sentences = ("The Member States will share their seed banks.",
                 "The Member States will build new canals.")
    long_ = _import(EN._replace(entries=sentences))
    assert not any(p.items for p in long_.paragraphs)
    assert [p.text for p in long_.paragraphs][2:4] == list(sentences)


CONTENTS = {
    "en": ("Charter of the Council of Agriculture Ministers of the Member States",
           "Contents:", ("General provisions", "Cooperation", "Final provisions"),
           ("The Council is the body for regular consultations of the ministers responsible "
            "for agriculture.",
            "The Member States shall exchange their harvest forecasts every spring.",
            "This Charter shall enter into force on the day of its signature.")),
    "ru": ("Устав Совета министров сельского хозяйства государств-членов",
           "Содержание:", ("Общие положения", "Сотрудничество", "Заключительные положения"),
           ("Совет является органом регулярных консультаций министров сельского хозяйства "
            "государств-членов.",
            "Государства-члены ежегодно весной обмениваются прогнозами урожая.",
            "Настоящий Устав вступает в силу со дня его подписания.")),
    "zh": ("成员国农业部长理事会章程",
           "目录：", ("总则", "合作", "最后条款"),
           ("理事会是成员国负责农业事务的部长们定期举行协商的常设机构。",
            "成员国应当在每年春季相互交换本国粮食和水果的收成预测。",
            "本章程自全体成员国代表签署之日起生效，并无限期有效。")),
}


def _contents_text(lang: str, front: bool = False
                   ) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The charter with its contents list under the title (`front`) or under a first
    paragraph of running text."""
    title, label, parts, bodies = CONTENTS[lang]
    listed = "\n".join(f"{k}. {x}" for k, x in enumerate(parts, 1))
    sections = [f"{k}. {x}\n\n{body}" for k, (x, body) in enumerate(zip(parts, bodies,
                                                                        strict=True), 1)]
    above = [] if front else [TEXTS[lang].opening]
    return "\n\n".join([title, *above, f"{label}\n{listed}", *sections]) + "\n", parts, bodies


@pytest.mark.parametrize("lang", sorted(CONTENTS))
def test_a_contents_list_under_the_title_is_front_matter(lang: str) -> None:
    """Under the title, before any running text: the contents list is the edition's front
    matter (`<furniture>`, as a contents list with dot leaders is), and the headings it repeats
    stay the parts' headings, not a running head left out."""
    text, parts, bodies = _contents_text(lang, front=True)
    decl, _ = ingest.parse_text(text)
    assert decl.meta.title == CONTENTS[lang][0]
    assert decl.furniture == (CONTENTS[lang][1], *(f"{k}. {x}" for k, x in enumerate(parts, 1)))
    assert [(p.heading, p.text) for p in decl.paragraphs] == [
        (f"{k}. {x}", body) for k, (x, body) in enumerate(zip(parts, bodies, strict=True), 1)]
    assert not any(p.items for p in decl.paragraphs)


@pytest.mark.parametrize("lang", sorted(CONTENTS))
def test_a_contents_list_under_a_label_is_no_list_of_the_text(lang: str) -> None:
    """After running text, the entries printed again as the parts' headings: a contents list,
    not the text's list; it keeps today's shape (the entries over the first part's heading),
    the parts keep their headings, the body its paragraphs, nothing is lost."""
    text, parts, bodies = _contents_text(lang)
    decl, _ = ingest.parse_text(text)
    assert not any(p.items for p in decl.paragraphs)
    assert [p.text for p in decl.paragraphs][-3:] == list(bodies)
    assert [p.heading for p in decl.paragraphs][-2:] == [f"2. {parts[1]}", f"3. {parts[2]}"]
    assert decl.paragraphs[-3].heading.endswith(f"1. {parts[0]}")
    kept = " ".join([*(p.heading for p in decl.paragraphs), *(p.text for p in decl.paragraphs),
                     *decl.furniture])
    assert kept.count(f"2. {parts[1]}") == 2  # in the contents list and as the heading


@pytest.mark.parametrize("lang", sorted(CONTENTS))
def test_numbered_headings_alone_over_their_paragraphs_stay_headings(lang: str) -> None:
    """"1. General provisions" over its paragraph: a heading, however short, with no colon."""
    title, _, parts, bodies = CONTENTS[lang]
    sections = [f"{k}. {x}\n\n{body}" for k, (x, body) in enumerate(zip(parts, bodies,
                                                                        strict=True), 1)]
    decl, _ = ingest.parse_text("\n\n".join([title, *sections]) + "\n")
    assert [(p.heading, p.text) for p in decl.paragraphs] == [
        (f"{k}. {x}", body) for k, (x, body) in enumerate(zip(parts, bodies, strict=True), 1)]
    assert not any(p.items for p in decl.paragraphs) and decl.furniture == ()
