"""The progress bar: on a terminal only, never when stderr is not a TTY or CI is set."""

from __future__ import annotations

import io

import pytest

from compare.cli import corpus_cmds


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_quiet_unless_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(corpus_cmds.sys, "stderr", io.StringIO())
    assert corpus_cmds.progress_bar("site") is None
    tty = _Tty()
    monkeypatch.setattr(corpus_cmds.sys, "stderr", tty)
    bar = corpus_cmds.progress_bar("site")
    assert bar is not None
    bar(1, 4, "index.html")
    bar(4, 4, "done")
    assert "[#######" in tty.getvalue() and "4/4" in tty.getvalue()
    assert tty.getvalue().endswith("\n")
    monkeypatch.setenv("CI", "true")
    assert corpus_cmds.progress_bar("site") is None
