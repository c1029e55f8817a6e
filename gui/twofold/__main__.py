# SPDX-License-Identifier: GPL-3.0-or-later
"""Allow ``python -m twofold``."""

import multiprocessing
import sys

from twofold.cli import main

if __name__ == "__main__":
    # A frozen build runs this file in the refine helper too (see engine/refine_helper).
    multiprocessing.freeze_support()
    sys.exit(main())
