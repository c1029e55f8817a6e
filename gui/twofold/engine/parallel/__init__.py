# SPDX-License-Identifier: GPL-3.0-or-later
"""The parallel runtime: the refine helper process, its pipe, the head starts.

Why apart from the stages: they are pure functions a reader can follow
without meeting a thread or a child process; the speed pieces that run them
on a second core live here. ``pipeline`` takes a refiner through its small
protocol and never imports this package (an import-linter contract says so).
"""
