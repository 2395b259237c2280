"""Check stage, locations: the line and column in the XML file of a character of a sentence.

Declarations carry the line of each element (`Sentence.line`, `Unit.line`); a column needs the
file's text. `Source` finds where each `<s eId="...">`'s text starts and walks the raw
characters from there, an entity or character reference (`&amp;`, `&#8221;`) counting as the one
character it stands for, so the column points at the character in the file as an editor shows
it (1-based, in code points). Where the raw text cannot be followed (a comment or CDATA inside a
sentence), the column of the sentence's start is given.
"""

from __future__ import annotations

import bisect
import re

_S_TAG = re.compile(r"<(?:[\w.-]+:)?s\s[^>]*?\beId\s*=\s*([\"'])(.*?)\1[^>]*?(/?)>")
_NEWLINE = re.compile("\r\n|\r|\n")


class Source:
    """The raw text of one declaration file, indexed for line and column look-ups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        self._starts: dict[str, int] = {}
        for m in _S_TAG.finditer(text):
            if not m.group(3):
                self._starts.setdefault(m.group(2), m.end())

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of a raw offset."""
        line = bisect.bisect_right(self._lines, offset) - 1
        return line + 1, offset - self._lines[line] + 1

    def sentence(self, sid: str, index: int = 0) -> tuple[int, int] | None:
        """Where character `index` of sentence `sid`'s text is in the file; None if not found."""
        start = self._starts.get(sid)
        if start is None:
            return None
        raw, i, n = self.text, start, 0
        while n < index and i < len(raw):
            ch = raw[i]
            if ch == "<":  # markup inside the text: stop at the sentence's start
                return self.position(start)
            if ch == "&":
                end = raw.find(";", i, i + 12)
                i = end + 1 if end > 0 else i + 1
            elif ch == "\r" and raw.startswith("\r\n", i):
                i += 2
            else:
                i += 1
            n += 1
        return self.position(i)

    def element(self, line: int | None, tag: str) -> tuple[int | None, int | None]:
        """The line given and the column of `<tag` on it (1 when it is not found)."""
        if line is None or not 1 <= line <= len(self._lines):
            return line, None
        start = self._lines[line - 1]
        end = self._lines[line] if line < len(self._lines) else len(self.text)
        at = self.text.find("<" + tag, start, end)
        return line, (at - start + 1) if at >= 0 else 1
