"""Checks that Qt can open a window here before the application starts (filled in below)."""
from __future__ import annotations


def main() -> int:
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
