# ruff: noqa: RUF001 -- Chinese full-width punctuation and Cyrillic are meant here
"""Words of the text that the furniture stage lost, and the furniture that must still go out.

Three shapes of a plain-text copy lost words of the text to the furniture: a short label's
numbered list right under the title with no sentence above it (its one-word entries read as a
menu), a cut-off Chinese last paragraph naming a "joint" (联合) project (read as a title), and
short Chinese paragraphs under numbered headings after the text's last long sentence (too short
to be running text). Each test checks that every word of the text is in the body. The guards
check that a site's menu under the page title, a Chinese footer and a short signature line
still go out. Every text here is illustrative, written for these tests.
"""

from __future__ import annotations

import pytest

from compare.ingest import importer as ingest
from compare.model import Declaration


def _import(parts: list[str]) -> Declaration:
    decl, _ = ingest.parse_text("\n\n".join(parts) + "\n")
    return decl


def _body_words(decl: Declaration) -> set[str]:
    words: set[str] = set()
    for p in decl.paragraphs:
        for x in (p.number or "", p.heading or "", p.text, *(f"{i.number} {i.text}"
                                                              for i in p.items)):
            words.update(x.split())
    return words


def _all_in_body(decl: Declaration, lines: list[str], printed_twice: bool = False) -> None:
    """Every word of `lines` in the body, and (unless the lines are `printed_twice`, once in
    the furniture) none of them left out."""
    words = _body_words(decl)
    missing = [w for x in lines for w in x.split() if w not in words]
    assert not missing, (missing, decl.furniture)
    assert printed_twice or not set(decl.furniture) & set(lines)


LABELLED = {
    "en": ("Joint Statement of the Ministers of Agriculture of the Member States",
           "Priority areas:", ("Grain", "Irrigation", "Orchards and vineyards"),
           "The Member States will set up a working group for each of these areas and shall "
           "hear its report at the next meeting of Ministers.",
           "Done at Samarkand on 3 June 2320 in the Chinese and Russian languages."),
    "ru": ("Совместное заявление министров сельского хозяйства государств-членов",
           "Приоритетные направления:", ("Зерно", "Орошение", "Сады и виноградники"),
           "Государства-члены создадут рабочую группу по каждому из этих направлений и "
           "заслушают её доклад на следующем совещании министров.",
           "Совершено в городе Самарканде 3 июня 2320 года на русском и китайском языках."),
}


@pytest.mark.parametrize("lang", sorted(LABELLED))
def test_a_short_label_list_right_under_the_title_stays_in_the_text(lang: str) -> None:
    title, label, entries, text, closing = LABELLED[lang]
    listed = [f"{k}. {x}" for k, x in enumerate(entries, 1)]
    decl = _import([title, "\n".join([label, *listed]), text, closing])
    assert decl.meta.title == title and decl.furniture == ()
    _all_in_body(decl, [label, *listed, text, closing])


def test_a_contents_list_under_the_title_still_goes_out() -> None:
    """The list's entries printed again below as the parts' headings: front matter."""
    title, _, entries, text, closing = LABELLED["en"]
    listed = [f"{k}. {x}" for k, x in enumerate(entries, 1)]
    texts = [f"{text[:-1]} on {x.lower()}." for x in entries]
    parts = [y for pair in zip(listed, texts, strict=True) for y in pair]
    decl = _import([title, "\n".join(["Contents:", *listed]), *parts, closing])
    assert decl.furniture == ("Contents:", *listed)
    _all_in_body(decl, [*parts, closing], printed_twice=True)  # its heading "1. Grain" too


def test_a_site_menu_under_the_page_title_still_goes_out() -> None:
    title, _, _, text, closing = LABELLED["en"]
    menu = ["Home", "News", "Documents", "Contacts"]
    decl = _import([title, "\n".join(menu), text, closing])
    assert decl.meta.title == title
    assert set(menu) <= set(decl.furniture)
    assert [p.text for p in decl.paragraphs] == [text, closing]


ZH_TITLE = "上海合作组织成员国农业部长会议联合声明"
ZH_OPENING = ("2320年6月3日，上海合作组织成员国农业部长在撒马尔罕举行会议，总结了上一季度的收成"
              "情况。")
ZH_MIDDLE = "部长们一致认为，粮食安全是本地区各国共同关心的重要问题，需要进一步加强协调。"
ZH_JOINT_CUT = ("成员国将在上述领域联合制定共同项目清单，并向下次部长会议报告进展情况，同时商定下一"
                "阶段的合作计划和具体措施以及")


def test_a_cut_off_chinese_paragraph_naming_a_joint_project_is_kept() -> None:
    decl = _import([ZH_TITLE, ZH_OPENING, ZH_MIDDLE, ZH_JOINT_CUT])
    assert decl.furniture == ()
    assert decl.paragraphs[-1].text == ZH_JOINT_CUT
    _all_in_body(decl, [ZH_OPENING, ZH_MIDDLE, ZH_JOINT_CUT])


ZH_TITLES = [ZH_TITLE, "上海合作组织成员国元首理事会关于加强区域联合行动的声明",
             "中华人民共和国、哈萨克斯坦共和国和吉尔吉斯共和国联合公报"]


@pytest.mark.parametrize("title", ZH_TITLES)
def test_a_chinese_title_naming_its_kind_is_still_a_title(title: str) -> None:
    decl = _import([title, ZH_OPENING, ZH_MIDDLE])
    assert decl.meta.title == title
    assert [p.text for p in decl.paragraphs] == [ZH_OPENING, ZH_MIDDLE]


CUT_ELSEWHERE = {
    "en": (LABELLED["en"][0], LABELLED["en"][3],
           "The Ministers agreed on a list of joint projects in these areas and reported on the "
           "progress made in the first year of the"),
    "ru": (LABELLED["ru"][0], LABELLED["ru"][3],
           "Министры согласовали перечень совместных проектов в этих областях и заслушали "
           "доклад о ходе их реализации в первый год совместного"),
}


@pytest.mark.parametrize("lang", sorted(CUT_ELSEWHERE))
def test_a_cut_off_paragraph_naming_a_joint_project_is_kept_in_english_and_russian(
        lang: str) -> None:
    title, text, cut = CUT_ELSEWHERE[lang]
    decl = _import([title, text, cut])
    assert decl.furniture == () and decl.paragraphs[-1].text == cut


ZH_HEADED = ["1. 粮食安全", ZH_MIDDLE, "2. 合作", "加强合作。", "3. 灌溉", "各方将修建水渠。"]
HEADED = {
    "zh": (ZH_TITLE, ZH_OPENING, ZH_HEADED),
    "en": (LABELLED["en"][0], LABELLED["en"][3], [
        "1. Food security", "The Ministers agreed that food security is a common concern of "
        "the countries of the region.", "2. Trade", "Trade will grow.", "3. Water",
        "Canals will be built."]),
    "ru": (LABELLED["ru"][0], LABELLED["ru"][3], [
        "1. Продовольственная безопасность", "Министры согласились, что продовольственная "
        "безопасность является общей заботой всех стран региона.", "2. Торговля",
        "Торговля будет расти.", "3. Вода", "Будут построены каналы."]),
}


@pytest.mark.parametrize("lang", sorted(HEADED))
def test_short_paragraphs_under_numbered_headings_after_the_last_long_one_are_kept(
        lang: str) -> None:
    title, opening, headed = HEADED[lang]
    decl = _import([title, opening, *headed])
    assert decl.furniture == ()
    _all_in_body(decl, [opening, *headed])


ZH_FOOTERS = [["联系我们", "版权所有 上海合作组织秘书处"],
              ["联系我们 | 网站地图 | 隐私政策", "版权所有：上海合作组织秘书处"]]


@pytest.mark.parametrize("footer", ZH_FOOTERS)
def test_a_chinese_footer_after_numbered_short_paragraphs_still_goes_out(
        footer: list[str]) -> None:
    decl = _import([ZH_TITLE, ZH_OPENING, *ZH_HEADED, "\n".join(footer)])
    assert decl.furniture == tuple(footer)
    _all_in_body(decl, [ZH_OPENING, *ZH_HEADED])


def test_a_short_signature_line_after_the_text_still_goes_out() -> None:
    _, _, _, text, closing = LABELLED["en"]
    decl = _import([LABELLED["en"][0], text, closing, "A. Petrov"])
    assert decl.furniture == ("A. Petrov",)
    assert [p.text for p in decl.paragraphs] == [text, closing]
