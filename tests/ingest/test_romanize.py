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
    ("西安", ""),  # Chinese: kept as written
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
