"""`python -m core.exchange.row_worker_main`: one worker of :mod:`core.exchange.row_workers`
(a module of its own, so that the package does not import it before it runs)."""
from __future__ import annotations

if __name__ == "__main__":
    from core.exchange.row_workers import serve

    serve()
