"""The git external diff driver and textconv, in temporary git repositories.

git runs with no global or system configuration (GIT_CONFIG_GLOBAL=/dev/null,
GIT_CONFIG_NOSYSTEM=1); the driver is `sys.executable -m compare git-diff`, so nothing depends
on PATH. Configured by the `diff` attribute and by `diff.external`.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from check_helpers import SEED, VARIANT, run

from compare.check.gitdiff import GitDiffError, parse_args, textconv

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

DRIVER = f"{shlex.quote(sys.executable)} -m compare git-diff"
ANSI = re.compile("\x1b\\[[0-9;]*m")


def _env(tmp: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("GIT_") and k not in ("COLUMNS", "NO_COLOR")}
    return {**env, "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
            "HOME": str(tmp), "GIT_PAGER": "cat", "LC_ALL": "C.UTF-8", **extra}


class Repo:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir()
        self.git("init", "-q")
        self.git("config", "user.email", "t@example.org")
        self.git("config", "user.name", "Test")
        (path / "d").mkdir()
        shutil.copy(SEED, path / "d" / "x.xml")
        (path / "notes.txt").write_text("one\ntwo\n", encoding="utf-8")
        self.git("add", ".")
        self.git("commit", "-qm", "first")

    def git(self, *args: str, **env: str) -> str:
        done = subprocess.run(["git", *args], cwd=self.path, env=_env(self.path.parent, **env),
                              capture_output=True, check=False)
        assert done.returncode == 0, done.stderr.decode()
        return done.stdout.decode("utf-8")

    def by_attribute(self) -> None:
        (self.path / ".gitattributes").write_text("*.xml diff=scodiff\n", encoding="utf-8")
        self.git("config", "diff.scodiff.command", DRIVER)

    def change(self) -> None:
        shutil.copy(VARIANT, self.path / "d" / "x.xml")


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(tmp_path / "repo")


def _clause_diff(out: str) -> None:
    assert "diff --git a/d/x.xml b/d/x.xml" in out
    assert "~ para_12 -> para_12  reworded" in out
    assert "softened para_12__s_1" in out and "dropped para_17__s_1" in out
    assert "<declaration" not in out  # clauses, not XML lines


def test_by_attribute(repo: Repo) -> None:
    repo.by_attribute()
    repo.change()
    (repo.path / "notes.txt").write_text("one\nthree\n", encoding="utf-8")
    out = repo.git("diff")
    _clause_diff(out)
    assert "-two\n+three\n" in out  # not an .xml file: git's own diff
    assert "\x1b[" not in out


def test_by_diff_external(repo: Repo) -> None:
    repo.git("config", "diff.external", DRIVER)
    repo.change()
    (repo.path / "notes.txt").write_text("one\nthree\n", encoding="utf-8")
    out = repo.git("diff")
    _clause_diff(out)
    assert "--- a/notes.txt\n+++ b/notes.txt\n@@ -1,2 +1,2 @@\n one\n-two\n+three\n" in out


def test_cached_added_and_deleted(repo: Repo) -> None:
    repo.by_attribute()
    shutil.copy(VARIANT, repo.path / "d" / "new.xml")
    repo.git("add", "d/new.xml")
    out = repo.git("diff", "--cached")
    assert "diff --git a/d/new.xml b/d/new.xml\nnew file mode 100644\n--- /dev/null\n" in out
    assert "+ . -> para_1  added" in out and "(0 unit(s) unchanged)" in out
    repo.git("commit", "-qm", "add")
    repo.git("rm", "-q", "d/new.xml")
    out = repo.git("diff", "--cached")
    assert "deleted file mode 100644\n--- a/d/new.xml\n+++ /dev/null\n" in out
    assert "- para_1 -> .  removed" in out


def test_renamed(repo: Repo) -> None:
    repo.by_attribute()
    repo.git("mv", "d/x.xml", "d/y.xml")
    out = repo.git("diff", "--cached", "-M")
    assert out.startswith("diff --git a/d/x.xml b/d/y.xml\nsimilarity index 100%\n"
                          "rename from d/x.xml\nrename to d/y.xml\n")
    repo.git("commit", "-qm", "mv")
    shutil.copy(VARIANT, repo.path / "d" / "y.xml")
    repo.git("add", ".")
    repo.git("commit", "-qm", "change")
    out = repo.git("diff", "-M", "HEAD~2", "HEAD")
    assert "rename from d/x.xml" in out and "softened para_12__s_1" in out


def test_mode_only(repo: Repo) -> None:
    repo.by_attribute()
    (repo.path / "d" / "x.xml").chmod(0o755)
    out = repo.git("diff")
    assert out == "diff --git a/d/x.xml b/d/x.xml\nold mode 100644\nnew mode 100755\n"


def test_log_and_show(repo: Repo) -> None:
    repo.by_attribute()
    repo.change()
    repo.git("commit", "-qam", "variant")
    _clause_diff(repo.git("log", "-p", "--ext-diff", "-1"))
    _clause_diff(repo.git("show", "--ext-diff"))
    assert "<s eId=" in repo.git("show", "--no-ext-diff")


def test_textconv_for_log(repo: Repo) -> None:
    (repo.path / ".gitattributes").write_text("*.xml diff=scodiff\n", encoding="utf-8")
    repo.git("config", "diff.scodiff.textconv", f"{DRIVER} --textconv")
    repo.change()
    repo.git("commit", "-qam", "variant")
    out = repo.git("log", "-p", "-1")
    assert "-para_12__s_1  The SCO member states stand ready" in out
    assert "+para_12__s_1  The SCO member states note" in out
    assert "-para_17__s_1  The SCO member states have confirmed" in out


def test_unmerged_path(repo: Repo) -> None:
    repo.git("config", "diff.external", DRIVER)
    base = repo.git("rev-parse", "--abbrev-ref", "HEAD").strip()
    repo.git("checkout", "-qb", "other")
    (repo.path / "notes.txt").write_text("one\nother\n", encoding="utf-8")
    repo.git("commit", "-qam", "other")
    repo.git("checkout", "-q", base)
    (repo.path / "notes.txt").write_text("one\nmine\n", encoding="utf-8")
    repo.git("commit", "-qam", "mine")
    subprocess.run(["git", "merge", "-q", "other"], cwd=repo.path, env=_env(repo.path.parent),
                   capture_output=True, check=False)
    assert repo.git("diff", "--cached") == "* Unmerged path notes.txt\n"


def test_colour_and_width(repo: Repo) -> None:
    repo.by_attribute()
    repo.change()
    out = repo.git("diff", GIT_PAGER_IN_USE="true", COLUMNS="60")
    assert "\x1b[31m" in out and "\x1b[32m" in out
    plain = ANSI.sub("", out)
    body = [x for x in plain.splitlines() if x.startswith("    ")]
    assert body and max(len(x) for x in body if " " in x.strip()) <= 60
    wide = repo.git("diff", COLUMNS="200")
    assert max(len(x) for x in wide.splitlines() if x.startswith("    ")) > 100


def test_not_a_declaration_is_a_plain_diff(repo: Repo) -> None:
    repo.by_attribute()
    (repo.path / "other.xml").write_text("<a>\n<b/>\n</a>\n", encoding="utf-8")
    repo.git("add", ".")
    repo.git("commit", "-qm", "other")
    (repo.path / "other.xml").write_text("<a>\n<c/>\n</a>\n", encoding="utf-8")
    out = repo.git("diff")
    assert "--- a/other.xml\n+++ b/other.xml\n@@ -1,3 +1,3 @@\n <a>\n-<b/>\n+<c/>\n </a>\n" in out
    broken = (repo.path / "d" / "x.xml").read_text(encoding="utf-8").replace("</body>", "")
    (repo.path / "d" / "x.xml").write_text(broken, encoding="utf-8")
    out = repo.git("diff", "d/x.xml")
    assert "# scodiff: b/d/x.xml" in out and "shown line by line" in out and "-  </body>" in out


def _driver(args: list[str], **env: str) -> subprocess.CompletedProcess[bytes]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return subprocess.run([sys.executable, "-m", "compare", "git-diff", *args],
                          env={**clean, **env}, capture_output=True, check=False)


def test_exit_codes_and_temp_files_kept(tmp_path: Path) -> None:
    old, new = tmp_path / "old.xml", tmp_path / "new.xml"
    shutil.copy(SEED, old)
    shutil.copy(VARIANT, new)
    args = ["d/x.xml", str(old), "a" * 40, "100644", str(new), "b" * 40, "100644"]
    assert _driver(args).returncode == 0
    assert _driver(args, GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE="true").returncode == 1
    same = [*args[:4], str(old), "a" * 40, "100644"]
    assert _driver(same, GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE="1").returncode == 0
    assert _driver(["--exit-code", *args]).returncode == 1
    assert old.exists() and new.exists()  # git's files are git's to remove
    for bad in (args[:5], [*args, "extra"], [*args[:3], "644", *args[4:]],
                [*args[:2], "xyz!", *args[3:]]):
        done = _driver(bad)
        assert done.returncode == 2 and b"git's arguments" in done.stderr
    done = _driver(["d/x.xml", str(tmp_path / "gone"), "a" * 40, "100644", str(new), ".",
                    "100644"])
    assert done.returncode == 2 and b"gone" in done.stderr


def test_parse_args() -> None:
    call = parse_args(["p", "/dev/null", ".", ".", "f", "ab" * 20, "100644"])
    assert not isinstance(call, str) and call.old.absent and not call.new.absent
    assert parse_args(["only"]) == "only"
    with pytest.raises(GitDiffError):
        parse_args(["a", "b"])


def test_textconv_passes_other_files_through(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "x.bin"
    other.write_bytes(b"\x00\x01raw")
    assert textconv(str(other)) == b"\x00\x01raw"
    code, out, _ = run(["git-diff", "--textconv", str(SEED)], capsys)
    assert code == 0 and "para_15__s_1  Expressing concerns" in out
    assert run(["git-diff", "--textconv"], capsys)[0] == 2


def test_colour_on_a_terminal(tmp_path: Path) -> None:
    pty = pytest.importorskip("pty")
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("a\nb\n", encoding="utf-8")
    new.write_text("a\nc\n", encoding="utf-8")
    args = ["x.txt", str(old), "a" * 40, "100644", str(new), "b" * 40, "100644"]
    master, slave = pty.openpty()
    clean = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    done = subprocess.run([sys.executable, "-m", "compare", "git-diff", *args], env=clean,
                          stdout=slave, stderr=subprocess.PIPE, check=False)
    os.close(slave)
    out = os.read(master, 65536).decode("utf-8")
    os.close(master)
    assert done.returncode == 0 and "\x1b[31m-b" in out and "\x1b[32m+c" in out
    piped = _driver(args).stdout.decode("utf-8")
    assert "\x1b[" not in piped and "-b\n+c\n" in piped
    assert "\x1b[" not in _driver(["--color", "never", *args], GIT_PAGER_IN_USE="1").stdout.decode()
