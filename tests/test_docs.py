"""Docs that match the code: every CLI command and setting is in the README, and the
README's two set-up commands are the ones run.py accepts."""

from __future__ import annotations

import re

from conftest import ROOT

from govgraph.cli import app
from govgraph.settings import Settings

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_is_documented():
    import typer.main

    group = typer.main.get_command(app)
    for name in group.commands:
        assert f"govgraph {name}" in README, f"`govgraph {name}` is not in README.md"


def test_every_setting_is_documented():
    for field in Settings.model_fields.values():
        assert field.alias in README, f"{field.alias} is not in README.md"


def test_readme_top_shows_exactly_the_two_set_up_commands():
    top = README.split("## The command line")[0]
    commands = re.findall(r"^python3 run\.py (\w+)", top, flags=re.M)
    assert commands == ["demo", "test"]
    run = (ROOT / "run.py").read_text(encoding="utf-8")
    assert '("demo", "test")' in run
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().endswith("python3 run.py test")
