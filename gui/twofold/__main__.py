# SPDX-License-Identifier: GPL-3.0-or-later
"""The ``twofold`` command: installed, ``python -m twofold``, a frozen build (helper too)."""

import sys


def main() -> None:
    """Start the command (or, in a frozen build, the refine helper), then end the process."""
    # The helper is started with one argument alone: a comparison's start does not
    # import the helper's side (its modules and ``pickle``) only to tell it is none.
    if len(sys.argv) == 2:
        from twofold.engine.parallel.helper_process import HELPER_ARG, serve

        if sys.argv[1] == HELPER_ARG:  # a frozen build runs its helper on itself
            serve()
            sys.exit(0)
    import gc

    # What the command imports lives as long as the process: a collection pass
    # would walk it all and free none of it, during the imports or after them.
    gc.disable()
    from twofold.cli import run
    from twofold.process_setup import exempt_from_gc

    exempt_from_gc(collect_young_first=False)
    gc.enable()
    run()


if __name__ == "__main__":
    main()
