"""`python -m core ...` is the `tawthiq` command."""
from __future__ import annotations

from core.cli import main

raise SystemExit(main())
