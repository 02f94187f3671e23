"""`python -m core.dedupe.scan_worker`: one worker of :mod:`core.dedupe.parallel` (a module
of its own, so that the package does not import it before it runs)."""
from __future__ import annotations

if __name__ == "__main__":
    from core.dedupe.parallel import serve

    serve()
