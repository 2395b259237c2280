# ruff: noqa: RUF001, RUF002 -- Chinese full-width punctuation is meant here
"""The rest of a Chinese text after its last full sentence: words counted without spaces.

A copy cut off in mid-sentence ends in a paragraph with no final punctuation. After the text's
last sentence, `ingest.tail.tail_kept` keeps such a paragraph (and a numbered one) when it is
long enough; a Chinese line has no spaces, so its words are counted as `structure.word_count`
counts them (two Han characters a word), not as one word. Every text here is illustrative,
written for these tests.
"""

from __future__ import annotations

import pytest

from compare.ingest import importer as ingest

TITLE = "上海合作组织成员国农业部长会议联合声明"
OPENING = ("2320年6月3日，上海合作组织成员国农业部长在撒马尔罕举行会议，总结了上一季度的收成"
           "情况。")
MIDDLE = "部长们一致认为，粮食安全是本地区各国共同关心的重要问题，需要进一步加强协调。"
CUT = {
    "long": "成员国将在上述领域制定共同项目清单，并向下次部长会议报告进展情况，同时商定下一阶段"
            "的合作计划和具体措施以及",
    "short": "成员国将在上述领域制定共同项目清单，并向下次部长会",
    "numbered": "3. 成员国将在上述领域制定共同项目清单，并向下次部长会议报告进展情况，同时商定下一"
                "阶段的合作",
}
EN_CUT = "The Member States will draw up a list of joint projects in these areas and will rep"


@pytest.mark.parametrize("name", sorted(CUT))
def test_a_chinese_copy_cut_off_keeps_its_last_paragraph(name: str) -> None:
    decl, _ = ingest.parse_text("\n\n".join([TITLE, OPENING, MIDDLE, CUT[name]]) + "\n")
    assert decl.furniture == ()
    last = decl.paragraphs[-1]
    assert (f"{last.number} {last.text}" if last.number else last.text) == CUT[name]
    assert decl.meta.truncated


def test_an_english_copy_cut_off_keeps_its_last_paragraph_as_before() -> None:
    decl, _ = ingest.parse_text("\n\n".join([
        "Joint Statement of the Ministers of Agriculture",
        "The Ministers of Agriculture of the Member States met in Samarkand on 3 June 2320 and "
        "reviewed the harvest of the past season.",
        "The Ministers agreed that food security is a common concern of the countries of the "
        "region.", EN_CUT]) + "\n")
    assert decl.furniture == () and decl.paragraphs[-1].text == EN_CUT
    assert decl.meta.truncated


def test_a_chinese_page_label_after_the_text_is_still_furniture() -> None:
    """Short lines after the text's last sentence stay furniture: the count is of words, not of
    characters, and a label or a menu is short in both."""
    fields = ("责任编辑：李明", "分享到：微信 微博", "【打印本页】【关闭窗口】")
    decl, _ = ingest.parse_text("\n\n".join([TITLE, OPENING, MIDDLE]) + "\n\n"
                                + "\n".join(fields) + "\n")
    assert decl.furniture == fields
    assert [p.text for p in decl.paragraphs] == [OPENING, MIDDLE]


@pytest.mark.parametrize("between", ["\u3000\u3000", "\u3001"], ids=["spaced", "listed"])
def test_a_long_chinese_field_after_the_text_is_no_cut_off_paragraph(between: str) -> None:
    """"相关文档：" over the titles of other documents: as long as a sentence, but a field of
    the page, not the text's last paragraph cut short."""
    field = f"相关文档：山区果园灌溉技术手册{between}干旱地区粮食储存规范汇编"
    decl, _ = ingest.parse_text("\n\n".join([TITLE, OPENING, MIDDLE, field]) + "\n")
    assert decl.furniture == (field,) and not decl.meta.truncated
    assert [p.text for p in decl.paragraphs] == [OPENING, MIDDLE]


def test_chinese_signatures_after_the_text_stay_furniture() -> None:
    """Three representatives' lines set apart by spaces: as long as a sentence in characters,
    but pieces, not a paragraph cut short."""
    signed = "哈萨克斯坦共和国代表\u3000吉尔吉斯共和国代表\u3000塔吉克斯坦共和国代表"
    decl, _ = ingest.parse_text("\n\n".join([TITLE, OPENING, MIDDLE, signed]) + "\n")
    assert decl.furniture == (signed,) and not decl.meta.truncated
    assert [p.text for p in decl.paragraphs] == [OPENING, MIDDLE]
