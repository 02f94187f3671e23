"""`python -m core.dedupe.import_scan_worker`: the worker of :mod:`core.dedupe.import_scan`
(a module of its own, so that the package does not import it before it runs)."""
from __future__ import annotations

if __name__ == "__main__":
    from core.dedupe.import_scan import serve

    serve()
