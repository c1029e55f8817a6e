# SPDX-License-Identifier: GPL-3.0-or-later
"""Allow ``python -m twofold``; also the entry of a frozen build, refine helper included."""

import sys

if __name__ == "__main__":
    # The helper is started with one argument alone: a comparison's start does not
    # import the helper's side (its modules and ``pickle``) only to tell it is none.
    if len(sys.argv) == 2:
        from twofold.engine.parallel.helper_process import HELPER_ARG, serve

        if sys.argv[1] == HELPER_ARG:  # a frozen build runs its helper on itself
            serve()
            sys.exit(0)
    from twofold.cli import run

    run()
