"""The meeting's place in Latin letters (`ingest.romanize`), its written form kept beside it."""

# ruff: noqa: RUF001  (Cyrillic letters are meant)
from __future__ import annotations

import pytest

from compare import ingest
from compare.ingest.lossless import dumps, parse
from compare.ingest.romanize import latin_place
from compare.store import xmlio


@pytest.mark.parametrize(("written", "latin"), [
    ("Бишкек", "Bishkek"), ("Чолпон-Ата", "Cholpon-Ata"), ("Екатеринбург", "Yekaterinburg"),
    ("Оренбург", "Orenburg"), ("Москва", "Moscow"), ("Пекин", "Beijing"),
    ("Bishkek", ""),  # already in Latin letters
    ("Қарағанды", ""),  # Kazakh letters the Russian table does not give: kept as written
    ("西安", "Xi'an"), ("大连", "Dalian"), ("银川", "Yinchuan"), ("大连市", "Dalian"),
    ("重庆", "Chongqing"), ("厦门", "Xiamen"),  # pinyin of the phrase, not of each character
    ("延安", "Yan'an"),  # an apostrophe before a syllable opening with a vowel
    ("乌鲁木齐", "Urumqi"), ("喀什", "Kashgar"), ("比什凯克", "Bishkek"),  # English names
    ("库尔勒", ""),  # characters that transcribe foreign sounds: no Mandarin name, kept
])
def test_latin_place(written: str, latin: str) -> None:
    assert latin_place(written) == latin


RUSSIAN = ("Заявление министров связи\n\n"
           "Министры связи государств-членов встретились 4 мая 2091 года в Бишкеке.\n\n"
           "Министры будут обмениваться сведениями о сетях.\n")


def test_a_russian_text_stores_its_place_in_latin_letters_and_as_written() -> None:
    decl, _ = ingest.parse_text(RUSSIAN)
    m = decl.meta
    assert (m.meeting.place, m.meeting.place_written, m.id) == ("Bishkek", "Бишкек",
                                                                "2091-bishkek")
    assert b'place="Bishkek" place-written="\xd0\x91' in xmlio.dump(decl)
    again = xmlio.loads(xmlio.dump(decl))
    assert again.meta.meeting == m.meeting
    assert parse(dumps(decl)).meta.meeting == m.meeting


def test_a_place_given_as_an_option_is_kept_as_given() -> None:
    decl, _ = ingest.parse_text(RUSSIAN, place="Бишкек")
    assert (decl.meta.meeting.place, decl.meta.meeting.place_written) == ("Бишкек", "")


def test_an_english_text_has_no_written_form() -> None:
    decl, _ = ingest.parse_text("Statement\n\nThe ministers met in Orenburg on 4 May 2091.\n\n"
                                "They will exchange data.\n")
    assert (decl.meta.meeting.place, decl.meta.meeting.place_written) == ("Orenburg", "")


def test_pinyin_is_loaded_only_when_a_chinese_place_is_found() -> None:
    """`pypinyin` takes about a second and 120 MB to load: an import without a Chinese place
    never loads it (a fresh interpreter, so that no other test has loaded it)."""
    import subprocess
    import sys

    code = ("import sys; from compare import ingest; p = ingest.parse_text; "
            "p('T\\n\\nThe ministers met in Astana on 3 May 2031.\\n', path='t.txt'); "
            "print('pypinyin' in sys.modules); "
            "d, _ = p('声明\\n\\n部长于2031年5月3日在大连举行会议。\\n', path='t.txt'); "
            "print('pypinyin' in sys.modules, d.meta.meeting.place, d.meta.meeting.place_written)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "Dalian", "大连"]


def test_without_pypinyin_a_chinese_place_is_kept_as_written(monkeypatch) -> None:
    import builtins

    real = builtins.__import__

    def no_pinyin(name: str, *args: object, **kw: object) -> object:
        if name == "pypinyin":
            raise ImportError(name)
        return real(name, *args, **kw)

    monkeypatch.setattr(builtins, "__import__", no_pinyin)
    assert latin_place("银川") == ""
    assert latin_place("乌鲁木齐") == "Urumqi"  # the table needs no library
