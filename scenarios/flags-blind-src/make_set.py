#!/usr/bin/env python3
"""Writes the scenario folders S001... of scenarios/flags-blind from the group files.

Usage: python3 scenarios/flags-blind-src/make_set.py
Each group file states, claim by claim, the flags expected; this script only numbers the scenarios and writes them.
"""
import os
import shutil
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import glob  # noqa: E402
import importlib  # noqa: E402
import lib  # noqa: E402


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for path in sorted(glob.glob(os.path.join(here, 'g[0-9]_*.py'))):
        importlib.import_module(os.path.basename(path)[:-3]).build()
    for e in os.listdir(lib.ROOT):
        if e[:1] == 'S' and os.path.isdir(os.path.join(lib.ROOT, e)):
            shutil.rmtree(os.path.join(lib.ROOT, e))
    for n, s in enumerate(lib.Scenario.all, 1):
        s.write(n)
    claims = sum(len(s.claims) for s in lib.Scenario.all)
    print(f'{len(lib.Scenario.all)} scenarios, {claims} claims written')


if __name__ == '__main__':
    main()
