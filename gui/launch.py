"""The `tawthiq` command: core's command line, plus `gui` (the default) to open the window.

core knows nothing of windows; this module adds the one command that needs Qt, so that
the arrow goes from gui to core only.
"""
from __future__ import annotations

import argparse
from collections.abc import Sequence

from core import cli


@cli.command("gui")
def _gui(args: argparse.Namespace) -> int:
    from gui.app import main as gui_main  # imported late: the other commands need no Qt

    return gui_main(["--db", str(cli.database_path(args))])


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv)
