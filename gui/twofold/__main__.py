# SPDX-License-Identifier: GPL-3.0-or-later
"""Allow ``python -m twofold``; also the entry of a frozen build, refine helper included."""

import sys

if __name__ == "__main__":
    from twofold.engine.parallel.helper_process import HELPER_ARG

    if sys.argv[1:] == [HELPER_ARG]:  # a frozen build runs its helper on itself
        from twofold.engine.parallel.helper_process import serve

        serve()
        sys.exit(0)
    from twofold.cli import run

    run()
