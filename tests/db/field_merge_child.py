"""A merge for the crash test: connect to the office database, wait for "go", bring a package back.

    python tests/db/field_merge_child.py <database url> <package path>

It prints "ready <PostgreSQL backend pid or 0>" once connected and everything is imported, waits
for a line on stdin, then runs merge.bring_back as the team leader (ketua1); "in" is printed from
inside the merge's transaction when it opens, "done" after it committed.
test_field_merge_crash.py kills it with SIGKILL somewhere in between.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("DINAS_DESK_FAST_HASH", "1")

from desktop.models import User, connection, db  # noqa: E402
from desktop.services.field import merge  # noqa: E402
from desktop.services.security.auth import session_for  # noqa: E402


def main(argv: list[str]) -> int:
    url, path = argv[1], argv[2]
    connection.initialize(url)
    leader = session_for(User.get(User.username == "ketua1"))
    pid = db.execute_sql("SELECT pg_backend_pid()").fetchone()[0] if url.startswith("postgres") else 0
    run = merge._Merge.run

    def marked(self):
        print("in", flush=True)
        return run(self)

    merge._Merge.run = marked
    print(f"ready {pid}", flush=True)
    sys.stdin.readline()
    result = merge.bring_back(leader, path)
    print(f"done {result.added}", flush=True)
    connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
