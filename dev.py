#!/usr/bin/env python3
"""Bootstrap and run: the README's two quick-start commands.

    python3.11 dev.py demo      # the sample web on loopback, crawled, served with Datasette
    python3.11 dev.py test      # ruff (lint, format), mypy, import contracts, the whole suite

Both create ./.venv on first use and install the project into it (again only
when pyproject.toml changes). Only the standard library is used here, because
this runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def ensure_venv(extras: str) -> None:
    """Create the virtual environment and install the project when needed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - runs before any venv exists
        sys.exit(f"tct-archive needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        print(f"creating {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    stamp = VENV / f".installed-{extras or 'core'}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    pip = [str(BIN / "python"), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    print(f"installing tct-archive{extras} into {VENV} ...", flush=True)
    for args in (["--upgrade", "pip"], ["-e", f"{ROOT}{extras}"]):
        done = subprocess.run([*pip, *args], capture_output=True, text=True)
        if done.returncode:  # pip's output only when it failed: it is noisy otherwise
            sys.stderr.write(done.stdout + done.stderr)
            sys.exit(f"pip install {' '.join(args)} failed (exit {done.returncode})")
    stamp.write_text(digest)


def run(args: list[str]) -> int:
    return subprocess.call(args, cwd=ROOT)


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("help", [])
    if command == "demo":
        ensure_venv("")
        return run([str(BIN / "tct-archive"), "demo", *rest])
    if command == "test":
        ensure_venv("[test]")
        steps = (
            [str(BIN / "ruff"), "check", "."],
            [str(BIN / "ruff"), "format", "--check", "."],
            [str(BIN / "mypy")],
            [str(BIN / "lint-imports")],  # the import contracts in pyproject.toml
        )
        for step in steps:
            if run(step):
                return 1
        return run([str(BIN / "python"), "-m", "pytest", *rest])
    if command == "venv":
        ensure_venv("[test]")
        return 0
    print(__doc__)
    return 0 if command == "help" else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
