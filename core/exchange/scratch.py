"""A scratch database for the rows an import stages and the UUIDs an export remembers.

SQLite's temporary tables live in memory in this build (SQLCipher keeps them off the
disk), so at national scale they would make memory grow with the package. The scratch
file is attached instead: on disk, unencrypted (it holds only what the package itself
holds in clear), and deleted afterwards.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator

from sqlite_utils import Database

from core.storage import PLAIN_PAGE_SIZE

SCRATCH = "x_scratch"


@contextlib.contextmanager
def scratch_database(db: Database) -> Iterator[str]:
    """Attach an empty scratch database as `x_scratch` for the duration of the block;
    yields the file's path. Must be entered outside a transaction."""
    fd, path = tempfile.mkstemp(prefix="tawthiq-exchange-", suffix=".db")
    os.close(fd)
    db.execute(f"ATTACH DATABASE ? AS {SCRATCH} KEY ''", [path])
    try:
        # Its rollback journal in memory, which stays small: the file is empty when the
        # block begins, and pages added since are not journalled, only cut off again. With
        # no journal at all, a rollback (a refused package, a full disk) left pages already
        # written to the file unreadable, and the connection failed at every statement
        # ("file is not a database") until the application was restarted.
        db.execute(f"PRAGMA {SCRATCH}.page_size = {PLAIN_PAGE_SIZE}")
        db.execute(f"PRAGMA {SCRATCH}.journal_mode = MEMORY")
        db.execute(f"PRAGMA {SCRATCH}.synchronous = OFF")
        yield path
    finally:
        with contextlib.suppress(Exception):
            db.execute(f"DETACH DATABASE {SCRATCH}")
        with contextlib.suppress(OSError):
            os.unlink(path)
