# ruff: noqa: RUF001, RUF002 -- Chinese full-width punctuation and Cyrillic letters are meant here
"""A numbered list under a sentence ending in a colon, in Chinese, Russian and English.

A declaration may list a few short entries under a sentence that ends in a colon ("部长们确定了
合作的优先方向：" over "1. 能源", "2. 交通", ...), numbered in any of the ways its language
writes them: "1." "1、" "１．" "（一）" "一、" in Chinese, "1)" and "1." in Russian and English.
The entries are the items of that sentence's list, and the text goes on under them: no word of
the sentence, of the list or of the paragraphs after it may end up in `<furniture>` (the end of
the text is not at the colon). Every text here is illustrative, written for these tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import pytest

from compare.ingest import importer as ingest
from compare.model import Declaration


class Text(NamedTuple):
    title: str
    preamble: str
    intro: str  # "{colon}" stands for the colon
    items: tuple[str, ...]
    after: tuple[str, ...]
    closing: str


ZH = Text(
    title="上海合作组织成员国经济部长会议联合声明",
    preamble="2310年5月12日，上海合作组织成员国经济部长在塔什干举行会议，"
             "就区域互联互通交换了意见。",
    intro="部长们确定了今后三年务实合作的优先方向{colon}",
    items=("能源", "交通", "旅游"),
    after=("成员国将在上述领域制定联合项目清单，并向下次部长会议报告进展情况。",
           "部长们同意每年举行一次会议，轮流在各成员国首都举办。"),
    closing="本声明于2310年5月12日在塔什干签署，用中文和俄文写成，两种文本同等作准。",
)
RU = Text(
    title="Совместное заявление министров энергетики и транспорта государств-членов "
          "Шанхайской организации сотрудничества",
    preamble="Министры энергетики и транспорта государств-членов Шанхайской организации "
             "сотрудничества провели встречу в Ташкенте 12 мая 2310 года.",
    intro="Министры определили приоритетные направления практического сотрудничества на "
          "ближайшие три года{colon}",
    items=("Энергетика", "Транспорт и логистика", "Гуманитарные связи"),
    after=("Государства-члены подготовят перечень совместных проектов в этих областях и "
           "доложат о ходе работы на следующем совещании министров.",
           "Министры договорились проводить совещания ежегодно поочерёдно в столицах "
           "государств-членов."),
    closing="Совершено в городе Ташкенте 12 мая 2310 года на русском и китайском языках.",
)
EN = Text(
    title="Joint Statement of the Ministers of Energy and Transport of the Member States of "
          "the Shanghai Cooperation Organisation",
    preamble="The Ministers of Energy and Transport of the Member States of the Shanghai "
             "Cooperation Organisation met in Tashkent on 12 May 2310.",
    intro="The Ministers set out the priority areas of practical cooperation for the next "
          "three years{colon}",
    items=("Energy", "Transport and logistics", "People-to-people exchanges"),
    after=("The Member States will draw up a list of joint projects in these areas and "
           "shall report on their progress to the next meeting of Ministers.",
           "The Ministers agreed to meet every year in the capitals of the Member States "
           "in turn."),
    closing="Done at Tashkent on 12 May 2310 in the Chinese and Russian languages.",
)

# a style: (the texts, the marker of item k, the colon ending the sentence over the list)
STYLES: dict[str, tuple[Text, Callable[[int], str], str]] = {
    "zh 1.": (ZH, lambda k: f"{k}. ", "\uff1a"),
    "zh 1. ascii colon": (ZH, lambda k: f"{k}. ", ":"),
    "zh 1、": (ZH, lambda k: f"{k}\u3001", "\uff1a"),
    "zh 1、 ascii colon": (ZH, lambda k: f"{k}\u3001", ":"),
    "zh full-width １．": (ZH, lambda k: f"{chr(0xFF10 + k)}\uff0e", "\uff1a"),
    "zh （一）": (ZH, lambda k: f"（{'一二三'[k - 1]}）", "\uff1a"),
    "zh 一、": (ZH, lambda k: f"{'一二三'[k - 1]}\u3001", "\uff1a"),
    "ru 1)": (RU, lambda k: f"{k}) ", ":"),
    "ru 1.": (RU, lambda k: f"{k}. ", ":"),
    "en 1.": (EN, lambda k: f"{k}. ", ":"),
    "en 1)": (EN, lambda k: f"{k}) ", ":"),
}


def _text(name: str, apart: bool) -> str:
    """The declaration in style `name`; with `apart`, a blank line between the list's items."""
    texts, mark, colon = STYLES[name]
    items = ("\n\n" if apart else "\n").join(
        mark(k) + x for k, x in enumerate(texts.items, 1))
    parts = [texts.title, texts.preamble, f"{texts.intro.format(colon=colon)}\n{items}",
             *texts.after, texts.closing]
    return "\n\n".join(parts) + "\n"


def _body(decl: Declaration) -> str:
    return "\n".join(u.text for u in decl.units())


@pytest.mark.parametrize("apart", [False, True], ids=["set close", "apart"])
@pytest.mark.parametrize("name", sorted(STYLES))
def test_a_numbered_list_under_a_colon_keeps_the_text(name: str, apart: bool) -> None:
    texts, mark, colon = STYLES[name]
    decl, _ = ingest.parse_text(_text(name, apart))
    assert decl.meta.title == texts.title
    body = _body(decl)
    intro = texts.intro.format(colon=colon)
    whole = [texts.preamble, intro, *texts.items, *texts.after, texts.closing]
    missing = [x for x in whole if x not in body]
    assert not missing, (missing, decl.furniture)
    assert decl.furniture == ()
    listed = [p for p in decl.paragraphs if p.items]
    assert [p.text for p in listed] == [intro]
    assert [(i.number, i.text) for i in listed[0].items] == [
        (mark(k).strip(), x) for k, x in enumerate(texts.items, 1)]
    assert [p.text for p in decl.paragraphs] == [texts.preamble, intro, *texts.after,
                                                 texts.closing]
    assert not any(p.heading for p in decl.paragraphs)


DATED = {  # entries with a number of their own: no date line, no counter
    "zh": (ZH._replace(items=("2315年前建成区域电网", "交通", "旅游")), "\uff1a"),
    "ru": (RU._replace(items=("Энергетика до 2315 года", "Транспорт", "Туризм")), ":"),
    "en": (EN._replace(items=("Energy by 2315", "Transport", "Tourism")), ":"),
}


@pytest.mark.parametrize("lang", sorted(DATED))
def test_entries_with_a_year_are_the_lists_too(lang: str) -> None:
    texts, colon = DATED[lang]
    items = "\n".join(f"{k}. {x}" for k, x in enumerate(texts.items, 1))
    parts = [texts.title, texts.preamble, f"{texts.intro.format(colon=colon)}\n{items}",
             *texts.after, texts.closing]
    decl, _ = ingest.parse_text("\n\n".join(parts) + "\n")
    assert decl.furniture == ()
    assert [[i.text for i in p.items] for p in decl.paragraphs] == [
        [], list(texts.items), [], [], []]


def test_a_list_ending_the_text_stays_above_the_pages_furniture() -> None:
    """The list is the text's last part: its entries are the text's, the page's lines under
    them (an editor's name, share links, a label over the site's headlines) are not."""
    zh, _ = ingest.parse_text(
        f"{ZH.title}\n\n{ZH.preamble}\n\n成员国将在下列领域制定联合项目清单，并向下次部长会议报告"
        "进展情况：\n1. 能源\n2. 交通\n3. 旅游\n\n责任编辑：李明\n分享到：微信 微博\n"
        "【打印本页】【关闭窗口】\n")
    assert [i.text for i in zh.paragraphs[-1].items] == ["能源", "交通", "旅游"]
    assert zh.furniture == ("责任编辑：李明", "分享到：微信 微博", "【打印本页】【关闭窗口】")
    en, _ = ingest.parse_text(
        f"{EN.title}\n\n{EN.preamble}\n\nThe Member States will draw up joint projects in the "
        "following areas by 2315:\n1. Energy\n2. Transport\n3. Tourism\n\nShare this page\n"
        "Tags: SCO, economy, ministers\nRelated documents:\n1. Ministers meet in Astana 2309\n"
        "2. Council of Heads of Government 2308\n")
    assert [i.text for i in en.paragraphs[-1].items] == ["Energy", "Transport", "Tourism"]
    assert en.furniture[2:] == ("Related documents:", "1. Ministers meet in Astana 2309",
                                "2. Council of Heads of Government 2308")


@pytest.mark.parametrize("name", [n for n in sorted(STYLES) if n.startswith("zh")])
def test_a_pages_numbered_paragraphs_under_a_colon_are_its_list(name: str) -> None:
    texts, mark, colon = STYLES[name]
    paragraphs = [texts.preamble, texts.intro.format(colon=colon),
                  *(mark(k) + x for k, x in enumerate(texts.items, 1)), *texts.after,
                  texts.closing]
    page = ("<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'><title>声明</title>"
            f"</head><body><article><h1>{texts.title}</h1>"
            + "".join(f"<p>{x}</p>" for x in paragraphs) + "</article></body></html>")
    decl, _ = ingest.parse_html(page.encode())
    assert [[i.text for i in p.items] for p in decl.paragraphs] == [
        [], list(texts.items), [], [], []]
    assert decl.furniture == () and not any(p.heading for p in decl.paragraphs)


@pytest.mark.parametrize("lang", sorted(DATED))
def test_a_sentence_wrapped_onto_a_short_last_line_still_opens_its_list(lang: str) -> None:
    """"... for the next" / "three years:": the sentence, not its last line, opens the list."""
    texts, colon = DATED[lang]
    intro = texts.intro.format(colon=colon)
    cut = len(intro) - 6 if lang == "zh" else len(intro.rsplit(" ", 2)[0])
    wrapped = intro[:cut].rstrip() + "\n" + intro[cut:].lstrip()
    items = "\n".join(f"{k}. {x}" for k, x in enumerate(texts.items, 1))
    parts = [texts.title, texts.preamble, f"{wrapped}\n{items}", *texts.after, texts.closing]
    decl, _ = ingest.parse_text("\n\n".join(parts) + "\n")
    assert decl.furniture == ()
    assert [p.text for p in decl.paragraphs if p.items] == [intro]
    assert [i.text for p in decl.paragraphs for i in p.items] == list(texts.items)
