"""Fuzzing the command line from the outside (issue 14): random bytes and hostile Unicode.

Written by the tester from the issue text, not from the code. Each example writes what hypothesis
draws to a fresh folder and runs `compare.cli.main([...])` in-process: `import` (text, HTML and
auto) over random bytes and over random Unicode assembled from hostile pieces (C0 and C1 controls,
NUL, BOMs, CR/LF mixes, bidi controls, astral characters, HTML-ish and XML-ish fragments);
`validate` and `align` over XML made by mutating the bundled seed declaration (truncation,
inserted bytes, swapped or renamed tags, huge attributes, duplicated elements). The promises held:
the exit code is a documented one, stderr has no traceback and no "internal error", trouble names
the file, an imported declaration validates, inputs are never modified, no temp file is left, and
each run ends in bounded time. Settings are derandomized so that CI sees the same examples.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from compare.cli import main

SEED = Path(__file__).resolve().parents[1] / "declarations" / "2007-bishkek.xml"
SEED_BYTES = SEED.read_bytes()
TIME_LIMIT = 10.0  # seconds per command run; these inputs are at most a few hundred KB

SETTINGS = settings(derandomize=True, deadline=None, max_examples=250, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])
FEW = settings(SETTINGS, max_examples=80)

HOSTILE = [
    "\x00", "\ufeff", "\ufffe", "\r\n", "\r", "\n", "\n\n", "\x0c", "\x0b", "\x1b[31m", "\x85",
    "\x9b2J", "\u2028", "\u2029", "\u202e", "\u2066", "\u200b", "\u200d", "\u034f", "\u3164",
    "\ufe0f", "\U000e0100", "\U0001f600", "\U00020000", "\U0010fffd", "\ufdd0", "\uffff",
    "\t", "  ", "\u00a0", "e\u0301", "\u00ad", "\u061c",
]
FRAGMENTS = [
    "<p>", "</p>", "<br>", "<div>", "</div>", "<script>alert(1)</script>", "<!-- x -->",
    "<meta charset=\"utf-16\">", "<meta charset=\"utf-7\">", "+ADw-script+AD4-",
    "<meta http-equiv=\"content-type\" content=\"text/html; charset=cp037\">", "&#0;", "&#x81;",
    "&#xD800;", "&amp;", "&nbsp;", "&bogus;", "<![CDATA[x]]>", "<?xml version=\"1.0\"?>",
    "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "&x;", "<title>", "</title>",
    "<h1>", "</h1>", "<ol><li>", "</li></ol>", "<table><tr><td>", "<select><option>",
    "The member states will support cooperation.", "1.", "- ", "I", "II", "[Title] ",
    "Date: ", "14 June 2029", "Home > Documents >", "declare the following:", ";", ".",
    "\u6210\u5458\u56fd\u5c06\u52a0\u5f3a\u5408\u4f5c\u3002",
    "\u0413\u043e\u0441\u0443\u0434\u0430\u0440\u0441\u0442\u0432\u0430",
]
BOMS = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"]

unicode_text = st.lists(
    st.one_of(
        st.sampled_from(HOSTILE),
        st.sampled_from(FRAGMENTS),
        st.text(st.characters(exclude_categories=("Cs",)), max_size=12),
    ),
    max_size=60,
).map("".join)
encoded = st.tuples(st.sampled_from(BOMS), unicode_text,
                    st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "utf-32"])).map(
    lambda t: t[0] + t[1].encode(t[2], "surrogatepass"))
PIECES = [b"The member states will ", b"support ", b". ", b"\n", b"\r\n", b"\r", b"1. ", b"<p>",
          b"\t"]
ascii_ish = st.lists(st.one_of(st.sampled_from(PIECES), st.binary(max_size=2)),
                     max_size=80).map(b"".join)
raw_bytes = st.one_of(st.binary(max_size=3000), encoded, ascii_ish,
                      st.sampled_from([b"%PDF-1.7\n", b"PK\x03\x04", b"\x1f\x8b\x08"]).flatmap(
                          lambda head: st.binary(max_size=200).map(lambda b: head + b)))


@contextmanager
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="scodiff-fuzz-") as d:
        yield Path(d)


def run(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str, str]:
    """One in-process run, with the promises every run keeps checked."""
    capsys.readouterr()
    start = time.perf_counter()
    code = main(args)
    elapsed = time.perf_counter() - start
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), (args, code, err[-400:])
    assert "Traceback" not in err and "Traceback" not in out, (args, err[-2000:])
    assert "internal error" not in err.lower(), (args, err[-400:])
    assert elapsed < TIME_LIMIT, (args, elapsed)
    event(f"{args[0]} exit {code}")
    return code, out, err


def _no_leftovers(d: Path, expected: set[str]) -> None:
    assert {p.name for p in d.iterdir()} == expected, sorted(p.name for p in d.iterdir())


def _import_and_check(capsys: pytest.CaptureFixture[str], data: bytes, name: str,
                      fmt: str) -> None:
    with folder() as d:
        src = d / name
        src.write_bytes(data)
        out = d / "out.xml"
        code, _, err = run(capsys, ["import", str(src), "--format", fmt, "-o", str(out)])
        assert code in (0, 2), (code, err[-400:])  # import finds no "differences"
        assert src.read_bytes() == data  # the input is never modified
        if code == 2:
            assert not out.exists()
            assert name in err, err[-400:]  # the error names the file
            _no_leftovers(d, {name})
            return
        _no_leftovers(d, {name, "out.xml"})
        vcode, _, verr = run(capsys, ["validate", str(out)])
        assert vcode == 0, verr[-800:]  # what import writes, validate accepts


@SETTINGS
@given(data=raw_bytes, fmt=st.sampled_from(["text", "html", "auto"]))
def test_import_random_bytes(capsys: pytest.CaptureFixture[str], data: bytes, fmt: str) -> None:
    _import_and_check(capsys, data, "input.html" if fmt == "html" else "input.txt", fmt)


@SETTINGS
@given(text=unicode_text, fmt=st.sampled_from(["text", "html"]),
       newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_import_random_unicode(capsys: pytest.CaptureFixture[str], text: str, fmt: str,
                               newline: str) -> None:
    data = text.replace("\n", newline).encode("utf-8", "surrogatepass")
    _import_and_check(capsys, data, f"page.{'html' if fmt == 'html' else 'txt'}", fmt)


# --- XML built by mutating the seed declaration ------------------------------------------------

def _truncate(data: bytes, at: int, _: bytes) -> bytes:
    return data[: at % (len(data) + 1)]


def _insert(data: bytes, at: int, junk: bytes) -> bytes:
    i = at % (len(data) + 1)
    return data[:i] + junk + data[i:]


def _swap_tags(data: bytes, at: int, _: bytes) -> bytes:
    names = [b"paragraph", b"s", b"item", b"meta", b"body", b"title", b"meeting", b"list"]
    a, b = names[at % len(names)], names[(at // 7 + 1) % len(names)]
    return data.replace(b"<" + a + b" ", b"<\x00T ").replace(b"<" + b + b" ", b"<" + a + b" ") \
        .replace(b"<\x00T ", b"<" + b + b" ")


def _huge_attribute(data: bytes, at: int, junk: bytes) -> bytes:
    value = (junk or b"x").replace(b'"', b"").replace(b"<", b"").replace(b"&", b"") or b"x"
    big = (value * (200_000 // len(value) + 1))[:200_000]
    tags = [i + 2 for i in range(len(data)) if data[i:i + 2] == b"<s"] or [len(data)]
    i = tags[at % len(tags)]
    return data[:i] + b' eId="' + big + b'"' + data[i:]


def _duplicate(data: bytes, at: int, _: bytes) -> bytes:
    start = data.find(b"<paragraph", at % (len(data) + 1))
    start = data.find(b"<paragraph") if start < 0 else start
    end = data.find(b"</paragraph>", start)
    if start < 0 or end < 0:
        return data + data[: at % (len(data) + 1)]
    end += len(b"</paragraph>")
    return data[:end] + data[start:end] + data[end:]


def _entity(data: bytes, at: int, junk: bytes) -> bytes:
    doctype = b'<!DOCTYPE declaration [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n'
    head = data.find(b"?>") + 2
    return data[:head] + doctype + data[head:].replace(b"Bishkek", b"&x;", 1)


def _text_insert(data: bytes, at: int, junk: bytes) -> bytes:
    """Well-formed but odd text inside a sentence: escaped markup, controls, bidi, astral."""
    text = junk.decode("utf-8", "replace")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode()
    starts = [i for i in range(len(data)) if data[i:i + 3] == b"<s "] or [0]
    i = data.find(b">", starts[at % len(starts)]) + 1
    return data[:i] + text + data[i:]


MUTATIONS = [_truncate, _insert, _swap_tags, _huge_attribute, _duplicate, _entity,
             _text_insert, _text_insert]
junk_bytes = st.one_of(st.binary(max_size=40), st.sampled_from(HOSTILE + FRAGMENTS).map(
    lambda s: s.encode("utf-8", "surrogatepass")))
mutated_xml = st.lists(st.tuples(st.sampled_from(MUTATIONS), st.integers(0, 10**6), junk_bytes),
                       min_size=1, max_size=3).map(lambda steps: _apply(steps))
# For align, mostly one mild mutation, so that a good share of the files still load.
mildly_mutated_xml = st.lists(
    st.tuples(st.sampled_from([_text_insert] * 4 + MUTATIONS), st.integers(0, 10**6), junk_bytes),
    min_size=1, max_size=2).map(lambda steps: _apply(steps))


def _apply(steps: list[tuple[object, int, bytes]]) -> bytes:
    data = SEED_BYTES
    for fn, at, junk in steps:
        data = fn(data, at, junk)  # type: ignore[operator]
    return data


@SETTINGS
@given(data=mutated_xml)
def test_validate_mutated_xml(capsys: pytest.CaptureFixture[str], data: bytes) -> None:
    with folder() as d:
        bad = d / "mutated.xml"
        bad.write_bytes(data)
        code, out, err = run(capsys, ["validate", str(bad)])
        assert code in (0, 2), (code, err[-400:])  # 1 only with --strict
        if code == 2:
            assert "mutated.xml" in err + out
        assert b"etc/hostname" not in (out + err).encode() or b"hostname" in data
        assert bad.read_bytes() == data
        _no_leftovers(d, {"mutated.xml"})


@FEW
@given(data=mildly_mutated_xml, left=st.booleans(), fmt=st.sampled_from(["text", "json"]))
def test_align_mutated_xml(capsys: pytest.CaptureFixture[str], data: bytes, left: bool,
                           fmt: str) -> None:
    with folder() as d:
        bad = d / "mutated.xml"
        bad.write_bytes(data)
        pair = [str(bad), str(SEED)] if left else [str(SEED), str(bad)]
        vcode, _, _ = run(capsys, ["validate", "-q", str(bad)])
        code, out, err = run(capsys, ["align", "--format", fmt, *pair])
        if vcode == 2:
            assert code == 2, (code, err[-400:])  # an invalid file is trouble for align too
            assert "mutated.xml" in err
            assert out == "" or "mutated.xml" in err  # no alignment passed off as a result
        else:
            assert code in (0, 1), (code, err[-400:])
        assert bad.read_bytes() == data
        _no_leftovers(d, {"mutated.xml"})


@FEW
@given(a=unicode_text, b=unicode_text)
def test_align_imported_random_texts(capsys: pytest.CaptureFixture[str], a: str, b: str) -> None:
    """Random Unicode imported on both sides, then aligned: trouble or an answer, never a crash."""
    with folder() as d:
        outs = []
        for name, text in (("a", a), ("b", b)):
            (d / f"{name}.txt").write_text(text + "\nThe member states will cooperate.\n",
                                           encoding="utf-8", errors="surrogatepass")
            src, dst = str(d / f"{name}.txt"), str(d / f"{name}.xml")
            code, _, _ = run(capsys, ["import", src, "-o", dst])
            if code != 0:
                return
            outs.append(dst)
        code, _, err = run(capsys, ["align", *outs])
        assert code in (0, 1), err[-400:]
        same, _, _ = run(capsys, ["align", "--check", outs[0], outs[0]])
        assert same == 0  # a declaration aligned with itself does not differ
