"""`scodiff` as a process ends without the interpreter's teardown (`cli.run`): everything it
printed or wrote is there, whole, and the exit status is the command's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from compare.cli import main

ROOT = Path(__file__).resolve().parent.parent
LEFT, RIGHT = (str(ROOT / "declarations" / n) for n in ("2007-bishkek-draft.xml",
                                                        "2007-bishkek.xml"))


def _process(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "compare", *args], capture_output=True,
                          check=False, cwd=ROOT)


def test_stdout_whole_and_status_kept(capsysbinary) -> None:
    assert main(["align", LEFT, RIGHT, "--format", "json"]) == 1
    expected = capsysbinary.readouterr().out
    proc = _process("align", LEFT, RIGHT, "--format", "json")
    assert proc.returncode == 1 and proc.stdout == expected and len(expected) > 10_000


def test_file_written_and_trouble_said(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    proc = _process("report", LEFT, RIGHT, "-o", str(out))
    assert proc.returncode == 1 and out.read_text(encoding="utf-8").rstrip().endswith("</html>")
    bad = _process("align", LEFT, str(tmp_path / "missing.xml"))
    assert bad.returncode == 2 and bad.stderr.decode().startswith("scodiff: error: ")
    assert bad.stdout == b""
