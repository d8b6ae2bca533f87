"""Check content/ without building the site: python -m macros.validate

Exits 0 and prints a summary when the content is fine; otherwise prints every
problem (file, line, path inside the file, what is wrong) and exits 1.
"""
from __future__ import annotations

import sys
import time

from .content import ContentError, load_all


def main() -> int:
    start = time.perf_counter()
    try:
        content = load_all()
    except ContentError as err:
        print(err, file=sys.stderr)
        return 1
    took = (time.perf_counter() - start) * 1000
    print(f"Content is valid: {len(content)} files checked in {took:.0f} ms.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
