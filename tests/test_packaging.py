"""A wheel installed outside the checkout finds its schema, templates and bundled declarations."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp / "dist"), str(ROOT)],
        check=True, capture_output=True,
    )
    wheel = next((tmp / "dist").glob("scodiff-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
    assert "compare/store/schema/declaration.rng" in names
    assert "compare/declarations/2007-bishkek.xml" in names
    assert any(n.startswith("compare/templates/") for n in names)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
         str(tmp / "site"), str(wheel)],
        check=True, capture_output=True,
    )
    return tmp


def scodiff(installed: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(installed / "site")}
    work = installed / "elsewhere"
    work.mkdir(exist_ok=True)
    return subprocess.run([sys.executable, "-m", "compare", *args], cwd=work, env=env,
                          capture_output=True, text=True, check=False)


def test_installed_package_is_the_wheel(installed: Path) -> None:
    proc = scodiff(installed, "--version")
    assert proc.returncode == 0
    env = {**os.environ, "PYTHONPATH": str(installed / "site")}
    where = subprocess.run([sys.executable, "-c", "import compare; print(compare.__file__)"],
                           cwd=installed, env=env, capture_output=True, text=True, check=True)
    assert where.stdout.startswith(str(installed / "site"))


def test_bundled_declarations_validate(installed: Path) -> None:
    proc = scodiff(installed, "validate")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 invalid" in proc.stderr


def test_show_bundled_seed_by_id(installed: Path) -> None:
    proc = scodiff(installed, "show", "2007-bishkek", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert sum(u["kind"] == "paragraph" for u in doc["units"]) == 18
