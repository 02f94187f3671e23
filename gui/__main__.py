"""`python -m gui [...]` is the `tawthiq` command; with no command it opens the window."""
from __future__ import annotations

if __name__ == "__main__":
    from gui.launch import main

    raise SystemExit(main())
