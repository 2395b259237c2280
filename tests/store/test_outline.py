"""`show`'s outline (`store.outline`): section headings, left-out furniture, cut-off copies."""

from __future__ import annotations

from compare.ingest.importer import parse_text
from compare.store.outline import outline

PAGE = """Home > Documents > Summits >
Print this page | Share

Declaration of the Council of Heads of State (illustrative)

I

The member states will deepen cooperation in trade and transport.

II

The member states shall consult each other on matters of regional security and settle
"""


def test_headings_furniture_and_cut_off_are_shown() -> None:
    decl, _ = parse_text(PAGE, path="page.txt", status="illustrative")
    assert decl.furniture and decl.meta.truncated
    short = outline(decl).splitlines()
    assert any(line.startswith("cut off: the copy ends") for line in short)
    assert f"left out of the body: {len(decl.furniture)} line(s)" in "\n".join(short)
    headings = [i for i, line in enumerate(short) if line in ("-- I --", "-- II --")]
    assert len(headings) == 2
    assert short[headings[0] + 1].startswith("para_1 ")
    assert short[headings[1] + 1].startswith("para_2 ")
    full = outline(decl, full=True)
    assert "  | Home > Documents > Summits >" in full
    assert "(show --full lists them)" not in full


def test_a_plain_declaration_has_no_extra_lines() -> None:
    decl, _ = parse_text("A Declaration (illustrative)\n\nThe parties will meet.\n",
                         path="plain.txt", status="illustrative")
    text = outline(decl)
    assert "left out" not in text and "cut off" not in text and "--" not in text
