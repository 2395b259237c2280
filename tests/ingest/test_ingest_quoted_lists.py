"""Quoted passages and short numbered lists in plain copies (`ingest.copymarks`, `ingest.lines`,
`ingest.layout`, `ingest.assemble`).

A plain copy (no mail headers) may quote a passage with `> ` at its line starts: the quote is
read as the text's own lines with its marks taken off (`>>` nested, `>` alone a blank line of
the quote), and the text around it is kept, even when the quote holds most of the words. A
sentence ending in a colon over a few numbered lines of a few words each ("1. Energy") has a
list: the lines are its items, never one heading over the paragraph under them, while numbered
headings over their own paragraphs stay headings. Every text here is illustrative, invented
for these tests.
"""

from __future__ import annotations

import re

import pytest

from compare.ingest import importer as ingest
from compare.model import Declaration

TITLE = ("Declaration of the Ministers of Transport of the Member States of the Shanghai "
         "Cooperation Organisation\n\n")


def units(decl: Declaration) -> list[str]:
    return [u.text for u in decl.units()]


def _unquoted(text: str) -> str:
    """The same copy with its quote marks taken off by hand (a `>` alone: a blank line)."""
    return re.sub(r"(?m)^(?:>[ \t]?)+", "", text)


QUOTES = {
    "no blank lines around it": (
        "The Ministers met in Almaty on 3 October 2305.\n"
        "The Ministers recall the words of the Council at its last meeting, which read:\n"
        "> The Member States will develop a network of international road routes\n"
        "> and shall remove obstacles to the movement of goods.\n"
        "The Ministers will carry that decision forward and shall adopt a programme of road "
        "works by next year.\n"),
    "one line": (
        "The Ministers met in Almaty on 3 October 2305.\n\n"
        "The Ministers recall the words of the Council, which read:\n\n"
        "> The Member States will develop a network of international road routes and shall "
        "remove obstacles to the movement of goods.\n\n"
        "The Ministers will carry that decision forward.\n"),
    "one line and a quoted blank line": (
        "The Ministers met in Almaty on 3 October 2305.\n\n"
        "The Ministers recall the words of the Council, which read:\n\n"
        "> The Member States will develop a network of international road routes and shall "
        "remove obstacles to the movement of goods.\n>\n\n"
        "The Ministers will carry that decision forward.\n"),
    "nested, with quoted blank lines": (
        "The Ministers met in Almaty on 3 October 2305.\n\n"
        "The Ministers recall the words of the Council, which quoted the Heads of State:\n\n"
        "> The Council recalled the decision of the Heads of State, which reads:\n"
        ">\n"
        ">> The Member States will develop a network of international road routes\n"
        ">> and shall remove obstacles to the movement of goods.\n"
        ">\n"
        "> The Council will report on it every year\n"
        "> to the Heads of State.\n\n"
        "The Ministers will carry that decision forward.\n"),
    "twice quoted": (
        "The Ministers met in Almaty on 3 October 2305.\n\n"
        "The Ministers recall the words of the Council, which read:\n\n"
        ">> The Member States will develop a network of international road routes\n"
        ">> and shall remove obstacles to the movement of goods.\n\n"
        "The Ministers will carry that decision forward.\n"),
    "its first line naming a kind of document": (
        "The Ministers met in Almaty on 3 October 2305.\n\n"
        "The Ministers recall the decision of the Council, which read:\n\n"
        "> The Member States will implement the Agreement on International Road Transport\n"
        "> and shall remove obstacles to the movement of goods across their borders.\n"
        "> The Member States will open new border crossings for freight trains and\n"
        "> lorries, and shall publish the hours of every crossing in advance.\n\n"
        "The Ministers will carry that decision forward.\n"),
    "holding most of the words": (
        "The Ministers met in Almaty on 3 October 2305.\n\n"
        "The Ministers recall the decision of the Council, which read:\n\n"
        "> The Member States will develop a network of international road routes\n"
        "> and shall remove obstacles to the movement of goods across their borders.\n"
        "> The Member States will open new border crossings for freight trains and\n"
        "> lorries, and shall publish the hours of every crossing in advance.\n\n"
        "The Ministers will carry that decision forward.\n"),
}


@pytest.mark.parametrize("name", sorted(QUOTES))
def test_a_quoted_passage_reads_as_the_texts_own_lines(name: str) -> None:
    text = TITLE + QUOTES[name]
    decl, _ = ingest.parse_text(text)
    want, _ = ingest.parse_text(_unquoted(text))
    got = units(decl)
    assert got == units(want)
    assert not any(">" in u for u in got), got
    assert "The Ministers met in Almaty on 3 October 2305." in got
    assert any(u.startswith("The Ministers will carry that decision forward") for u in got)
    assert any("and shall remove obstacles" in u for u in got), got
    assert decl.meta.title == want.meta.title and set(decl.furniture) <= {">"}


def test_a_long_quote_under_a_title_in_chinese_keeps_the_text_around_it() -> None:
    text = ("上海合作组织成员国交通部长会议声明\n\n"
            "部长们于2305年10月3日在阿拉木图举行会议。\n\n"
            "部长们回顾了理事会上次会议的决定\uff0c内容如下\uff1a\n\n"
            "> 成员国将发展国际公路网络\uff0c并消除货物流动的障碍\uff0c在边境开设新的口岸\uff0c\n"
            "> 为货运列车和卡车提供便利\uff0c并提前公布每个口岸的开放时间\uff0c\n"
            "> 同时加强海关合作\uff0c简化过境手续\uff0c推动电子申报在所有口岸的使用。\n\n"
            "部长们将落实这一决定。\n")
    decl, _ = ingest.parse_text(text)
    assert decl.meta.title == "上海合作组织成员国交通部长会议声明"
    got = units(decl)
    assert got[:2] == ["部长们于2305年10月3日在阿拉木图举行会议。",
                       "部长们回顾了理事会上次会议的决定\uff0c内容如下\uff1a"]
    assert got[2].startswith("成员国将发展国际公路网络") and got[2].endswith("在所有口岸的使用。")
    assert got[3:] == ["部长们将落实这一决定。"] and ">" not in "".join(got)


def test_a_mail_naming_the_document_above_a_quoted_copy_with_its_own_title() -> None:
    """A guard of the rule above: a quote that opens with a title of its own (a blank line
    under it) is the copy a mail carries, though a line above names the document too."""
    text = ("Joint Statement on Orchards - final text\n\n"
            "Dear colleagues, the final text is below, as agreed on Monday.\n\n"
            "> Statement of the Mayors of Orchard Towns\n>\n> Namangan, 2 May 2088\n>\n"
            "> The mayors of the orchard towns met in Namangan and reviewed the harvest.\n>\n"
            "> The towns will open a common seed bank for the old apple varieties.\n")
    decl, _ = ingest.parse_text(text)
    assert decl.meta.title == "Statement of the Mayors of Orchard Towns"
    assert [u[:20] for u in units(decl)] == ["The mayors of the or", "The towns will open "]
    assert "Dear colleagues, the final text is below, as agreed on Monday." in decl.furniture


def test_a_mail_forwarding_a_twice_quoted_copy_keeps_only_the_quoted_document() -> None:
    text = ("Subject: Fwd: Re: agreed text on orchards\n"
            "From: Town Clerk <clerk@example.org>\n"
            "Date: Tue, 4 May 2088 09:12:00 +0500\n\n"
            "Here is the text again, as it came back to us.\n\n"
            "> On Monday the office wrote:\n"
            ">> Statement of the Mayors of Orchard Towns\n"
            ">>\n"
            ">> Namangan, 2 May 2088\n"
            ">>\n"
            ">> The mayors of the orchard towns met in Namangan and reviewed the harvest\n"
            ">> of the past year together.\n"
            ">>\n"
            ">> The towns will open a common seed bank for the old apple varieties of the\n"
            ">> valley and shall share its seeds with every farmer who asks for them.\n")
    decl, _ = ingest.parse_text(text)
    assert decl.meta.title == "Statement of the Mayors of Orchard Towns"
    assert decl.meta.meeting.date == "2088-05-02"
    assert units(decl) == [
        "The mayors of the orchard towns met in Namangan and reviewed the harvest of the past "
        "year together.",
        "The towns will open a common seed bank for the old apple varieties of the valley and "
        "shall share its seeds with every farmer who asks for them."]
    assert "Here is the text again, as it came back to us." in decl.furniture


HEAD = ("Declaration of the Council of Heads of Government of the Shanghai Cooperation "
        "Organisation\n\nThe Heads of Government met in Dushanbe on 2 November 2317 and agreed as "
        "follows.\n\n")
REPORT = ("\n\nThe Member States shall report on these projects to the next meeting of the "
          "Council.\n")
LISTS = {
    "in lower case": ("The Member States identified three priority areas for joint projects:\n"
                      "1. energy\n2. transport\n3. tourism",
                      ["energy", "transport", "tourism"]),
    "apart, the last with a stop": (
        "The Member States identified three priority areas for joint projects:\n\n"
        "1. Energy\n\n2. Transport\n\n3. Tourism.", ["Energy", "Transport", "Tourism."]),
    "under a short sentence": ("The priority areas are these:\n1. Energy and power grids\n"
                               "2. Transport corridors\n3. Tourism",
                               ["Energy and power grids", "Transport corridors", "Tourism"]),
}


@pytest.mark.parametrize("name", sorted(LISTS))
def test_short_numbered_lines_under_a_colon_are_its_list(name: str) -> None:
    body, entries = LISTS[name]
    decl, _ = ingest.parse_text(HEAD + body + REPORT)
    intro = decl.paragraphs[1]
    assert intro.text.endswith(":")
    assert [(i.number, i.text) for i in intro.items] == [
        (f"{k}.", x) for k, x in enumerate(entries, 1)]
    assert [p.heading for p in decl.paragraphs] == ["", "", ""]


def test_short_numbered_paragraphs_of_a_page_under_a_colon_are_its_list() -> None:
    page = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Declaration"
            "</title></head><body><article><h1>Declaration of the Council of Heads of "
            "Government of the Shanghai Cooperation Organisation</h1><p>The Heads of Government "
            "met in Dushanbe on 2 November 2317 and agreed as follows.</p><p>The Member States "
            "identified three priority areas for joint projects:</p><p>1. Energy</p><p>2. "
            "Transport</p><p>3. Tourism</p><p>The Member States shall report on these projects "
            "to the next meeting of the Council.</p></article></body></html>")
    decl, _ = ingest.parse_html(page.encode())
    assert [i.text for i in decl.paragraphs[1].items] == ["Energy", "Transport", "Tourism"]
    assert not any(p.heading for p in decl.paragraphs)


def test_a_list_of_the_parts_over_the_numbered_headings_of_those_parts() -> None:
    text = HEAD + (
        "This Declaration has three parts, which follow below:\n1. Security\n2. Economy\n"
        "3. Culture\n\n1. Security\n\nThe Member States will hold joint exercises every two "
        "years and shall share data.\n\n2. Economy\n\nThe Member States will widen trade in "
        "national currencies and shall simplify customs rules.\n\n3. Culture\n\nThe Member "
        "States will open cultural centres in each capital and shall fund exchanges.\n")
    decl, _ = ingest.parse_text(text)
    assert [i.text for i in decl.paragraphs[1].items] == ["Security", "Economy", "Culture"]
    assert [p.heading for p in decl.paragraphs[2:]] == [
        "1. Security", "2. Economy", "3. Culture"]


def test_numbered_headings_and_sentences_under_a_colon_stay_as_they_were() -> None:
    """Guards of the list rule: a numbered heading alone over its paragraph, and numbered
    sentences, under a sentence ending in a colon, are no list of entries."""
    headed, _ = ingest.parse_text(HEAD + (
        "The Member States agreed on the following provisions:\n\n1. General provisions\n\n"
        "The Member States shall settle their disputes by peaceful means.\n\n2. Economic "
        "cooperation\n\nThe Member States will widen trade in national currencies.\n"))
    assert [p.heading for p in headed.paragraphs] == [
        "", "", "1. General provisions", "2. Economic cooperation"]
    assert not any(p.items for p in headed.paragraphs)
    sentences, _ = ingest.parse_text(HEAD + (
        "The Heads of Government stated the following:\n1. Terrorism has no nationality.\n"
        "2. The Member States will act together.\n3. Trade shall grow." + REPORT))
    assert [p.number for p in sentences.paragraphs] == [None, None, "1.", "2.", "3.", None]
