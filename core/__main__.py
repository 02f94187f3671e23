"""`python -m core ...` is the `tawthiq` command."""
from __future__ import annotations

if __name__ == "__main__":
    from core.cli import main

    raise SystemExit(main())
