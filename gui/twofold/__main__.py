# SPDX-License-Identifier: GPL-3.0-or-later
"""Allow ``python -m twofold``."""

import sys

from twofold.cli import main

sys.exit(main())
